package io.github.genesysrotator.bench;

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

	static ProcessBuilder command(String mainClass, List<String> args, Path log) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(FLAGS);
		command.add("-cp");
		command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		command.add(mainClass);
		command.addAll(args);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
	}

	/** Run a child to its end (bounded) and return what it reported. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> run(String mainClass, String label, List<String> args, long timeoutMinutes)
			throws IOException, InterruptedException {
		Path log = BenchResults.directory().resolve(simpleName(mainClass) + "-" + label + ".log");
		Process process = command(mainClass, args, log).start();
		if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(mainClass + " did not finish in " + timeoutMinutes + " min; see " + log);
		}
		String result = Files.readAllLines(log)
			.stream()
			.filter((line) -> line.startsWith(RESULT_PREFIX))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException(mainClass + " reported nothing; see " + log));
		return JSON.readValue(result.substring(RESULT_PREFIX.length()), Map.class);
	}

	/** What a child prints as its result. */
	static void report(Map<String, Object> result) {
		System.out.println(RESULT_PREFIX + JSON.writeValueAsString(result));
	}

	private static String simpleName(String mainClass) {
		return mainClass.substring(mainClass.lastIndexOf('.') + 1);
	}

}
