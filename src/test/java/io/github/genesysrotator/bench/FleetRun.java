package io.github.genesysrotator.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Trigger;

/**
 * The rotator alone in its JVM (the simulators run in the benchmark's), rotating every
 * credential of a fleet at once with one worker per org, as a scheduler pass would.
 * Arguments: the properties file, the number of orgs, credentials per org, and optionally
 * the number of passes (rounds) over the fleet, one after the other (default 1). The
 * report's top-level numbers are the first round's; with more than one round it also
 * lists every round.
 */
public final class FleetRun {

	private FleetRun() {
	}

	/**
	 * The flag that selects this child in {@code TestGenesysSecretRotatorApplication}.
	 */
	public static final String FLAG = "--bench-fleet";

	public static void run(String[] args) throws Exception {
		int orgs = Integer.parseInt(args[1]);
		int perOrg = Integer.parseInt(args[2]);
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 1;
		try (RotatorInstance rotator = RotatorInstance.start(load(Path.of(args[0])))) {
			long heapAfterStart = heapAfterGc();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			long startedAt = System.currentTimeMillis();
			long start = System.nanoTime();
			List<RotationResult> results = rotateAll(rotator.rotations(), orgs, perOrg);
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			long peakHeap = peakHeap();
			List<Map<String, Object>> passes = new ArrayList<>();
			passes.add(round(startedAt, elapsedMillis, results));
			for (int round = 2; round <= rounds; round++) {
				long roundStartedAt = System.currentTimeMillis();
				long roundStart = System.nanoTime();
				List<RotationResult> roundResults = rotateAll(rotator.rotations(), orgs, perOrg);
				passes.add(round(roundStartedAt, (System.nanoTime() - roundStart) / 1_000_000, roundResults));
			}
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("credentials", orgs * perOrg);
			report.put("elapsedMs", elapsedMillis);
			report.put("succeeded", results.stream().filter((r) -> r.outcome() == Outcome.SUCCESS).count());
			report.put("failed", results.stream().filter((r) -> r.outcome() != Outcome.SUCCESS).count());
			report.put("errors",
					results.stream()
						.filter((r) -> r.errorCode() != null)
						.map(RotationResult::errorCode)
						.distinct()
						.toList());
			report.put("heapAfterStartMib", heapAfterStart / (1024 * 1024));
			report.put("peakHeapMib", peakHeap / (1024 * 1024));
			report.put("heapAfterRotationsMib", heapAfterGc() / (1024 * 1024));
			report.put("peakRssMib", Machine.peakRssMib());
			if (rounds > 1) {
				report.put("rounds", passes);
			}
			ChildJvm.report(report);
		}
	}

	/**
	 * One pass: when it started (epoch ms, to split the simulators' logs), how long it
	 * took, its outcomes by error code (refusals such as {@code standby-in-use} are
	 * {@code skipped}), and the retirement guard's answers.
	 */
	private static Map<String, Object> round(long startedAt, long elapsedMillis, List<RotationResult> results) {
		Map<String, Object> round = new LinkedHashMap<>();
		round.put("startedAtEpochMs", startedAt);
		round.put("elapsedMs", elapsedMillis);
		round.put("succeeded", results.stream().filter((r) -> r.outcome() == Outcome.SUCCESS).count());
		round.put("skipped", results.stream().filter((r) -> r.outcome() == Outcome.SKIPPED).count());
		round.put("failed",
				results.stream().filter((r) -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.BUSY).count());
		round.put("errorCodes", counts(results.stream().map(RotationResult::errorCode)));
		round.put("standbyUsage",
				counts(results.stream()
					.map(RotationResult::standbyUsage)
					.map((usage) -> (usage != null) ? usage.answer().label() : null)));
		return round;
	}

	private static Map<String, Long> counts(Stream<String> values) {
		return values.filter(Objects::nonNull)
			.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
	}

	static String credential(int org, int index) {
		return "org-" + org + "-c" + index;
	}

	private static List<RotationResult> rotateAll(RotationService rotations, int orgs, int perOrg) throws Exception {
		List<ExecutorService> workers = new ArrayList<>();
		List<Future<RotationResult>> pending = new ArrayList<>();
		for (int org = 0; org < orgs; org++) {
			ExecutorService worker = Executors.newSingleThreadExecutor();
			workers.add(worker);
			for (int i = 0; i < perOrg; i++) {
				String name = credential(org, i);
				pending.add(worker.submit(() -> rotations.rotate(RotationRequest.of(name, Trigger.SCHEDULE, "bench"))));
			}
		}
		List<RotationResult> results = new ArrayList<>();
		for (Future<RotationResult> future : pending) {
			results.add(future.get(15, TimeUnit.MINUTES));
		}
		workers.forEach(ExecutorService::shutdown);
		return results;
	}

	private static Map<String, Object> load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		Map<String, Object> map = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach((key) -> map.put(key, properties.getProperty(key)));
		return map;
	}

	private static long heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** The sum of the heap pools' peaks since they were reset. */
	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
	}

}
