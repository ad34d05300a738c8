package io.github.genesysrotator.bench;

import io.github.genesysrotator.TestGenesysSecretRotatorApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * A JVM started by a benchmark on the test classpath, so that its memory and start-up are
 * its own. A child reports by printing one line {@code BENCH-RESULT <json>}.
 */
final class ChildJvm {

	static final String RESULT_PREFIX = "BENCH-RESULT ";

	/** The same for every child, so that they compare. */
	static final List<String> FLAGS = List.of("-Xmx1g", "-XX:+UseSerialGC", "-Djava.awt.headless=true");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChildJvm() {
	}

	/**
	 * A child JVM on the test classpath. It starts through the test classpath's one entry
	 * point (which {@code ./mvnw spring-boot:test-run} also needs to find alone); the
	 * flag selects the benchmark child.
	 */
	static ProcessBuilder command(String flag, List<String> args, Path log) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(FLAGS);
		command.add("-cp");
		command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		command.add(TestGenesysSecretRotatorApplication.class.getName());
		command.add(flag);
		command.addAll(args);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
	}

	/** Run a child to its end (bounded) and return what it reported. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> run(String flag, String label, List<String> args, long timeoutMinutes)
			throws IOException, InterruptedException {
		Path log = BenchResults.directory().resolve(flag.substring(2) + "-" + label + ".log");
		Process process = command(flag, args, log).start();
		if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(flag + " did not finish in " + timeoutMinutes + " min; see " + log);
		}
		String result = Files.readAllLines(log)
			.stream()
			.filter((line) -> line.startsWith(RESULT_PREFIX))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException(
					flag + " reported nothing (exit code " + process.exitValue() + "); see " + log));
		return JSON.readValue(result.substring(RESULT_PREFIX.length()), Map.class);
	}

	/** What a child prints as its result. */
	static void report(Map<String, Object> result) {
		System.out.println(RESULT_PREFIX + JSON.writeValueAsString(result));
	}

}
