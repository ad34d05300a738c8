package io.github.genesysrotator.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.genesysrotator.rotation.RotationResult;

/**
 * A rollback's result reaches listeners twice: through {@code rolledBack} and then again
 * through {@code finished}. Listeners that count transitions remember the first and
 * ignore its echo.
 */
final class RollbackEchoes {

	private final Set<String> rollbacks = ConcurrentHashMap.newKeySet();

	/** The result of a rollback, seen through {@code rolledBack}. */
	void rolledBack(RotationResult result) {
		if (result.rotationId() != null) {
			this.rollbacks.add(result.rotationId());
		}
	}

	/**
	 * Whether a result seen through {@code finished} repeats a rollback already reported
	 * (it is forgotten then) or is a dry run: neither is a transition of its own.
	 */
	boolean notATransition(RotationResult result) {
		return result.dryRun() || (result.rotationId() != null && this.rollbacks.remove(result.rotationId()));
	}

}
