package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.rotation.RotationResult.PhaseTiming;

/**
 * A {@link RotationResult} as a test needs it, naming only what matters to the test: a
 * successful routine API rotation of a dual credential, at one instant, that reached no
 * phase and regenerated nothing, unless told otherwise.
 */
public final class RotationResultBuilder {

	private String rotationId;

	private final String credential;

	private Strategy strategy = Strategy.DUAL;

	private Mode mode = Mode.ROUTINE;

	private Trigger trigger = Trigger.API;

	private String actor = "test";

	private Outcome outcome = Outcome.SUCCESS;

	private final Map<Phase, Duration> phases = new LinkedHashMap<>();

	private String activeClientId;

	private List<String> regeneratedClientIds = List.of();

	private Long consumerVersion;

	private String errorCode;

	private String errorMessage;

	private Duration retryAfter;

	private Instant startedAt = Instant.parse("2026-03-02T02:00:00Z");

	private Instant finishedAt = this.startedAt;

	private RotationResultBuilder(String credential) {
		this.credential = credential;
	}

	/** A result for the named credential. */
	public static RotationResultBuilder resultFor(String credential) {
		return new RotationResultBuilder(credential);
	}

	public RotationResultBuilder id(String rotationId) {
		this.rotationId = rotationId;
		return this;
	}

	public RotationResultBuilder strategy(Strategy strategy) {
		this.strategy = strategy;
		return this;
	}

	public RotationResultBuilder mode(Mode mode) {
		this.mode = mode;
		return this;
	}

	/** Who asked: the trigger and the actor. */
	public RotationResultBuilder by(Trigger trigger, String actor) {
		this.trigger = trigger;
		this.actor = actor;
		return this;
	}

	public RotationResultBuilder outcome(Outcome outcome) {
		this.outcome = outcome;
		return this;
	}

	/** The outcome and why: an error code and message. */
	public RotationResultBuilder outcome(Outcome outcome, String errorCode, String errorMessage) {
		this.errorCode = errorCode;
		this.errorMessage = errorMessage;
		return outcome(outcome);
	}

	public RotationResultBuilder retryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
		return this;
	}

	/** A phase reached, {@code sinceStart} after the start. */
	public RotationResultBuilder reached(Phase phase, Duration sinceStart) {
		this.phases.put(phase, sinceStart);
		return this;
	}

	public RotationResultBuilder active(String clientId) {
		this.activeClientId = clientId;
		return this;
	}

	public RotationResultBuilder regenerated(String... clientIds) {
		this.regeneratedClientIds = List.of(clientIds);
		return this;
	}

	public RotationResultBuilder consumerVersion(long version) {
		this.consumerVersion = version;
		return this;
	}

	/** Started at {@code startedAt} and took {@code duration}. */
	public RotationResultBuilder ran(Instant startedAt, Duration duration) {
		this.startedAt = startedAt;
		this.finishedAt = startedAt.plus(duration);
		return this;
	}

	public RotationResult build() {
		List<PhaseTiming> timings = this.phases.entrySet()
			.stream()
			.map((phase) -> new PhaseTiming(phase.getKey(), this.startedAt.plus(phase.getValue()), phase.getValue()))
			.toList();
		return new RotationResult(this.rotationId, this.credential, this.strategy, this.mode, this.trigger, this.actor,
				null, this.outcome, false, false, timings, this.activeClientId, this.regeneratedClientIds,
				this.consumerVersion, null, false, List.of(), this.errorCode, this.errorMessage, this.retryAfter,
				this.startedAt, this.finishedAt, null);
	}

}
