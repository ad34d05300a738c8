package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one rotation attempt did. It never holds a secret.
 *
 * @param rotationId the rotation's id ({@code null} when refused before it got one)
 * @param credential the credential name
 * @param strategy dual or single
 * @param mode routine or compromise
 * @param trigger what started it
 * @param actor who started it
 * @param reason why, as the caller said it (API), or {@code null}
 * @param outcome how it ended
 * @param dryRun whether this only checked what would happen
 * @param rollback whether this republished the previous client instead of rotating
 * @param phases the phases reached, with their timings
 * @param activeClientId the client consumers use afterwards
 * @param regeneratedClientIds the clients whose secret was regenerated
 * @param consumerVersion the consumer path's KV version published, if any
 * @param exposureWindow single strategy: regenerate response to the last target's commit
 * @param roleDrift dual: the two clients' role/division grants differ
 * @param plan dry run: what a real run would do
 * @param errorCode a stable error code when it did not succeed
 * @param errorMessage what went wrong (never a secret)
 * @param retryAfter when refused by a time rule: how long until it would be allowed
 * @param startedAt start
 * @param finishedAt end
 * @param standbyUsage routine dual: the retirement guard's answer for the standby, or
 * {@code null} when it did not ask
 */
public record RotationResult(@Nullable String rotationId, String credential, Strategy strategy, Mode mode,
		Trigger trigger, String actor, @Nullable String reason, Outcome outcome, boolean dryRun, boolean rollback,
		List<PhaseTiming> phases, @Nullable String activeClientId, List<String> regeneratedClientIds,
		@Nullable Long consumerVersion, @Nullable Duration exposureWindow, boolean roleDrift, List<String> plan,
		@Nullable String errorCode, @Nullable String errorMessage, @Nullable Duration retryAfter, Instant startedAt,
		Instant finishedAt, @Nullable StandbyUsage standbyUsage) {

	public RotationResult {
		phases = List.copyOf(phases);
		regeneratedClientIds = List.copyOf(regeneratedClientIds);
		plan = List.copyOf(plan);
	}

	public Duration duration() {
		return Duration.between(this.startedAt, this.finishedAt);
	}

	/**
	 * A phase the rotation reached.
	 *
	 * @param phase the phase
	 * @param at when it was reached
	 * @param sinceStart time from the start of the rotation
	 */
	public record PhaseTiming(Phase phase, Instant at, Duration sinceStart) {

	}

}
