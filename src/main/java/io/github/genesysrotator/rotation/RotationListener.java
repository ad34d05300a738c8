package io.github.genesysrotator.rotation;

/**
 * Observes rotations: metrics, audit events and notifications implement it. Callbacks run
 * on the rotating thread, must be quick and must not throw.
 */
public interface RotationListener {

	/** A rotation (or recovery) took the credential's lease. */
	default void started(String credential, String rotationId, Trigger trigger, String actor) {
	}

	/** The credential reached a phase. */
	default void phaseChanged(String credential, Phase phase) {
	}

	/**
	 * A generated secret is (or is no longer) held in memory only, waiting for Vault.
	 */
	default void uncommitted(String credential, boolean uncommitted) {
	}

	/** The attempt ended, whatever the outcome. */
	default void finished(RotationResult result) {
	}

	/** A dual credential was rolled back to its previous client. */
	default void rolledBack(RotationResult result) {
	}

}
