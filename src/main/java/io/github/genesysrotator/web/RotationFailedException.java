package io.github.genesysrotator.web;

import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationResult;

/**
 * Carries a rotation result that did not succeed from the controller to
 * {@link ApiExceptionHandler}, which turns it into a problem.
 */
class RotationFailedException extends RuntimeException {

	private final transient RotationResult result;

	RotationFailedException(RotationResult result) {
		super(result.errorMessage(), null, false, false);
		this.result = result;
	}

	RotationResult result() {
		return this.result;
	}

	/** The result when it succeeded. */
	static RotationResult unlessSucceeded(RotationResult result) {
		if (result.outcome() != Outcome.SUCCESS) {
			throw new RotationFailedException(result);
		}
		return result;
	}

}
