package io.github.genesysrotator.rotation;

import java.util.Locale;

/** How a rotation attempt ended; the lower-case name is the metric label. */
public enum Outcome {

	/** The rotation completed (or, for a dry run, would run). */
	SUCCESS,
	/**
	 * The rotation failed; the published credential is still the previous, working one.
	 */
	FAILED,
	/** Another rotation of the same credential holds the lease. */
	BUSY,
	/** Refused by a rule (grace period, cool-down, not due) before any side effect. */
	SKIPPED;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
