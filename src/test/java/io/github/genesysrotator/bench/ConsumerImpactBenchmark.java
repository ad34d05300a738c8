package io.github.genesysrotator.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationResult.PhaseTiming;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headline: failed consumer logins while credentials rotate back to back under load,
 * for the dual strategy, the single strategy and the hand-run script, with issued tokens
 * surviving a regeneration and without.
 */
class ConsumerImpactBenchmark {

	static final int CONSUMERS = 64;

	/** How long a consumer keeps what it read from Vault. */
	static final Duration REFRESH = Duration.ofMillis(200);

	/**
	 * The dual grace period: twice the consumers' refresh, so each consumer re-reads
	 * Vault at least once per grace period as the consumer contract asks.
	 */
	static final Duration GRACE = REFRESH.multipliedBy(2);

	static final int ROTATIONS = Integer.getInteger("bench.rotations", 200);

	/** The person copying the secret by hand, scaled down from seconds to fit the run. */
	static final Duration COPY_DELAY = Duration.ofMillis(Long.getLong("bench.copy-delay-ms", 250));

	private static final long MAX_REQUESTS_PER_CONSUMER = 10_000_000;

	@Test
	void consumersKeepLoggingInWhileCredentialsRotate() throws Exception {
		List<Variant> variants = new ArrayList<>();
		for (boolean survive : new boolean[] { true, false }) {
			GenesysSimulatorOptions.Builder options = GenesysSimulatorOptions.builder()
				.tokensSurviveRegeneration(survive)
				// Hundreds of rotations a minute would hit the real 300/min limit.
				.rateLimitPerMinute(1_000_000);
			try (Sandbox sandbox = Sandbox.start(0, 0, options);
					RotatorInstance rotator = RotatorInstance.start(BenchProperties.consumerContract(sandbox, GRACE))) {
				variants.add(rotate(sandbox, rotator.rotations(), survive, "dual", Sandbox.DUAL, Sandbox.DUAL_PATH));
				variants
					.add(rotate(sandbox, rotator.rotations(), survive, "single", Sandbox.SINGLE, Sandbox.SINGLE_PATH));
				variants.add(naive(sandbox, survive));
			}
		}
		report(variants);
		assertThat(variants).allSatisfy((variant) -> {
			assertThat(variant.consumers().requests()).as(variant.name() + " consumer requests").isPositive();
			assertThat(variant.failedRotations()).as(variant.name() + " failed rotations").isZero();
		});
	}

	private Variant rotate(Sandbox sandbox, RotationService rotations, boolean survive, String name, String credential,
			String path) throws InterruptedException {
		sandbox.genesys().reset();
		List<Window> windows = new ArrayList<>();
		Samples exposure = new Samples();
		Samples duration = new Samples();
		Samples interval = new Samples();
		int failedRotations = 0;
		Instant previousStart = null;
		ConsumerFleet fleet = new ConsumerFleet(sandbox, path, CONSUMERS, REFRESH, MAX_REQUESTS_PER_CONSUMER);
		for (int i = 0; i < ROTATIONS; i++) {
			RotationResult result = rotateWhenAllowed(rotations, credential);
			if (result.outcome() != Outcome.SUCCESS) {
				failedRotations++;
			}
			windows.add(new Window(phaseAt(result, Phase.REGENERATING, result.startedAt()),
					phaseAt(result, Phase.PROMOTED, result.finishedAt())));
			if (result.exposureWindow() != null) {
				exposure.add(result.exposureWindow());
			}
			duration.add(result.duration());
			if (previousStart != null) {
				interval.add(Duration.between(previousStart, result.startedAt()));
			}
			previousStart = result.startedAt();
			// The Vault simulator logs every request in a copy-on-write list.
			sandbox.vault().requests().clear();
		}
		ConsumerFleet.Report report = fleet.stop();
		return new Variant(name, survive, failedRotations, windows, exposure, duration, interval, report);
	}

	/**
	 * Rotate as soon as the grace period allows: a refusal names how long until then. The
	 * wait paces the rotations like a schedule does; it synchronises nothing.
	 */
	static RotationResult rotateWhenAllowed(RotationService rotations, String credential) throws InterruptedException {
		RotationResult result = rotations.rotate(RotationRequest.of(credential, Trigger.SCHEDULE, "bench"));
		while (result.outcome() == Outcome.SKIPPED && "grace-period".equals(result.errorCode())) {
			Thread.sleep(result.retryAfter().toMillis() + 1);
			result = rotations.rotate(RotationRequest.of(credential, Trigger.SCHEDULE, "bench"));
		}
		return result;
	}

	private Variant naive(Sandbox sandbox, boolean survive) throws InterruptedException {
		sandbox.genesys().reset();
		NaiveScript script = new NaiveScript(sandbox, Sandbox.SINGLE_ID, Sandbox.SINGLE_PATH, COPY_DELAY);
		List<Window> windows = new ArrayList<>();
		Samples exposure = new Samples();
		Samples duration = new Samples();
		ConsumerFleet fleet = new ConsumerFleet(sandbox, Sandbox.SINGLE_PATH, CONSUMERS, REFRESH,
				MAX_REQUESTS_PER_CONSUMER);
		for (int i = 0; i < ROTATIONS; i++) {
			NaiveScript.Window run = script.rotateOnce();
			windows.add(new Window(run.start(), run.published()));
			exposure.add(run.exposure());
			duration.add(Duration.between(run.start(), run.published()));
			sandbox.vault().requests().clear();
		}
		ConsumerFleet.Report report = fleet.stop();
		return new Variant("naive script", survive, 0, windows, exposure, duration, new Samples(), report);
	}

	private static Instant phaseAt(RotationResult result, Phase phase, Instant otherwise) {
		return result.phases()
			.stream()
			.filter((timing) -> timing.phase() == phase)
			.map(PhaseTiming::at)
			.findFirst()
			.orElse(otherwise);
	}

	private void report(List<Variant> variants) {
		List<List<Object>> rows = new ArrayList<>();
		List<Map<String, Object>> json = new ArrayList<>();
		for (Variant variant : variants) {
			rows.add(List.of(variant.survive() ? "survive" : "revoked", variant.name(), variant.windows().size(),
					variant.failedRotations(), variant.consumers().requests(),
					variant.consumers().firstAttemptFailures(), variant.failed(), variant.failureRate() * 100,
					variant.failuresPerRotation(), variant.outsideWindows(), variant.exposure().percentile(50),
					variant.exposure().percentile(99), variant.exposure().max(),
					variant.publicationToNextRegeneration().percentile(50), variant.consumers().transportErrors()));
			json.add(variant.toJson());
		}
		BenchResults.printTable(
				"Consumer impact: " + CONSUMERS + " consumers, refresh " + REFRESH.toMillis() + " ms, " + ROTATIONS
						+ " rotations each",
				List.of("tokens", "variant", "rotations", "failed rot.", "token requests", "1st-try fails",
						"failed requests", "failure %", "fails/rotation", "outside window", "exposure p50 ms",
						"exposure p99 ms", "exposure max ms", "publish-to-next-regen p50 ms", "transport errors"),
				rows);
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("consumers", CONSUMERS);
		section.put("refreshMs", REFRESH.toMillis());
		section.put("rotationsPerVariant", ROTATIONS);
		section.put("naiveCopyDelayMs", COPY_DELAY.toMillis());
		section.put("variants", json);
		BenchResults.record("consumerImpact", section);
		List<String> names = variants.stream().filter(Variant::survive).map(Variant::name).toList();
		Map<String, List<? extends Number>> perRotation = new LinkedHashMap<>();
		perRotation.put("tokens survive regeneration", series(variants, true, Variant::failuresPerRotation));
		perRotation.put("tokens revoked on regeneration", series(variants, false, Variant::failuresPerRotation));
		Charts.bars("consumer-failures", "Failed consumer token requests per rotation (after one re-read)",
				"failures per rotation", names, perRotation);
		Map<String, List<? extends Number>> exposure = new LinkedHashMap<>();
		exposure.put("p50", series(variants, true, (variant) -> variant.exposure().percentile(50)));
		exposure.put("p99", series(variants, true, (variant) -> variant.exposure().percentile(99)));
		exposure.put("max", series(variants, true, (variant) -> variant.exposure().max()));
		Charts.bars("consumer-exposure", "Exposure window: regeneration to consumer-path write", "ms", names, exposure);
	}

	private static List<Double> series(List<Variant> variants, boolean survive,
			java.util.function.ToDoubleFunction<Variant> value) {
		return variants.stream()
			.filter((variant) -> variant.survive() == survive)
			.map((variant) -> value.applyAsDouble(variant))
			.toList();
	}

	/** From the regeneration request to the consumer-path write of one rotation. */
	record Window(Instant start, Instant end) {

		/** Whether the re-read and the retry overlap this window. */
		boolean explains(ConsumerFleet.Failure failure) {
			return !failure.retried().isBefore(this.start) && !failure.reRead().isAfter(this.end);
		}

	}

	record Variant(String name, boolean survive, int failedRotations, List<Window> windows, Samples exposure,
			Samples duration, Samples interval, ConsumerFleet.Report consumers) {

		long failed() {
			return this.consumers.failures().size();
		}

		double failureRate() {
			return (this.consumers.requests() > 0) ? (double) failed() / this.consumers.requests() : 0;
		}

		double failuresPerRotation() {
			return (double) failed() / this.windows.size();
		}

		/** Failed requests whose re-read and retry overlap no exposure window. */
		long outsideWindows() {
			return this.consumers.failures()
				.stream()
				.filter((failure) -> this.windows.stream().noneMatch((window) -> window.explains(failure)))
				.count();
		}

		/**
		 * From one rotation's publication to the next one's regeneration: consumers that
		 * refresh less often than this still hold the client being regenerated.
		 */
		Samples publicationToNextRegeneration() {
			Samples gaps = new Samples();
			for (int i = 1; i < this.windows.size(); i++) {
				gaps.add(Duration.between(this.windows.get(i - 1).end(), this.windows.get(i).start()));
			}
			return gaps;
		}

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("variant", this.name);
			json.put("tokensSurviveRegeneration", this.survive);
			json.put("rotations", this.windows.size());
			json.put("failedRotations", this.failedRotations);
			json.put("tokenRequests", this.consumers.requests());
			json.put("firstAttemptFailures", this.consumers.firstAttemptFailures());
			json.put("transportErrors", this.consumers.transportErrors());
			json.put("failedRequests", failed());
			json.put("failureRate", failureRate());
			json.put("failuresPerRotation", failuresPerRotation());
			json.put("failuresOutsideExposureWindows", outsideWindows());
			json.put("exposureWindow", this.exposure.summary());
			json.put("rotationDuration", this.duration.summary());
			json.put("rotationInterval", this.interval.summary());
			json.put("publicationToNextRegeneration", publicationToNextRegeneration().summary());
			return json;
		}

	}

}
