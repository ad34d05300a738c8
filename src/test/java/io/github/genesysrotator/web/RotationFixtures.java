package io.github.genesysrotator.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.genesysrotator.rotation.CredentialStatus;
import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationAction;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import io.github.genesysrotator.rotation.StateRecord.TargetPublication;
import io.github.genesysrotator.rotation.StateRecord;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.rotation.Trigger;

import static io.github.genesysrotator.rotation.RotationResultBuilder.resultFor;

/** Rotation values as the engine would return them. */
final class RotationFixtures {

	static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

	static final String CLIENT_A = "0b6a1c3e-aaaa-4a0e-9c1e-000000000001";

	static final String CLIENT_B = "0b6a1c3e-bbbb-4a0e-9c1e-000000000002";

	private RotationFixtures() {
	}

	static RotationResult success(String credential, String actor) {
		return resultFor(credential).id("9d1f6c2e-1111-4c55-8d1a-1b2c3d4e5f60")
			.by(Trigger.API, actor)
			.reached(Phase.REGENERATING, Duration.ZERO)
			.reached(Phase.PROMOTED, Duration.ofSeconds(3))
			.active(CLIENT_B)
			.regenerated(CLIENT_B)
			.consumerVersion(7L)
			.ran(T0, Duration.ofSeconds(4))
			.build();
	}

	static RotationResult ended(String credential, Outcome outcome, String errorCode, Duration retryAfter) {
		boolean started = outcome == Outcome.FAILED;
		return resultFor(credential).id(started ? "9d1f6c2e-2222-4c55-8d1a-1b2c3d4e5f60" : null)
			.by(Trigger.API, "ci")
			.outcome(outcome, errorCode, "Engine says " + errorCode)
			.retryAfter(retryAfter)
			.active(CLIENT_A)
			.ran(T0, Duration.ofSeconds(1))
			.build();
	}

	static HistoryEntry history(String id, Instant finishedAt, Outcome outcome) {
		return new HistoryEntry(id, RotationAction.ROTATION, Trigger.SCHEDULE, "scheduler", Mode.ROUTINE, outcome,
				CLIENT_B, finishedAt.minusSeconds(5), finishedAt, 3L, (outcome == Outcome.FAILED) ? "boom" : null,
				List.of(new TargetPublication("vault-path:genesys/billing-bot", id, CLIENT_B,
						finishedAt.minusSeconds(1), 3L)));
	}

	static CredentialStatus status(String name) {
		return new CredentialStatus(name, Strategy.DUAL, "acme-prod", "genesys/" + name, true, Phase.IDLE, CLIENT_B,
				CLIENT_A, T0, T0, Duration.ofHours(5), Duration.ofDays(30), history("r-1", T0, Outcome.SUCCESS), T0,
				T0.plus(Duration.ofDays(30)), null, null, null, null);
	}

	static CredentialStatus paused(String name, String by, String reason, java.time.Instant until) {
		CredentialStatus status = status(name);
		return new CredentialStatus(name, status.strategy(), status.org(), status.vaultPath(), true, Phase.IDLE,
				CLIENT_B, CLIENT_A, T0, T0, Duration.ofHours(5), Duration.ofDays(30), status.lastRotation(), T0,
				T0.plus(Duration.ofDays(30)), null, null, new StateRecord.Pause(by, reason, T0, until), null);
	}

}
