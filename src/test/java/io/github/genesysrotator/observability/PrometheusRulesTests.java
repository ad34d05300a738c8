package io.github.genesysrotator.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static io.github.genesysrotator.observability.MonitoringAssets.ALERT_RULES;
import static io.github.genesysrotator.observability.MonitoringAssets.BASEDIR;
import static io.github.genesysrotator.observability.MonitoringAssets.alertRules;
import static io.github.genesysrotator.observability.MonitoringAssets.collectNodesWith;
import static io.github.genesysrotator.observability.MonitoringAssets.dashboard;
import static io.github.genesysrotator.observability.MonitoringAssets.dashboardExpressions;
import static io.github.genesysrotator.observability.MonitoringAssets.list;
import static io.github.genesysrotator.observability.MonitoringAssets.loadYaml;
import static io.github.genesysrotator.observability.MonitoringAssets.map;
import static io.github.genesysrotator.observability.MonitoringAssets.metricNames;
import static io.github.genesysrotator.sandbox.HostTools.onPath;
import static io.github.genesysrotator.observability.MonitoringAssets.substituteGrafanaVariables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the monitoring assets shipped with the chart: the Prometheus alert rules (with
 * {@code promtool}, when installed) and the Grafana dashboard, against the metric
 * contract of {@code docs/monitoring.md}.
 */
class PrometheusRulesTests {

	private static final Path ALERT_TESTS = BASEDIR.resolve("src/test/resources/prometheus/alerts-test.yml");

	private static final String PROMTOOL_MISSING = "promtool not installed: apt-get install prometheus";

	private static final Set<String> GAUGES_AND_COUNTERS = Set.of("rotator_rotations_total",
			"rotator_secret_age_seconds", "rotator_rotation_interval_seconds", "rotator_last_success_timestamp_seconds",
			"rotator_next_rotation_timestamp_seconds", "rotator_phase", "rotator_uncommitted_secrets", "rotator_paused",
			"rotator_standby_in_use", "rotator_org_oauth_clients", "rotator_genesys_ratelimit_remaining",
			"rotator_genesys_token_rate_limited_total", "rotator_vault_up", "up");

	private static final Set<String> HISTOGRAMS = Set.of("rotator_rotation_duration_seconds",
			"rotator_exposure_window_seconds", "rotator_genesys_requests_seconds");

	/**
	 * Base of the shipped runbook URLs: the monitoring guide in the repository. The chart
	 * replaces it with prometheusRule.runbookBaseUrl.
	 */
	private static final String RUNBOOK_BASE_URL = "https://github.com/genesysrotator/genesys-secret-rotator/blob/main/docs/monitoring.md";

	private static final Set<String> REQUIRED_ANNOTATIONS = Set.of("summary", "description", "runbook_url");

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
	void runbookUrlsAreAbsoluteLinksToSectionsOfTheMonitoringGuide() throws IOException {
		Path guide = BASEDIR.resolve("docs/monitoring.md");
		for (Map<String, Object> alert : alertRules()) {
			String name = String.valueOf(alert.get("alert"));
			String runbook = String.valueOf(map(alert.get("annotations")).get("runbook_url"));
			assertThat(runbook).as("runbook_url of %s", name).isEqualTo(RUNBOOK_BASE_URL + "#" + name.toLowerCase());
			assertThat(markdownAnchors(guide)).as("headings of %s", guide).contains(name.toLowerCase());
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

	private static boolean isExported(String metric) {
		if (GAUGES_AND_COUNTERS.contains(metric)) {
			return true;
		}
		return HISTOGRAMS.stream()
			.anyMatch((histogram) -> metric.equals(histogram + "_bucket") || metric.equals(histogram + "_sum")
					|| metric.equals(histogram + "_count"));
	}

	private static JsonNode templateVariable(JsonNode dashboard, String name) {
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if (name.equals(variable.path("name").asString())) {
				return variable;
			}
		}
		throw new AssertionError("dashboard has no template variable '" + name + "'");
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
		Assumptions.assumeTrue(onPath("promtool"), PROMTOOL_MISSING);
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

}
