package io.github.genesysrotator.rotation;

import java.time.Instant;

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

	/**
	 * After an attempt: the credential's status as the record this replica last read or
	 * wrote shows it, so observers need not read Vault again. Not sent when the attempt
	 * lost a check-and-set write, since its copy of the record is then outdated.
	 */
	default void statusKnown(CredentialStatus status) {
	}

	/**
	 * Routine rotations of the credential were paused (or the pause was changed) over the
	 * API.
	 */
	default void paused(String credential, StateRecord.Pause pause) {
	}

	/** A pause of the credential was lifted over the API. */
	default void resumed(String credential, String actor) {
	}

	/**
	 * The credential's next scheduled rotation is due within the configured lead time.
	 * Raised once per due date across all replicas.
	 */
	default void rotationDue(String credential, Instant dueAt) {
	}

}
