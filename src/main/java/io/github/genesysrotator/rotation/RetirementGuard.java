package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;

import io.github.genesysrotator.rotation.StandbyUsage.Answer;
import io.github.genesysrotator.rotation.StateRecord.Slot;
import io.github.genesysrotator.rotation.UsageJob.UsageDay;

/**
 * The retirement guard: before a routine dual rotation regenerates the standby client, it
 * asks Genesys for that client's API calls on every complete UTC day after the day it was
 * demoted (docs/operations.md, "Retirement guard"). It is in use while the latest
 * complete day had calls: calls on earlier days only show a consumer that re-read late,
 * and a complete day without calls ends the refusal. Genesys reports usage per client per
 * complete UTC day only, so the answer is "unknown" until such a day exists, and whenever
 * the usage API fails, refuses or does not finish within
 * {@code rotator.rotation.usage-timeout}; it is never "not in use" without data. An
 * answer Genesys gave today is reused for the same demotion until the next UTC day, so a
 * credential costs at most one usage job per day. The guard runs before the rotation's
 * intent, without the lease, and writes nothing itself.
 */
final class RetirementGuard {

	private final GenesysOAuthClients genesys;

	private final Clock clock;

	private final Sleeper sleeper;

	private final RotatorProperties.Rotation timings;

	RetirementGuard(GenesysOAuthClients genesys, Clock clock, Sleeper sleeper, RotatorProperties.Rotation timings) {
		this.genesys = genesys;
		this.clock = clock;
		this.sleeper = sleeper;
		this.timings = timings;
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
		Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant deadline = this.clock.instant().plus(this.timings.usageTimeout());
		try {
			String jobId = this.genesys.submitUsageQuery(spec.org(), clientId, from, to);
			while (this.clock.instant().isBefore(deadline)) {
				pause();
				UsageJob job = this.genesys.pollUsageQuery(spec.org(), clientId, jobId);
				if (job.status() == UsageJob.Status.FAILED) {
					return answered(Answer.UNKNOWN, clientId, demotedOn, today, null,
							"Genesys reported the usage job of client " + clientId + " as failed");
				}
				if (job.status() == UsageJob.Status.SUCCEEDED) {
					LocalDate lastUsed = job.days()
						.stream()
						.filter((usage) -> usage.requests() > 0 && !usage.date().isBefore(firstDay)
								&& !usage.date().isAfter(lastDay))
						.map(UsageDay::date)
						.max(Comparator.naturalOrder())
						.orElse(null);
					Answer answer = lastDay.equals(lastUsed) ? Answer.IN_USE : Answer.NOT_IN_USE;
					return answered(answer, clientId, demotedOn, today, lastUsed, null);
				}
			}
			return answered(Answer.UNKNOWN, clientId, demotedOn, today, null, "the usage job of client " + clientId
					+ " did not finish within rotator.rotation.usage-timeout (" + this.timings.usageTimeout() + ")");
		}
		catch (DependencyRejectedException ex) {
			String hint = (ex.status() == 403) ? "; the admin role needs permission usage:client:view" : "";
			return answered(Answer.UNKNOWN, clientId, demotedOn, today, null, ex.getMessage() + hint);
		}
		catch (DependencyUnavailableException ex) {
			return answered(Answer.UNKNOWN, clientId, demotedOn, today, null, ex.getMessage());
		}
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

}
