package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.genesysrotator.rotation.RotationResult.PhaseTiming;

/**
 * Collects what one rotation attempt does, and turns it into its {@link RotationResult}.
 */
final class Trace {

	private final CredentialSpec spec;

	private final RotationRequest request;

	private final Clock clock;

	private final RotationListener listener;

	private final Instant startedAt;

	private final List<PhaseTiming> phases = new ArrayList<>();

	private final List<String> regenerated = new ArrayList<>();

	private final List<String> plan = new ArrayList<>();

	private String rotationId;

	private Trigger trigger;

	private String activeClientId;

	private Long consumerVersion;

	private Duration exposureWindow;

	private boolean roleDrift;

	private boolean rollback;

	private StandbyUsage standbyUsage;

	Trace(CredentialSpec spec, RotationRequest request, Clock clock, RotationListener listener) {
		this.spec = spec;
		this.request = request;
		this.clock = clock;
		this.listener = listener;
		this.startedAt = clock.instant();
		this.trigger = request.trigger();
	}

	/** This attempt republishes the previous client. */
	void rollback() {
		this.rollback = true;
	}

	void identify(String rotationId, Trigger trigger) {
		this.rotationId = rotationId;
		this.trigger = trigger;
	}

	void phase(Phase phase) {
		Instant now = this.clock.instant();
		this.phases.add(new PhaseTiming(phase, now, Duration.between(this.startedAt, now)));
		this.listener.phaseChanged(this.spec.name(), phase);
	}

	void regenerated(String clientId) {
		this.regenerated.add(clientId);
	}

	void published(String clientId, long version) {
		this.activeClientId = clientId;
		this.consumerVersion = version;
	}

	void active(String clientId) {
		this.activeClientId = clientId;
	}

	void exposureWindow(Duration window) {
		this.exposureWindow = window;
	}

	void roleDrift(boolean drift) {
		this.roleDrift = drift;
	}

	void standbyUsage(StandbyUsage usage) {
		this.standbyUsage = usage;
	}

	void plan(String step) {
		this.plan.add(step);
	}

	Instant startedAt() {
		return this.startedAt;
	}

	Long consumerVersion() {
		return this.consumerVersion;
	}

	RotationResult succeeded() {
		return result(Outcome.SUCCESS, null, null);
	}

	RotationResult ended(Outcome outcome, RotationException error) {
		Duration retryAfter = (error instanceof RotationRefusedException refused) ? refused.retryAfter() : null;
		return result(outcome, error, retryAfter);
	}

	private RotationResult result(Outcome outcome, RotationException error, Duration retryAfter) {
		return new RotationResult(this.rotationId, this.spec.name(), this.spec.strategy(), this.request.mode(),
				this.trigger, this.request.actor(), this.request.reason(), outcome, this.request.dryRun(),
				this.rollback, this.phases, this.activeClientId, this.regenerated, this.consumerVersion,
				this.exposureWindow, this.roleDrift, this.plan, (error != null) ? error.errorCode().code() : null,
				(error != null) ? error.getMessage() : null, retryAfter, this.startedAt, this.clock.instant(),
				this.standbyUsage);
	}

}
