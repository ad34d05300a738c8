package io.github.genesysrotator.rotation;

import java.time.Duration;

/** A freshly generated secret did not obtain a token within the verification timeout. */
public class VerificationException extends RotationException {

	public VerificationException(String credential, String clientId, Duration timeout) {
		super("New secret of client " + clientId + " (credential '" + credential + "') was not accepted within "
				+ timeout);
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.VERIFICATION_FAILED;
	}

}
