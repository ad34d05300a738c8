package io.github.genesysrotator.rotation;

/** The consumer path changed between the read and the check-and-set publication. */
public class PublicationConflictException extends RotationException {

	public PublicationConflictException(String vaultPath) {
		super("Consumer path '" + vaultPath + "' was changed by another writer");
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.PUBLICATION_CONFLICT;
	}

}
