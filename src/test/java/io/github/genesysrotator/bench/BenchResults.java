package io.github.genesysrotator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the benchmarks put what they measured: one section each in
 * {@code target/bench/results.json} (merged, so the benchmark classes can run in any
 * order), a table on standard output, and the machine they ran on.
 */
final class BenchResults {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private BenchResults() {
	}

	/** {@code target/bench}, or what the Maven profile passes as {@code bench.output}. */
	static Path directory() {
		Path directory = Path.of(System.getProperty("bench.output", "target/bench"));
		try {
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Replace one section of {@code results.json}, keeping the others. */
	@SuppressWarnings("unchecked")
	static synchronized void record(String section, Map<String, Object> values) {
		Path file = directory().resolve("results.json");
		Map<String, Object> all = new LinkedHashMap<>();
		if (Files.exists(file)) {
			all.putAll(JSON.readValue(file.toFile(), Map.class));
		}
		all.put("machine", Machine.describe());
		all.put(section, values);
		JSON.writeValue(file.toFile(), all);
	}

	/** A plain-text table, printed so the run's log shows the numbers. */
	static void printTable(String title, List<String> headers, List<List<Object>> rows) {
		List<List<String>> cells = new ArrayList<>();
		cells.add(headers);
		rows.forEach((row) -> cells.add(row.stream().map(BenchResults::cell).toList()));
		int[] widths = new int[headers.size()];
		cells.forEach((row) -> {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		});
		StringBuilder text = new StringBuilder("\n== ").append(title).append(" ==\n");
		for (int r = 0; r < cells.size(); r++) {
			List<String> row = cells.get(r);
			for (int i = 0; i < row.size(); i++) {
				text.append(String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
			}
			text.append('\n');
			if (r == 0) {
				text.append("-".repeat(java.util.Arrays.stream(widths).map((w) -> w + 2).sum())).append('\n');
			}
		}
		System.out.println(text);
	}

	private static String cell(Object value) {
		if (value instanceof Double number) {
			return String.format("%.2f", number);
		}
		return String.valueOf(value);
	}

}
