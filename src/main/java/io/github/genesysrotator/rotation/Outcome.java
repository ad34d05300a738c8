package io.github.genesysrotator.rotation;

import java.util.Locale;

/** How a rotation attempt ended; the lower-case name is the metric label. */
public enum Outcome {

	/** The rotation completed (or, for a dry run, would run). */
	SUCCESS,
	/**
	 * The rotation failed. In dual, the published credential is the previous, working
	 * one. In single, a failure before the publication leaves the record in flight for
	 * recovery (the published secret may be dead), and one after it leaves the new,
	 * unverified secret published.
	 */
	FAILED,
	/** Another rotation of the same credential holds the lease. */
	BUSY,
	/**
	 * Refused by a rule before any side effect (grace period, API cool-down, already
	 * rotated since the scheduler queued it), or an interrupted single rotation that
	 * recovery closed as abandoned because it had regenerated nothing.
	 */
	SKIPPED;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
