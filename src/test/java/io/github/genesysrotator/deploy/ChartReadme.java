package io.github.genesysrotator.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The chart's README, generated from {@code values.yaml}: every key with a {@code # --}
 * comment (and the comment lines that continue it) becomes a row of the values table,
 * with its type and default read from the parsed file. The helm-docs convention, without
 * helm-docs.
 */
final class ChartReadme {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChartReadme() {
	}

	/** One documented value. */
	record Value(String key, String type, String defaultValue, String description) {

	}

	static String render(String header, String valuesYaml) {
		StringBuilder readme = new StringBuilder(header.stripTrailing()).append("\n\n## Values\n\n");
		readme.append("Generated from the `# --` comments of `values.yaml` by `ChartReadme`; ")
			.append("`ChartReadmeTests` fails when this table is stale and rewrites it with ")
			.append("`-Dchart.readme.write=true`.\n\n");
		readme.append("| Key | Type | Default | Description |\n|-----|------|---------|-------------|\n");
		for (Value value : values(valuesYaml)) {
			readme.append("| `")
				.append(value.key())
				.append("` | ")
				.append(value.type())
				.append(" | `")
				.append(value.defaultValue().replace("|", "\\|"))
				.append("` | ")
				.append(value.description().replace("|", "\\|"))
				.append(" |\n");
		}
		return readme.toString();
	}

	/** The documented keys in file order. */
	static List<Value> values(String valuesYaml) {
		Map<String, Object> tree = Repository.loadYaml(valuesYaml);
		List<Value> values = new ArrayList<>();
		Deque<int[]> indents = new ArrayDeque<>();
		Deque<String> path = new ArrayDeque<>();
		StringBuilder pending = null;
		for (String line : valuesYaml.split("\n")) {
			String trimmed = line.strip();
			int indent = line.length() - line.stripLeading().length();
			if (trimmed.startsWith("# --")) {
				pending = new StringBuilder(trimmed.substring(4).strip());
			}
			else if (trimmed.startsWith("#")) {
				if (pending != null) {
					pending.append(' ').append(trimmed.substring(1).strip());
				}
			}
			else if (!trimmed.isEmpty() && !trimmed.startsWith("-") && trimmed.contains(":")) {
				while (!indents.isEmpty() && indents.peek()[0] >= indent) {
					indents.pop();
					path.removeLast();
				}
				String key = trimmed.substring(0, trimmed.indexOf(':')).strip();
				Object parent = at(tree, path);
				if (parent instanceof Map<?, ?> map && map.containsKey(key)) {
					indents.push(new int[] { indent });
					path.addLast(key);
					if (pending != null) {
						Object value = map.get(key);
						values.add(new Value(String.join(".", path), type(value), JSON.writeValueAsString(value),
								pending.toString()));
					}
				}
				pending = null;
			}
		}
		return values;
	}

	private static Object at(Map<String, Object> tree, Deque<String> path) {
		Object node = tree;
		for (String key : path) {
			node = (node instanceof Map<?, ?> map) ? map.get(key) : null;
		}
		return node;
	}

	private static String type(Object value) {
		if (value instanceof Map<?, ?>) {
			return "object";
		}
		if (value instanceof List<?>) {
			return "list";
		}
		if (value instanceof Boolean) {
			return "bool";
		}
		if (value instanceof Number) {
			return "int";
		}
		return "string";
	}

}
