package io.github.genesysrotator.sandbox.vault;

/**
 * One request the simulator answered (or faulted).
 *
 * @param method the HTTP method
 * @param path the decoded path including {@code /v1/}
 * @param query the raw query string, empty when none
 * @param status the status sent, or -1 for a reset or a timeout
 * @param token the client token sent, or null
 */
public record RecordedRequest(String method, String path, String query, int status, String token) {

	public boolean hadToken() {
		return this.token != null;
	}

}
