package io.github.genesysrotator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The machine a benchmark ran on, recorded next to its numbers. */
final class Machine {

	private Machine() {
	}

	static Map<String, Object> describe() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("nproc", Runtime.getRuntime().availableProcessors());
		machine.put("memTotal", procLine(Path.of("/proc/meminfo"), "MemTotal:").orElse("unknown"));
		machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("os", osRelease().orElse(System.getProperty("os.name")) + " (" + System.getProperty("os.arch")
				+ ", " + System.getProperty("os.version") + ")");
		return machine;
	}

	/** The value of a {@code Key: value} line of a /proc file, e.g. VmHWM. */
	static Optional<String> procLine(Path file, String key) {
		try {
			return Files.readAllLines(file)
				.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(key.length()).trim())
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** This process's peak resident set size in MiB, from /proc/self/status (VmHWM). */
	static long peakRssMib() {
		return procLine(Path.of("/proc/self/status"), "VmHWM:").map((value) -> Long.parseLong(value.split("\\s+")[0]))
			.map((kib) -> kib / 1024)
			.orElse(-1L);
	}

	private static Optional<String> osRelease() {
		try {
			List<String> lines = Files.readAllLines(Path.of("/etc/os-release"));
			return lines.stream()
				.filter((line) -> line.startsWith("PRETTY_NAME="))
				.map((line) -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
