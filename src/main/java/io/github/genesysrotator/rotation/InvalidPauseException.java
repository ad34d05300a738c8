package io.github.genesysrotator.rotation;

/**
 * A pause that cannot be set as asked (an {@code until} in the past); nothing was
 * written.
 */
public class InvalidPauseException extends RotationException {

	public InvalidPauseException(String message) {
		super(message);
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.INVALID_PAUSE;
	}

}
