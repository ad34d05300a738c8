package io.github.genesysrotator.rotation;

/** A precondition of a rotation does not hold; nothing was changed. */
public class PreflightException extends RotationException {

	public PreflightException(String credential, String reason) {
		super("Preflight of credential '" + credential + "' failed: " + reason);
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.PREFLIGHT_FAILED;
	}

}
