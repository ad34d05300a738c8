package io.github.genesysrotator.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.genesys.ApiRequestRecord;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import io.github.genesysrotator.sandbox.vault.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation time against the network floor: every simulator request takes a fixed latency
 * L, so a rotation can be no faster than its protocol's sequential requests (dual:
 * regenerate, stage, verify, promote = 4 L; single: regenerate, publish, verify = 3 L),
 * and single's exposure window no shorter than one Vault write.
 */
class LatencyBenchmark {

	static final Duration LATENCY = Duration.ofMillis(20);

	static final int ROTATIONS = Integer.getInteger("bench.latency-rotations", 100);

	@Test
	void rotationsAgainstTheNetworkFloor() {
		GenesysSimulatorOptions.Builder options = GenesysSimulatorOptions.builder().rateLimitPerMinute(1_000_000);
		List<Run> runs = new ArrayList<>();
		try (Sandbox sandbox = Sandbox.start(0, 0, options);
				RotatorInstance rotator = RotatorInstance.start(BenchProperties.backToBack(sandbox))) {
			// One rotation each without latency: admin token and ownership marks are
			// cached
			// after the first rotation, which is not what this measures.
			rotator.rotations().rotate(RotationRequest.of(Sandbox.DUAL, Trigger.SCHEDULE, "bench"));
			rotator.rotations().rotate(RotationRequest.of(Sandbox.SINGLE, Trigger.SCHEDULE, "bench"));
			sandbox.genesys().faults().globalLatency(LATENCY);
			sandbox.vault().faults().globalLatency(LATENCY);
			runs.add(run(sandbox, rotator.rotations(), "dual", Sandbox.DUAL, 4));
			runs.add(run(sandbox, rotator.rotations(), "single", Sandbox.SINGLE, 3));
		}
		report(runs);
		assertThat(runs).allSatisfy((run) -> assertThat(run.failed()).as("%s failed rotations", run.name()).isZero());
	}

	private Run run(Sandbox sandbox, RotationService rotations, String name, String credential, int minimalRequests) {
		Samples duration = new Samples();
		Samples exposure = new Samples();
		int failed = 0;
		sandbox.vault().requests().clear();
		sandbox.genesys().observations().reset();
		List<String> lastRotation = List.of();
		for (int i = 0; i < ROTATIONS; i++) {
			int vaultBefore = sandbox.vault().requests().all().size();
			int genesysBefore = sandbox.genesys().observations().apiRequests().size();
			long start = System.nanoTime();
			RotationResult result = rotations.rotate(RotationRequest.of(credential, Trigger.SCHEDULE, "bench"));
			duration.add(Duration.ofNanos(System.nanoTime() - start));
			if (result.outcome() != Outcome.SUCCESS) {
				failed++;
			}
			if (result.exposureWindow() != null) {
				exposure.add(result.exposureWindow());
			}
			lastRotation = requests(sandbox, vaultBefore, genesysBefore);
		}
		Map<String, Long> perRotation = countPerRotation(sandbox);
		return new Run(name, minimalRequests, failed, duration, exposure, perRotation, lastRotation);
	}

	/**
	 * The requests of the last rotation: Vault's first, then Genesys's, each in order.
	 */
	private static List<String> requests(Sandbox sandbox, int vaultBefore, int genesysBefore) {
		List<String> requests = new ArrayList<>();
		List<RecordedRequest> vault = sandbox.vault().requests().all();
		vault.subList(vaultBefore, vault.size())
			.forEach((request) -> requests.add("vault " + request.method() + " " + request.path()));
		List<ApiRequestRecord> genesys = sandbox.genesys().observations().apiRequests();
		genesys.subList(genesysBefore, genesys.size())
			.forEach((request) -> requests.add("genesys " + request.method() + " " + request.path()));
		return requests;
	}

	/** Average requests per rotation by kind, over the whole run. */
	private static Map<String, Long> countPerRotation(Sandbox sandbox) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.putAll(sandbox.vault()
			.requests()
			.all()
			.stream()
			.collect(Collectors.groupingBy(
					(RecordedRequest request) -> "vault " + request.method() + " " + request.path(), LinkedHashMap::new,
					Collectors.counting())));
		counts.putAll(sandbox.genesys()
			.observations()
			.apiRequests()
			.stream()
			.collect(Collectors.groupingBy(
					(ApiRequestRecord request) -> "genesys " + request.method() + " " + request.path(),
					LinkedHashMap::new, Collectors.counting())));
		counts.replaceAll((kind, count) -> Math.round((double) count / ROTATIONS));
		return counts;
	}

	private void report(List<Run> runs) {
		double floorMs = LATENCY.toMillis();
		double exposureTarget = 1.2 * floorMs + 5;
		List<List<Object>> rows = new ArrayList<>();
		List<Map<String, Object>> json = new ArrayList<>();
		for (Run run : runs) {
			double minimal = run.minimalRequests() * floorMs;
			rows.add(List.of(run.name(), run.duration().count(), run.failed(), run.duration().percentile(50),
					run.duration().percentile(99), minimal, run.duration().percentile(50) / minimal,
					run.duration().percentile(99) / minimal, run.requestCount(),
					run.duration().percentile(50) / floorMs, run.exposure().percentile(50),
					run.exposure().percentile(99)));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("strategy", run.name());
			entry.put("failedRotations", run.failed());
			entry.put("rotation", run.duration().summary());
			entry.put("minimalProtocolMs", minimal);
			entry.put("ratioP50", run.duration().percentile(50) / minimal);
			entry.put("ratioP99", run.duration().percentile(99) / minimal);
			entry.put("requestsPerRotation", run.perRotation());
			entry.put("requestsOfLastRotation", run.lastRotation());
			entry.put("exposureWindow", run.exposure().summary());
			json.add(entry);
		}
		BenchResults.printTable("Latency: L = " + LATENCY.toMillis() + " ms on every request, " + ROTATIONS
				+ " rotations each; exposure target p99 <= " + exposureTarget + " ms; rotation target <= 2x minimal",
				List.of("strategy", "rotations", "failed", "p50 ms", "p99 ms", "minimal ms", "ratio p50", "ratio p99",
						"requests", "p50 / L", "exposure p50 ms", "exposure p99 ms"),
				rows);
		runs.forEach((run) -> System.out
			.println(run.name() + " requests of one rotation:\n  " + String.join("\n  ", run.lastRotation())));
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("latencyMs", LATENCY.toMillis());
		section.put("rotations", ROTATIONS);
		section.put("exposureTargetP99Ms", exposureTarget);
		section.put("strategies", json);
		BenchResults.record("latency", section);
		List<String> names = runs.stream().map(Run::name).toList();
		Map<String, List<? extends Number>> series = new LinkedHashMap<>();
		series.put("minimal protocol", values(runs, (run) -> run.minimalRequests() * floorMs));
		series.put("p50", values(runs, (run) -> run.duration().percentile(50)));
		series.put("p99", values(runs, (run) -> run.duration().percentile(99)));
		Charts.bars("latency-rotation", "Rotation time with L = " + LATENCY.toMillis() + " ms per request", "ms", names,
				series);
	}

	private static List<Double> values(List<Run> runs, Function<Run, Double> value) {
		return runs.stream().map(value).toList();
	}

	record Run(String name, int minimalRequests, int failed, Samples duration, Samples exposure,
			Map<String, Long> perRotation, List<String> lastRotation) {

		long requestCount() {
			return this.lastRotation.size();
		}

	}

}
