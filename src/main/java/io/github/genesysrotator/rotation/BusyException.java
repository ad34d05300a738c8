package io.github.genesysrotator.rotation;

/**
 * Another rotation of the credential holds it (on this replica or another): the request
 * is refused with {@code rotation-in-progress} and changes nothing.
 */
class BusyException extends RotationException {

	BusyException(String message) {
		super(message);
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.ROTATION_IN_PROGRESS;
	}

}
