package io.github.genesysrotator.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
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
