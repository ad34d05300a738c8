package io.github.genesysrotator.rotation;

/**
 * Where a credential's rotation stands. Every phase but {@link #IDLE} and {@link #FAILED}
 * is a rotation in flight that recovery can resume after a crash.
 */
public enum Phase {

	IDLE, REGENERATING, STAGED, VERIFIED, PROMOTED, FAILED;

	public boolean inFlight() {
		return this != IDLE && this != FAILED;
	}

}
