package io.github.genesysrotator.observability;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the monitoring assets shipped with the chart: the Prometheus alert rules (with
 * {@code promtool}, when installed) and the Grafana dashboard, against the metric
 * contract of DESIGN.md section 8.
 */
class PrometheusRulesTests {

	private static final Path BASEDIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

	private static final Path ALERT_RULES = BASEDIR.resolve("helm/genesys-secret-rotator/files/prometheus/alerts.yml");

	private static final Path ALERT_TESTS = BASEDIR.resolve("src/test/resources/prometheus/alerts-test.yml");

	private static final Path DASHBOARD = BASEDIR
		.resolve("helm/genesys-secret-rotator/files/dashboards/genesys-secret-rotator.json");

	private static final String PROMTOOL_MISSING = "promtool not installed: apt-get install prometheus";

	private static final Set<String> GAUGES_AND_COUNTERS = Set.of("rotator_rotations_total",
			"rotator_secret_age_seconds", "rotator_rotation_interval_seconds", "rotator_last_success_timestamp_seconds",
			"rotator_next_rotation_timestamp_seconds", "rotator_phase", "rotator_uncommitted_secrets",
			"rotator_genesys_ratelimit_remaining", "rotator_vault_up", "up");

	private static final Set<String> HISTOGRAMS = Set.of("rotator_rotation_duration_seconds",
			"rotator_exposure_window_seconds", "rotator_genesys_requests_seconds");

	private static final Set<String> REQUIRED_ANNOTATIONS = Set.of("summary", "description", "runbook");

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

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][\\w:]*)\\s*,");

	@Test
	void alertRulesPassPromtoolCheck() throws Exception {
		assumePromtoolInstalled();
		assertPromtoolSucceeds("check", "rules", ALERT_RULES.toString());
	}

	@Test
	void alertRulesPassTheirUnitTests() throws Exception {
		assumePromtoolInstalled();
		assertPromtoolSucceeds("test", "rules", ALERT_TESTS.toString());
	}

	@Test
	void everyAlertHasSeverityAndRunbookAnnotations() throws IOException {
		List<Map<String, Object>> alerts = alertRules();
		assertThat(alerts).isNotEmpty();
		for (Map<String, Object> alert : alerts) {
			Map<String, Object> labels = map(alert.get("labels"));
			Map<String, Object> annotations = map(alert.get("annotations"));
			assertThat(labels).as("labels of %s", alert.get("alert")).containsKey("severity");
			assertThat(String.valueOf(labels.get("severity"))).isIn("critical", "warning", "info");
			assertThat(annotations).as("annotations of %s", alert.get("alert"))
				.containsKeys(REQUIRED_ANNOTATIONS.toArray(String[]::new));
			REQUIRED_ANNOTATIONS.forEach(
					(name) -> assertThat(String.valueOf(annotations.get(name))).as("%s of %s", name, alert.get("alert"))
						.isNotBlank());
		}
	}

	@Test
	void runbookAnnotationsPointAtSectionsOfTheMonitoringGuide() throws IOException {
		for (Map<String, Object> alert : alertRules()) {
			String runbook = String.valueOf(map(alert.get("annotations")).get("runbook"));
			assertThat(runbook).as("runbook of %s", alert.get("alert")).matches("docs/[\\w-]+\\.md#[\\w-]+");
			String[] fileAndAnchor = runbook.split("#");
			Path guide = BASEDIR.resolve(fileAndAnchor[0]);
			assertThat(guide).as("runbook of %s", alert.get("alert")).isRegularFile();
			assertThat(markdownAnchors(guide)).as("headings of %s", guide).contains(fileAndAnchor[1]);
		}
	}

	@Test
	void everyAlertHasAFiringAndANotFiringUnitTest() throws IOException {
		Map<String, Object> unitTests = loadYaml(ALERT_TESTS);
		Set<String> firing = new TreeSet<>();
		Set<String> silent = new TreeSet<>();
		for (Object test : list(unitTests.get("tests"))) {
			for (Object ruleTest : list(map(test).get("alert_rule_test"))) {
				Map<String, Object> expectation = map(ruleTest);
				boolean fires = !list(expectation.get("exp_alerts")).isEmpty();
				(fires ? firing : silent).add(String.valueOf(expectation.get("alertname")));
			}
		}
		Set<String> alertNames = alertRules().stream()
			.map((alert) -> String.valueOf(alert.get("alert")))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(firing).as("alerts with a firing case").containsAll(alertNames);
		assertThat(silent).as("alerts with a not-firing case").containsAll(alertNames);
	}

	@Test
	void alertRulesQueryOnlyExportedMetrics() throws IOException {
		for (Map<String, Object> alert : alertRules()) {
			String expr = String.valueOf(alert.get("expr"));
			assertThat(metricNames(expr)).as("metrics of %s", alert.get("alert"))
				.isNotEmpty()
				.allMatch(PrometheusRulesTests::isExported);
		}
	}

	@Test
	void dashboardQueriesOnlyExportedMetrics() throws IOException {
		List<String> expressions = dashboardExpressions(dashboard());
		assertThat(expressions).hasSizeGreaterThan(10);
		for (String expr : expressions) {
			assertThat(metricNames(expr)).as("metrics of %s", expr)
				.isNotEmpty()
				.allMatch(PrometheusRulesTests::isExported);
		}
	}

	@Test
	void dashboardQueriesAreValidPromql(@TempDir Path tempDir) throws Exception {
		assumePromtoolInstalled();
		List<Map<String, Object>> rules = new ArrayList<>();
		for (String expr : dashboardExpressions(dashboard())) {
			Map<String, Object> rule = new LinkedHashMap<>();
			rule.put("record", "dashboard:query_" + (rules.size() + 1));
			rule.put("expr", substituteGrafanaVariables(expr));
			rules.add(rule);
		}
		Path ruleFile = tempDir.resolve("dashboard-queries.yml");
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		Files.writeString(ruleFile,
				new Yaml(options).dump(Map.of("groups", List.of(Map.of("name", "dashboard-queries", "rules", rules)))));
		assertPromtoolSucceeds("check", "rules", ruleFile.toString());
	}

	@Test
	void dashboardUsesTheDatasourceVariableEverywhere() throws IOException {
		JsonNode dashboard = dashboard();
		assertThat(dashboard.path("uid").asString()).isEqualTo("genesys-secret-rotator");
		JsonNode datasource = templateVariable(dashboard, "datasource");
		assertThat(datasource.path("type").asString()).isEqualTo("datasource");
		assertThat(datasource.path("query").asString()).isEqualTo("prometheus");
		List<JsonNode> queryNodes = new ArrayList<>();
		collectNodesWith(dashboard.path("panels"), "targets", queryNodes);
		collectNodesWith(dashboard.path("panels"), "expr", queryNodes);
		collectNodesWith(dashboard.path("annotations"), "expr", queryNodes);
		collectNodesWith(dashboard.path("templating"), "definition", queryNodes);
		assertThat(queryNodes).isNotEmpty();
		for (JsonNode node : queryNodes) {
			assertThat(node.path("datasource").path("uid").asString()).as("datasource of %s", node)
				.isEqualTo("${datasource}");
		}
	}

	@Test
	void dashboardHasAMultiValueCredentialVariable() throws IOException {
		JsonNode dashboard = dashboard();
		JsonNode credential = templateVariable(dashboard, "credential");
		assertThat(credential.path("type").asString()).isEqualTo("query");
		assertThat(credential.path("query").path("query").asString())
			.isEqualTo("label_values(rotator_secret_age_seconds, credential)");
		assertThat(credential.path("multi").asBoolean()).isTrue();
		assertThat(credential.path("includeAll").asBoolean()).isTrue();
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asString(""));
			while (labelValues.find()) {
				assertThat(labelValues.group(1)).as("metric of variable %s", variable.path("name").asString())
					.matches(PrometheusRulesTests::isExported);
			}
		}
		assertThat(dashboardExpressions(dashboard)).anyMatch((expr) -> expr.contains("credential=~\"$credential\""));
	}

	@Test
	void metricNameExtractorSeesSelectorsButNotFunctionsLabelsOrKeywords() {
		assertThat(metricNames("histogram_quantile(0.95, sum by (org, le) (rate(a_bucket{org=~\"$org\", "
				+ "status!~\"2..\"}[$__rate_interval])))"))
			.containsExactly("a_bucket");
		assertThat(metricNames("max by (credential) (b) > on (credential) 1.1 * max without (instance) (c offset 15m)"))
			.containsExactly("b", "c");
		assertThat(metricNames("up{job=\"x\"} == 0 or absent(up{job=\"x\"}) unless vector(1e3)")).containsExactly("up");
	}

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

	private static boolean isExported(String metric) {
		if (GAUGES_AND_COUNTERS.contains(metric)) {
			return true;
		}
		return HISTOGRAMS.stream()
			.anyMatch((histogram) -> metric.equals(histogram + "_bucket") || metric.equals(histogram + "_sum")
					|| metric.equals(histogram + "_count"));
	}

	private static String substituteGrafanaVariables(String expr) {
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

	private static List<String> dashboardExpressions(JsonNode dashboard) {
		List<JsonNode> nodes = new ArrayList<>();
		collectNodesWith(dashboard.path("panels"), "expr", nodes);
		collectNodesWith(dashboard.path("annotations"), "expr", nodes);
		return nodes.stream().map((node) -> node.path("expr").asString()).toList();
	}

	private static void collectNodesWith(JsonNode node, String field, List<JsonNode> found) {
		if (node.isObject() && node.has(field)) {
			found.add(node);
		}
		if (node.isContainer()) {
			node.values().forEach((child) -> collectNodesWith(child, field, found));
		}
	}

	private static JsonNode templateVariable(JsonNode dashboard, String name) {
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if (name.equals(variable.path("name").asString())) {
				return variable;
			}
		}
		throw new AssertionError("dashboard has no template variable '" + name + "'");
	}

	private static JsonNode dashboard() throws IOException {
		return JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
	}

	private static List<Map<String, Object>> alertRules() throws IOException {
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

	/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
	private static Set<String> markdownAnchors(Path markdown) throws IOException {
		return Files.readAllLines(markdown)
			.stream()
			.filter((line) -> line.startsWith("#"))
			.map((line) -> line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT))
			.map((heading) -> heading.replaceAll("[^\\w\\- ]", "").replace(' ', '-'))
			.collect(Collectors.toSet());
	}

	private static void assumePromtoolInstalled() {
		String path = System.getenv("PATH");
		boolean installed = path != null && Arrays.stream(path.split(File.pathSeparator))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, "promtool")));
		Assumptions.assumeTrue(installed, PROMTOOL_MISSING);
	}

	private static void assertPromtoolSucceeds(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add("promtool");
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(BASEDIR.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
		assertThat(process.exitValue())
			.withFailMessage("%s exited with %d:%n%s", String.join(" ", command), process.exitValue(), output)
			.isZero();
	}

	private static Map<String, Object> loadYaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object yaml) {
		return (yaml instanceof Map) ? (Map<String, Object>) yaml : Map.of();
	}

	private static List<?> list(Object yaml) {
		return (yaml instanceof List) ? (List<?>) yaml : List.of();
	}

}
