package io.github.genesysrotator.observability;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring assets shipped with the chart (alert rules, Grafana dashboard) read the
 * way the tests need them: PromQL expressions, the metric names they select, Grafana
 * variables replaced by test values.
 */
final class MonitoringAssets {

	static final Path BASEDIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

	static final Path ALERT_RULES = BASEDIR.resolve("helm/genesys-secret-rotator/files/prometheus/alerts.yml");

	static final Path DASHBOARD = BASEDIR
		.resolve("helm/genesys-secret-rotator/files/dashboards/genesys-secret-rotator.json");

	/** Values that stand in for Grafana variables when dashboard queries are parsed. */
	private static final Map<String, String> GRAFANA_VARIABLES = Map.of("credential", ".*", "org", ".*", "job",
			"genesys-secret-rotator", "__rate_interval", "5m", "__interval", "1m", "__range", "1h");

	private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

	private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern LABEL_LIST = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	/** An identifier that is not a function call and not part of a number. */
	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");

	private static final Set<String> PROMQL_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "offset", "bool", "and", "or", "unless", "atan2", "inf", "nan", "sum", "min", "max", "avg",
			"count", "group", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values");

	private MonitoringAssets() {
	}

	/** The metric names an expression selects: no functions, labels or keywords. */
	static Set<String> metricNames(String expr) {
		String stripped = STRING_LITERAL.matcher(expr).replaceAll("\"\"");
		stripped = stripped.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
		stripped = LABEL_LIST.matcher(stripped).replaceAll(" $1 ");
		Set<String> names = new TreeSet<>();
		Matcher identifiers = IDENTIFIER.matcher(stripped);
		while (identifiers.find()) {
			if (!PROMQL_KEYWORDS.contains(identifiers.group().toLowerCase(Locale.ROOT))) {
				names.add(identifiers.group());
			}
		}
		return names;
	}

	/**
	 * The expression as Grafana would send it, with every variable set to a test value.
	 */
	static String substituteGrafanaVariables(String expr) {
		Matcher variables = GRAFANA_VARIABLE.matcher(expr);
		StringBuilder substituted = new StringBuilder();
		while (variables.find()) {
			String value = GRAFANA_VARIABLES.get(variables.group(1));
			assertThat(value).as("a test value for Grafana variable $%s in %s", variables.group(1), expr).isNotNull();
			variables.appendReplacement(substituted, Matcher.quoteReplacement(value));
		}
		variables.appendTail(substituted);
		return substituted.toString();
	}

	/** The PromQL of every panel target and annotation, variables unsubstituted. */
	static List<String> dashboardExpressions(JsonNode dashboard) {
		List<JsonNode> nodes = new ArrayList<>();
		collectNodesWith(dashboard.path("panels"), "expr", nodes);
		collectNodesWith(dashboard.path("annotations"), "expr", nodes);
		return nodes.stream().map((node) -> node.path("expr").asString()).toList();
	}

	static void collectNodesWith(JsonNode node, String field, List<JsonNode> found) {
		if (node.isObject() && node.has(field)) {
			found.add(node);
		}
		if (node.isContainer()) {
			node.values().forEach((child) -> collectNodesWith(child, field, found));
		}
	}

	static JsonNode dashboard() throws IOException {
		return JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
	}

	static List<Map<String, Object>> alertRules() throws IOException {
		List<Map<String, Object>> alerts = new ArrayList<>();
		for (Object group : list(loadYaml(ALERT_RULES).get("groups"))) {
			for (Object rule : list(map(group).get("rules"))) {
				if (map(rule).containsKey("alert")) {
					alerts.add(map(rule));
				}
			}
		}
		return alerts;
	}

	static Map<String, Object> loadYaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object yaml) {
		return (yaml instanceof Map) ? (Map<String, Object>) yaml : Map.of();
	}

	static List<?> list(Object yaml) {
		return (yaml instanceof List) ? (List<?>) yaml : List.of();
	}

}
