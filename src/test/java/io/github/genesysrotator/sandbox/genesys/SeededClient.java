package io.github.genesysrotator.sandbox.genesys;

/**
 * An OAuth client created through the seeding API, with the secret it was created with.
 *
 * @param id the client id (a UUID)
 * @param secret the initial secret
 */
public record SeededClient(String id, String secret) {

	/** Keeps secrets out of assertion messages and logs. */
	@Override
	public String toString() {
		return "SeededClient[id=" + this.id + ", secret=****]";
	}

}
