package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.genesysrotator.rotation.StandbyUsage.Answer;
import io.github.genesysrotator.rotation.StateRecord.Slot;
import io.github.genesysrotator.rotation.UsageJob.UsageDay;
import org.jspecify.annotations.Nullable;

/**
 * The retirement guard: before a routine dual rotation regenerates the standby client, it
 * asks Genesys for that client's API calls on every complete UTC day after the day it was
 * demoted (docs/operations.md, "Retirement guard"). It is in use while the latest
 * complete day had calls: calls on earlier days only show a consumer that re-read late,
 * and a complete day without calls ends the refusal. Genesys reports usage per client per
 * complete UTC day only, so the answer is "unknown" until such a day exists, and whenever
 * the usage API fails, refuses or does not finish within
 * {@code rotator.rotation.usage-timeout}; it is never "not in use" without data. Reports
 * hold rows only for days with calls, so a standby without calls on the latest day is
 * judged on the latest day Genesys is known to have published: one on which the rotator's
 * own admin client has reported calls (a second job, once per org and UTC day once it
 * covers the latest day). When Genesys publishes later than
 * {@code rotator.rotation.usage-delay}, the answer rests on an earlier day, or is unknown
 * when no day since the demotion is published. An answer Genesys gave today is reused for
 * the same demotion until the next UTC day, so a credential costs at most one usage job
 * of its standby per day. The guard runs before the rotation's intent, without the lease,
 * and writes nothing itself.
 */
final class RetirementGuard {

	private final GenesysOAuthClients genesys;

	private final Clock clock;

	private final Sleeper sleeper;

	private final RotatorProperties.Rotation timings;

	private final PublishedUsage published;

	RetirementGuard(GenesysOAuthClients genesys, Clock clock, Sleeper sleeper, RotatorProperties.Rotation timings,
			PublishedUsage published) {
		this.genesys = genesys;
		this.clock = clock;
		this.sleeper = sleeper;
		this.timings = timings;
		this.published = published;
	}

	/**
	 * The answer for the standby client of the record, or empty when the guard does not
	 * apply (usage-check off, compromise mode, no published client yet).
	 */
	Optional<StandbyUsage> ask(CredentialSpec spec, StateRecord record, Mode mode) {
		if (spec.usageCheck() == UsageCheck.OFF || mode != Mode.ROUTINE || record.activeSlot() == null) {
			return Optional.empty();
		}
		Slot standby = record.slots().get(record.standbySlot());
		Instant now = this.clock.instant();
		LocalDate today = day(now);
		if (record.promotedAt() == null) {
			return Optional.of(unknown(standby, null,
					"the state record does not say when client " + standby.clientId() + " was demoted"));
		}
		LocalDate demotedOn = day(record.promotedAt());
		LocalDate firstDay = demotedOn.plusDays(1);
		LocalDate lastDay = day(now.minus(this.timings.usageDelay())).minusDays(1);
		if (lastDay.isBefore(firstDay)) {
			return Optional.of(unknown(standby, demotedOn,
					"no complete UTC day since client " + standby.clientId() + " was demoted on " + demotedOn
							+ " (a day counts once it ended and rotator.rotation.usage-delay passed)"));
		}
		if (standby.usage() != null && standby.usage().answers(standby.clientId(), demotedOn, today)) {
			return Optional.of(standby.usage());
		}
		return Optional.of(query(spec, standby.clientId(), demotedOn, firstDay, lastDay, today));
	}

	/** The first UTC day on which Genesys may have published a day not reported now. */
	Duration untilNextReport() {
		Instant now = this.clock.instant();
		Instant next = day(now.minus(this.timings.usageDelay())).plusDays(1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant()
			.plus(this.timings.usageDelay());
		return Duration.between(now, next);
	}

	private StandbyUsage query(CredentialSpec spec, String clientId, LocalDate demotedOn, LocalDate firstDay,
			LocalDate lastDay, LocalDate today) {
		try {
			UsageJob standby = awaitJob(spec.org(), clientId, firstDay, lastDay);
			if (standby.status() != UsageJob.Status.SUCCEEDED) {
				return answered(Answer.UNKNOWN, clientId, demotedOn, today, null, unfinished(standby, clientId));
			}
			LocalDate lastUsed = latestDayWithCalls(standby, firstDay, lastDay);
			if (lastDay.equals(lastUsed)) {
				return answered(Answer.IN_USE, clientId, demotedOn, today, lastUsed, null);
			}
			LocalDate published = latestPublished(spec.org(), firstDay, lastDay, today);
			if (published == null || (lastUsed != null && lastUsed.isAfter(published))) {
				published = lastUsed;
			}
			if (published == null) {
				return answered(Answer.UNKNOWN, clientId, demotedOn, today, null,
						"Genesys has published no usage for " + firstDay + " to " + lastDay + " yet: neither client "
								+ clientId + " nor the rotator's own client has a reported day (is "
								+ "rotator.rotation.usage-delay shorter than Genesys's publication delay?)");
			}
			Answer answer = published.equals(lastUsed) ? Answer.IN_USE : Answer.NOT_IN_USE;
			return answered(answer, clientId, demotedOn, today, lastUsed, null);
		}
		catch (UnfinishedJobException ex) {
			return answered(Answer.UNKNOWN, clientId, demotedOn, today, null, ex.getMessage());
		}
		catch (DependencyRejectedException ex) {
			boolean genesysForbade = ex.status() == 403 && ex.errorCode() == Dependency.GENESYS.rejected();
			String hint = genesysForbade ? "; the admin role needs permission usage:client:view" : "";
			return answered(Answer.UNKNOWN, clientId, demotedOn, today, null, ex.getMessage() + hint);
		}
		catch (DependencyUnavailableException ex) {
			return answered(Answer.UNKNOWN, clientId, demotedOn, today, null, ex.getMessage());
		}
	}

	/**
	 * The latest day in {@code [firstDay, lastDay]} whose usage Genesys has published:
	 * one with reported calls of the rotator's own admin client, which calls the org's
	 * API every day it runs (its health check lists the org's clients). Usage reports
	 * hold rows only for days with calls, so a standby without a row on a day says
	 * nothing until that day is known to be published.
	 * @return the day, or {@code null} when no day in the range is known to be published
	 * @throws UnfinishedJobException when the witness's job fails or does not finish
	 */
	private @Nullable LocalDate latestPublished(String org, LocalDate firstDay, LocalDate lastDay, LocalDate today) {
		if (this.published.covers(org, lastDay, today)) {
			return lastDay;
		}
		String witness = this.genesys.adminClientId(org);
		UsageJob job = awaitJob(org, witness, firstDay, lastDay);
		if (job.status() != UsageJob.Status.SUCCEEDED) {
			throw new UnfinishedJobException(unfinished(job, witness) + " (the rotator's own client, asked to tell"
					+ " which days Genesys has published)");
		}
		LocalDate latest = latestDayWithCalls(job, firstDay, lastDay);
		if (latest != null) {
			this.published.witnessed(org, latest, today);
		}
		return latest;
	}

	/**
	 * Submit a usage job of a client over {@code [firstDay, lastDay]} and poll it, paced,
	 * until it is done or {@code rotator.rotation.usage-timeout} passed.
	 * @return its last poll: pending when the time ran out
	 */
	private UsageJob awaitJob(String org, String clientId, LocalDate firstDay, LocalDate lastDay) {
		Instant deadline = this.clock.instant().plus(this.timings.usageTimeout());
		Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		String jobId = this.genesys.submitUsageQuery(org, clientId, from, to);
		UsageJob job = new UsageJob(UsageJob.Status.PENDING, List.of());
		while (job.status() == UsageJob.Status.PENDING && this.clock.instant().isBefore(deadline)) {
			pause();
			job = this.genesys.pollUsageQuery(org, clientId, jobId);
		}
		return job;
	}

	private String unfinished(UsageJob job, String clientId) {
		if (job.status() == UsageJob.Status.FAILED) {
			return "Genesys reported the usage job of client " + clientId + " as failed";
		}
		return "the usage job of client " + clientId + " did not finish within rotator.rotation.usage-timeout ("
				+ this.timings.usageTimeout() + ")";
	}

	private static @Nullable LocalDate latestDayWithCalls(UsageJob job, LocalDate firstDay, LocalDate lastDay) {
		return job.days()
			.stream()
			.filter((usage) -> usage.requests() > 0 && !usage.date().isBefore(firstDay)
					&& !usage.date().isAfter(lastDay))
			.map(UsageDay::date)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	private void pause() {
		try {
			this.sleeper.sleep(this.timings.usagePollInterval());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DependencyUnavailableException(Dependency.GENESYS, "Interrupted while waiting for a usage job",
					ex);
		}
	}

	/** An answer Genesys gave today: reused for the same demotion until tomorrow. */
	private static StandbyUsage answered(Answer answer, String clientId, LocalDate demotedOn, LocalDate today,
			LocalDate lastUsedOn, String reason) {
		return new StandbyUsage(answer, clientId, demotedOn, today, lastUsedOn, reason);
	}

	/** Unknown without asking Genesys: nothing to reuse, so no day checked. */
	private static StandbyUsage unknown(Slot standby, LocalDate demotedOn, String reason) {
		return new StandbyUsage(Answer.UNKNOWN, standby.clientId(), demotedOn, null, null, reason);
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	/** A usage job that failed or did not finish: the answer is unknown. */
	private static final class UnfinishedJobException extends RuntimeException {

		UnfinishedJobException(String message) {
			super(message, null, false, false);
		}

	}

}
