package io.github.genesysrotator.rotation;

/** The external systems a rotation depends on, with the error codes of their failures. */
public enum Dependency {

	GENESYS(ErrorCode.GENESYS_UNAVAILABLE, ErrorCode.GENESYS_REJECTED),

	VAULT(ErrorCode.VAULT_UNAVAILABLE, ErrorCode.VAULT_REJECTED);

	private final ErrorCode unavailable;

	private final ErrorCode rejected;

	Dependency(ErrorCode unavailable, ErrorCode rejected) {
		this.unavailable = unavailable;
		this.rejected = rejected;
	}

	/** Unreachable, timed out or 5xx/429 past the retries. */
	public ErrorCode unavailable() {
		return this.unavailable;
	}

	/** Answered, and refused. */
	public ErrorCode rejected() {
		return this.rejected;
	}

}
