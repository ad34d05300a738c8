package io.github.genesysrotator.rotation;

/** No credential of that name is configured. */
public class UnknownCredentialException extends RotationException {

	public UnknownCredentialException(String credential) {
		super("No credential named '" + credential + "' is configured");
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.UNKNOWN_CREDENTIAL;
	}

}
