package io.github.genesysrotator.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.github.genesysrotator.rotation.RotationResult;

/**
 * A rotation or rollback attempt as the API and the one-shot mode print it. Built only
 * from {@link RotationResult}, which holds no secret; durations are ISO-8601 strings.
 *
 * @param rotationId the rotation's id, absent when refused before it got one
 * @param credential the credential name
 * @param strategy {@code dual} or {@code single}
 * @param mode {@code routine} or {@code compromise}
 * @param trigger {@code schedule}, {@code api}, {@code oneshot} or {@code recovery}
 * @param actor who started it
 * @param outcome {@code success}, {@code failed}, {@code busy} or {@code skipped}
 * @param dryRun whether it only checked what would happen
 * @param phases the phases reached
 * @param activeClientId the client consumers use afterwards
 * @param regeneratedClientIds the clients whose secret was regenerated
 * @param consumerVersion the consumer path's KV version published
 * @param exposureWindow single strategy: regenerate to publication
 * @param roleDrift dual: the clients' grants differ
 * @param plan dry run: what a real run would do
 * @param errorCode a stable error code when it did not succeed
 * @param errorMessage what went wrong
 * @param retryAfter when a time rule refused it: how long until allowed
 * @param startedAt start
 * @param finishedAt end
 * @param duration end minus start
 * @param standbyUsage routine dual: the retirement guard's answer, absent when it did not
 * ask
 */
public record RotationView(String rotationId, String credential, String strategy, String mode, String trigger,
		String actor, String outcome, boolean dryRun, List<PhaseView> phases, String activeClientId,
		List<String> regeneratedClientIds, Long consumerVersion, String exposureWindow, boolean roleDrift,
		List<String> plan, String errorCode, String errorMessage, String retryAfter, Instant startedAt,
		Instant finishedAt, String duration, UsageView standbyUsage) {

	public static RotationView of(RotationResult result) {
		return new RotationView(result.rotationId(), result.credential(), label(result.strategy()),
				label(result.mode()), label(result.trigger()), result.actor(), label(result.outcome()), result.dryRun(),
				result.phases().stream().map(PhaseView::of).toList(), result.activeClientId(),
				result.regeneratedClientIds(), result.consumerVersion(), iso(result.exposureWindow()),
				result.roleDrift(), result.plan(), result.errorCode(), result.errorMessage(), iso(result.retryAfter()),
				result.startedAt(), result.finishedAt(),
				(result.startedAt() != null && result.finishedAt() != null) ? iso(result.duration()) : null,
				UsageView.of(result.standbyUsage()));
	}

	static String label(Enum<?> value) {
		return (value != null) ? value.name().toLowerCase(Locale.ROOT) : null;
	}

	static String iso(Duration duration) {
		return (duration != null) ? duration.toString() : null;
	}

	/**
	 * A phase a rotation reached.
	 *
	 * @param phase the phase
	 * @param at when
	 * @param sinceStart time since the rotation started
	 */
	public record PhaseView(String phase, Instant at, String sinceStart) {

		static PhaseView of(RotationResult.PhaseTiming timing) {
			return new PhaseView(label(timing.phase()), timing.at(), iso(timing.sinceStart()));
		}

	}

}
