package io.github.genesysrotator.rotation;

/**
 * A check-and-set write of a state record lost: another writer changed it first. For the
 * running rotation this means it lost its lease and must stop before any side effect.
 */
public class StateConflictException extends RotationException {

	public StateConflictException(String credential) {
		super("State record of credential '" + credential + "' was changed by another writer");
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.STATE_CONFLICT;
	}

}
