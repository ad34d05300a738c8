package io.github.genesysrotator.rotation;

/**
 * Root of every error the rotator raises on purpose. Messages carry context (credential,
 * client id, Vault path, HTTP status) and never a secret.
 */
public abstract class RotationException extends RuntimeException {

	protected RotationException(String message) {
		super(message);
	}

	protected RotationException(String message, Throwable cause) {
		super(message, cause);
	}

	/** A stable, machine-readable code, used as the problem type and in the audit log. */
	public abstract ErrorCode errorCode();

}
