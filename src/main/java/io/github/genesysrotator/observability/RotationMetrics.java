package io.github.genesysrotator.observability;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.CredentialSpec;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationListener;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.rotation.UsageCheck;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The rotation meters of docs/monitoring.md. Every label value comes from configuration
 * (credential name) or an enum (strategy, trigger, outcome, phase), never from an id or a
 * message. Gauges read {@link CredentialStates}, so a scrape never reads Vault.
 */
@Component
class RotationMetrics implements RotationListener {

	private static final Duration[] DURATION_BUCKETS = { Duration.ofMillis(100), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
			Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
			Duration.ofMinutes(10) };

	private static final Duration[] EXPOSURE_BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
			Duration.ofSeconds(5), Duration.ofSeconds(10) };

	private final MeterRegistry registry;

	/** A rollback's result is reported twice, and is no rotation. */

	RotationMetrics(MeterRegistry registry, CredentialCatalog catalog, CredentialStates states) {
		this.registry = registry;
		for (CredentialSpec spec : catalog.all()) {
			registerStateGauges(spec, states);
		}
		Gauge.builder("rotator.vault.up", states, (s) -> s.vaultUp() ? 1 : 0)
			.description("1 if the last read of the state records from Vault succeeded")
			.register(registry);
	}

	@Override
	public void finished(RotationResult result) {
		// A dry run rotates nothing; a rollback republishes: neither is a rotation. (A
		// failed rollback counts as a failure, which is what an alert must see.)
		if (result.dryRun() || (result.rollback() && result.outcome() == Outcome.SUCCESS)) {
			return;
		}
		Counter.builder("rotator.rotations")
			.description("Finished rotation attempts")
			.tag("credential", result.credential())
			.tag("strategy", result.strategy().label())
			.tag("trigger", result.trigger().label())
			.tag("outcome", result.outcome().label())
			.register(this.registry)
			.increment();
		if (result.outcome() == Outcome.SUCCESS || result.outcome() == Outcome.FAILED) {
			Timer.builder("rotator.rotation.duration")
				.description("Time from acquiring the lease to releasing it")
				.tag("credential", result.credential())
				.tag("outcome", result.outcome().label())
				.serviceLevelObjectives(DURATION_BUCKETS)
				.register(this.registry)
				.record(result.duration());
		}
		if (result.strategy() == Strategy.SINGLE && result.exposureWindow() != null) {
			Timer.builder("rotator.exposure.window")
				.description("Single strategy: time between the regenerate response and the Vault write")
				.tag("credential", result.credential())
				.serviceLevelObjectives(EXPOSURE_BUCKETS)
				.register(this.registry)
				.record(result.exposureWindow());
		}
	}

	private void registerStateGauges(CredentialSpec spec, CredentialStates states) {
		String credential = spec.name();
		gauge("rotator.secret.age", "seconds", "Age of the secret consumers read from Vault", credential, states,
				(s) -> s.secretAgeSeconds(credential));
		double interval = spec.config().rotationInterval().toMillis() / 1000.0;
		gauge("rotator.rotation.interval", "seconds", "The configured rotation interval", credential, states,
				(s) -> interval);
		gauge("rotator.last.success.timestamp", "seconds", "Unix time of the last successful rotation", credential,
				states, (s) -> s.lastSuccessEpochSeconds(credential));
		gauge("rotator.next.rotation.timestamp", "seconds", "Unix time at which the credential becomes due", credential,
				states, (s) -> s.nextDueEpochSeconds(credential));
		gauge("rotator.uncommitted.secrets", null,
				"1 while a generated secret is held in memory only, waiting for Vault", credential, states,
				(s) -> s.uncommitted(credential) ? 1 : 0);
		if (spec.usageCheck() != UsageCheck.OFF) {
			gauge("rotator.standby.in.use", null,
					"Retirement guard: 1 while the standby client is still in use, 0 when not, -1 unknown", credential,
					states, (s) -> s.standbyInUse(credential));
		}
		gauge("rotator.paused", null, "1 while routine rotations of the credential are paused", credential, states,
				(s) -> s.paused(credential) ? 1 : 0);
		for (Phase phase : Phase.values()) {
			Gauge.builder("rotator.phase", states, (s) -> (s.phase(credential) == phase) ? 1 : 0)
				.description("1 for the credential's current state-machine phase")
				.tags("credential", credential, "phase", phase.name())
				.register(this.registry);
		}
	}

	private void gauge(String name, String unit, String description, String credential, CredentialStates states,
			ToDoubleFunction<CredentialStates> value) {
		Gauge.builder(name, states, value)
			.description(description)
			.baseUnit(unit)
			.tag("credential", credential)
			.register(this.registry);
	}

}
