package io.github.genesysrotator.rotation;

/**
 * A request that cannot apply to the credential as it is configured or stands (a rollback
 * of a single credential, a rollback with nothing to roll back to). It is refused before
 * any attempt: it is no rotation, so no listener hears of it (no metric, no audit event,
 * no alert).
 */
public class NotApplicableException extends RotationException {

	public NotApplicableException(String credential, String reason) {
		super("Not applicable to credential '" + credential + "': " + reason);
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.NOT_APPLICABLE;
	}

}
