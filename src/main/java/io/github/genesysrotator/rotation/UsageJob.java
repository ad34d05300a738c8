package io.github.genesysrotator.rotation;

import java.time.LocalDate;
import java.util.List;

/**
 * A poll of a Genesys usage job: still running, done with the days that had calls, or
 * failed.
 *
 * @param status where the job stands
 * @param days done: every reported day with at least one call (all pages)
 */
public record UsageJob(Status status, List<UsageDay> days) {

	public UsageJob {
		days = List.copyOf(days);
	}

	/** Where a job stands. */
	public enum Status {

		/** {@code Queued} or {@code Running}: poll again. */
		PENDING,
		/** {@code Succeeded}: the days are complete. */
		SUCCEEDED,
		/** {@code Failed} or {@code Cancelled}: no data. */
		FAILED

	}

	/**
	 * Calls a client made on one UTC day.
	 *
	 * @param date the day
	 * @param requests the day's {@code requestCount}
	 */
	public record UsageDay(LocalDate date, long requests) {

	}

}
