package io.github.genesysrotator.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.DataActionRunner;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumers inside Genesys: the demo data action executed in a tight loop while the
 * {@code demo-data-actions} credential (dual, published to the action's integration
 * credential) rotates back to back, with the integration caching its access token and
 * with one token per execution, and with issued tokens surviving a regeneration and not.
 */
class DataActionImpactBenchmark {

	/** The dual grace period: the demoted client keeps its secret this long. */
	static final Duration GRACE = Duration.ofMillis(400);

	static final int ROTATIONS = Integer.getInteger("bench.rotations", 200);

	@Test
	void dataActionsNeverFailWhileTheirCredentialRotates() throws Exception {
		List<String> rows = new ArrayList<>();
		List<long[]> counts = new ArrayList<>();
		for (boolean cache : new boolean[] { true, false }) {
			for (boolean survive : new boolean[] { true, false }) {
				GenesysSimulatorOptions.Builder options = GenesysSimulatorOptions.builder()
					.tokensSurviveRegeneration(survive)
					.dataActionsCacheToken(cache)
					.rateLimitPerMinute(1_000_000);
				try (Sandbox sandbox = Sandbox.start(0, 0, options)) {
					Map<String, Object> properties = BenchProperties.backToBack(sandbox);
					properties.put("rotator.credentials." + Sandbox.DATA_ACTIONS + ".grace-period",
							GRACE.toMillis() + "ms");
					try (RotatorInstance rotator = RotatorInstance.start(properties)) {
						long[] result = run(sandbox, rotator.rotations());
						counts.add(result);
						rows.add("| " + cache + " | " + survive + " | " + result[0] + " | " + result[1] + " | "
								+ result[2] + " | " + result[3] + " |");
					}
				}
			}
		}
		System.out.println("| token cached | tokens survive regeneration | rotations | failed rotations "
				+ "| executions | failed executions |");
		System.out.println("|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
		assertThat(counts).allSatisfy((result) -> {
			assertThat(result[1]).as("failed rotations").isZero();
			assertThat(result[2]).as("executions").isPositive();
			assertThat(result[3]).as("failed executions").isZero();
		});
	}

	/**
	 * Single's exposure window with an integration credential as a second target, against
	 * the same credential publishing to Vault only, with every simulator request taking
	 * {@link LatencyBenchmark#LATENCY} so the window shows its requests rather than this
	 * machine's noise. A data action behind the integration credential runs in a tight
	 * loop, one token per execution, tokens revoked by a regeneration: its failures
	 * should fall inside a rotation (regeneration to promotion).
	 */
	@Test
	void singlesExposureWindowRunsToTheIntegrationCredentialsCommit() throws Exception {
		GenesysSimulatorOptions.Builder options = GenesysSimulatorOptions.builder()
			.tokensSurviveRegeneration(false)
			.dataActionsCacheToken(false)
			.rateLimitPerMinute(1_000_000);
		List<List<Object>> rows = new ArrayList<>();
		Map<String, Object> section = new LinkedHashMap<>();
		try (Sandbox sandbox = Sandbox.start(0, 0, options)) {
			String action = singleDataAction(sandbox);
			Map<String, Object> vaultOnly = BenchProperties.backToBack(sandbox);
			rows.add(single(sandbox, vaultOnly, null, "Vault path", section));
			sandbox.org()
				.setIntegrationCredential(SINGLE_INTEGRATION_CREDENTIAL, Sandbox.SINGLE_ID,
						sandbox.genesys().currentSecret(Sandbox.SINGLE_ID).orElseThrow());
			Map<String, Object> both = BenchProperties.backToBack(sandbox);
			both.put("rotator.credentials." + Sandbox.SINGLE + ".integration-credentials",
					SINGLE_INTEGRATION_CREDENTIAL);
			rows.add(single(sandbox, both, action, "Vault path + integration credential", section));
		}
		BenchResults.printTable(
				"Single's exposure window, L = " + LatencyBenchmark.LATENCY.toMillis() + " ms on every request, "
						+ SINGLE_ROTATIONS + " rotations each",
				List.of("targets", "rotations", "failed", "exposure p50 ms", "exposure p99 ms", "exposure max ms",
						"executions", "failed executions", "outside a rotation"),
				rows);
		BenchResults.record("single-exposure-with-integration-credential", section);
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get(2)).as("failed rotations").isEqualTo(0);
			assertThat(row.get(8)).as("failed executions outside a rotation").isEqualTo(0L);
		});
	}

	static final int SINGLE_ROTATIONS = Integer.getInteger("bench.single-rotations", 100);

	static final String SINGLE_INTEGRATION_CREDENTIAL = "00000000-0000-4000-8000-00000000ce31";

	/**
	 * An integration credential holding the single client, and a data action using it.
	 */
	private static String singleDataAction(Sandbox sandbox) {
		sandbox.org()
			.createIntegrationCredential(SINGLE_INTEGRATION_CREDENTIAL, "Single consumers", Sandbox.SINGLE_ID,
					sandbox.genesys().currentSecret(Sandbox.SINGLE_ID).orElseThrow());
		String integration = sandbox.org()
			.createDataActionsIntegration("00000000-0000-4000-8000-00000000da31", "Single consumers",
					SINGLE_INTEGRATION_CREDENTIAL);
		return sandbox.org()
			.createDataAction("custom_-_00000000-0000-4000-8000-00000000ac31", "Single consumers", integration);
	}

	private static List<Object> single(Sandbox sandbox, Map<String, Object> properties, String action, String targets,
			Map<String, Object> section) throws InterruptedException {
		Samples exposure = new Samples();
		List<Instant[]> windows = new ArrayList<>();
		List<Instant[]> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicLong executions = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		int failed = 0;
		try (RotatorInstance rotator = RotatorInstance.start(properties)) {
			// Admin token and ownership marks are cached after the first rotation.
			rotator.rotations().rotate(RotationRequest.of(Sandbox.SINGLE, Trigger.SCHEDULE, "bench"));
			sandbox.genesys().faults().globalLatency(LatencyBenchmark.LATENCY);
			sandbox.vault().faults().globalLatency(LatencyBenchmark.LATENCY);
			DataActionRunner runner = new DataActionRunner(sandbox);
			Thread loop = new Thread(() -> {
				while (action != null && running.get()) {
					Instant start = Instant.now();
					executions.incrementAndGet();
					if (!runner.execute(action).succeeded()) {
						failures.add(new Instant[] { start, Instant.now() });
					}
				}
			}, "data-action-loop");
			loop.start();
			for (int i = 0; i < SINGLE_ROTATIONS; i++) {
				RotationResult result = rotator.rotations()
					.rotate(RotationRequest.of(Sandbox.SINGLE, Trigger.SCHEDULE, "bench"));
				if (result.outcome() != Outcome.SUCCESS) {
					failed++;
				}
				if (result.exposureWindow() != null) {
					exposure.add(result.exposureWindow());
				}
				windows.add(new Instant[] { result.startedAt(), result.finishedAt() });
				sandbox.vault().requests().clear();
			}
			running.set(false);
			loop.join();
			sandbox.genesys().faults().globalLatency(Duration.ZERO);
			sandbox.vault().faults().globalLatency(Duration.ZERO);
		}
		long outside = failures.stream()
			.filter((failure) -> windows.stream()
				.noneMatch((window) -> !failure[1].isBefore(window[0]) && !failure[0].isAfter(window[1])))
			.count();
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("exposureWindow", exposure.summary());
		entry.put("executions", executions.get());
		entry.put("failedExecutions", failures.size());
		entry.put("failedExecutionsOutsideARotation", outside);
		section.put(targets, entry);
		return List.of(targets, SINGLE_ROTATIONS, failed, Samples.round(exposure.percentile(50)),
				Samples.round(exposure.percentile(99)), Samples.round(exposure.max()), executions.get(),
				failures.size(), outside);
	}

	/** Rotations, failed rotations, executions, failed executions. */
	private static long[] run(Sandbox sandbox, RotationService rotations) throws InterruptedException {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong executions = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		DataActionRunner runner = new DataActionRunner(sandbox);
		Thread loop = new Thread(() -> {
			while (running.get()) {
				executions.incrementAndGet();
				if (!runner.execute().succeeded()) {
					failed.incrementAndGet();
				}
			}
		}, "data-action-loop");
		loop.start();
		long failedRotations = 0;
		for (int i = 0; i < ROTATIONS; i++) {
			RotationResult result = ConsumerImpactBenchmark.rotateWhenAllowed(rotations, Sandbox.DATA_ACTIONS);
			if (result.outcome() != Outcome.SUCCESS) {
				failedRotations++;
			}
			sandbox.vault().requests().clear();
		}
		running.set(false);
		loop.join();
		return new long[] { ROTATIONS, failedRotations, executions.get(), failed.get() };
	}

}
