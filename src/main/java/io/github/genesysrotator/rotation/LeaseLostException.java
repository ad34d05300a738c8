package io.github.genesysrotator.rotation;

/**
 * The running rotation lost its lease: another replica took the credential over (the
 * lease expired while this one waited, stalled or could not reach Vault). This attempt
 * stopped before its next side effect; the replica that took over finishes the rotation.
 */
public class LeaseLostException extends RotationException {

	public LeaseLostException(String credential, String step) {
		super("Rotation of credential '" + credential + "' was taken over by another replica before " + step
				+ "; it stopped and left the rotation to that replica");
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.LEASE_LOST;
	}

}
