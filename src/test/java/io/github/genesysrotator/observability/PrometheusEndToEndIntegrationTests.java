package io.github.genesysrotator.observability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.genesysrotator.rotation.RotationTestSupport.CrashSwitch;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;

import static io.github.genesysrotator.observability.MonitoringAssets.ALERT_RULES;
import static io.github.genesysrotator.observability.MonitoringAssets.alertRules;
import static io.github.genesysrotator.observability.MonitoringAssets.dashboard;
import static io.github.genesysrotator.observability.MonitoringAssets.dashboardExpressions;
import static io.github.genesysrotator.observability.MonitoringAssets.metricNames;
import static io.github.genesysrotator.sandbox.HostTools.onPath;
import static io.github.genesysrotator.observability.MonitoringAssets.substituteGrafanaVariables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on the sandbox, scraped by a real Prometheus (a child process on a
 * free port) that loads the chart's alert rules: rotations show up in the scraped series,
 * and every dashboard and alert expression evaluates against what the service exports.
 */
// Commit timeout: long enough for Prometheus to scrape the uncommitted secret while
// Vault is down.
@SandboxServiceTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "rotator.rotation.commit-timeout=2m",
				"rotator.genesys.max-attempts=2" })
@Import(ObservabilityIntegrationTests.Beans.class)
@EnabledIf(value = "prometheusInstalled", disabledReason = "prometheus not installed: apt-get install prometheus")
class PrometheusEndToEndIntegrationTests {

	private static final String JOB = "genesys-secret-rotator";

	private static final String STATE_RECORD = "/v1/secret/data/genesys-rotator/state/";

	/**
	 * Scrapes and rule evaluations happen every second; this leaves room for a slow CI.
	 */
	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Pattern LABEL_VALUES = Pattern
		.compile("label_values\\(\\s*([a-zA-Z_:][\\w:]*)\\s*,\\s*(\\w+)\\s*\\)");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path workDir;

	private static Process prometheus;

	private static URI prometheusUri;

	@Autowired
	private Sandbox sandbox;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private RotationService rotations;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CrashSwitch phaseHook;

	static boolean prometheusInstalled() {
		return onPath("prometheus");
	}

	@AfterAll
	static void stopPrometheus() throws InterruptedException {
		if (prometheus != null) {
			prometheus.destroy();
			if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
				prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	@BeforeEach
	void startPrometheus() throws Exception {
		this.phaseHook.disarm();
		if (prometheus == null) {
			prometheus = startPrometheus(this.managementPort);
			awaitValue("up{job=\"" + JOB + "\"}", (up) -> up == 1.0, "the service scraped");
		}
	}

	@Test
	void rotationsReachPrometheusWithOutcomeSecretAgeAndUncommittedSecret() throws Exception {
		Map<String, Double> countsBefore = countsByCredentialAndOutcome();
		String dualAge = "rotator_secret_age_seconds{credential=\"" + Sandbox.DUAL + "\"}";
		this.clock.advance(Duration.ofMinutes(10));
		double aged = awaitValue(dualAge, (age) -> age >= 600, "the secret age after ten minutes");

		assertThat(rotate(Sandbox.DUAL).outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(awaitValue(dualAge, (age) -> age < aged, "the secret age after a rotation")).isLessThan(60);
		assertThat(rotate(Sandbox.SINGLE).outcome()).isEqualTo(Outcome.SUCCESS);

		this.sandbox.genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).status(503));
		assertThat(rotate(Sandbox.DUAL).outcome()).isEqualTo(Outcome.FAILED);
		this.sandbox.genesys().faults().clear();
		awaitValue("rotator_phase{credential=\"" + Sandbox.DUAL + "\", phase=\"FAILED\"}", (v) -> v == 1.0,
				"the FAILED phase");
		awaitValue(alert("RotatorRotationFailed", "firing"), (v) -> v == 1.0, "RotatorRotationFailed firing");

		AtomicReference<RotationResult> concurrent = new AtomicReference<>();
		this.phaseHook.runAt(Phase.REGENERATING, () -> concurrent
			.set(CompletableFuture.supplyAsync(() -> rotate(Sandbox.SINGLE)).orTimeout(30, TimeUnit.SECONDS).join()));
		assertThat(rotate(Sandbox.SINGLE).outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(concurrent.get().outcome()).isEqualTo(Outcome.BUSY);

		String uncommitted = "rotator_uncommitted_secrets{credential=\"" + Sandbox.DUAL + "\"}";
		this.phaseHook.runAt(Phase.REGENERATING,
				() -> this.sandbox.vault()
					.faults()
					.add(io.github.genesysrotator.sandbox.vault.FaultRule.status("POST", STATE_RECORD + Sandbox.DUAL,
							503, "Vault is sealed", -1)));
		CompletableFuture<RotationResult> held = CompletableFuture.supplyAsync(() -> rotate(Sandbox.DUAL));
		awaitValue(uncommitted, (v) -> v == 1.0, "the uncommitted secret during the Vault outage");
		awaitValue(alert("RotatorUncommittedSecret", "pending"), (v) -> v == 1.0, "RotatorUncommittedSecret pending");
		this.sandbox.vault().faults().clear();
		assertThat(held.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.SUCCESS);
		awaitValue(uncommitted, (v) -> v == 0.0, "no uncommitted secret once Vault is back");

		Map<String, Double> expected = new TreeMap<>(countsBefore);
		expected.merge(Sandbox.DUAL + "/success", 2.0, Double::sum);
		expected.merge(Sandbox.DUAL + "/failed", 1.0, Double::sum);
		expected.merge(Sandbox.SINGLE + "/success", 2.0, Double::sum);
		expected.merge(Sandbox.SINGLE + "/busy", 1.0, Double::sum);
		assertThat(await(this::countsByCredentialAndOutcome, expected::equals)).isEqualTo(expected);
	}

	@Test
	void everyDashboardAndAlertExpressionEvaluatesOnExportedMetrics() throws Exception {
		rotateBothCredentials();
		Set<String> exported = awaitMetricNames(Set.of("rotator_exposure_window_seconds_bucket",
				"rotator_rotation_duration_seconds_bucket", "rotator_genesys_ratelimit_remaining"));
		Map<String, String> expressions = new TreeMap<>();
		dashboardExpressions(dashboard())
			.forEach((expr) -> expressions.put(substituteGrafanaVariables(expr), "dashboard: " + expr));
		alertRules()
			.forEach((alert) -> expressions.put(String.valueOf(alert.get("expr")), "alert " + alert.get("alert")));
		assertThat(expressions).hasSizeGreaterThan(20);

		for (Map.Entry<String, String> expression : expressions.entrySet()) {
			query(expression.getKey());
			assertThat(metricNames(expression.getKey())).as("metrics of %s", expression.getValue())
				.isNotEmpty()
				.isSubsetOf(exported);
		}
		int labelVariables = 0;
		for (JsonNode variable : dashboard().path("templating").path("list")) {
			Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asString(""));
			if (labelValues.matches()) {
				labelVariables++;
				JsonNode values = api(
						"/api/v1/label/" + labelValues.group(2) + "/values?match[]=" + encode(labelValues.group(1)));
				assertThat(values).as("values of dashboard variable %s", variable.path("name").asString()).isNotEmpty();
			}
		}
		assertThat(labelVariables).as("dashboard variables filled from label values").isPositive();
	}

	@Test
	void alertRulesLoadAndEvaluateWithoutErrors() throws Exception {
		Set<String> alertNames = new TreeSet<>();
		alertRules().forEach((alert) -> alertNames.add(String.valueOf(alert.get("alert"))));
		List<JsonNode> rules = await(this::alertingRules, (loaded) -> loaded.size() == alertNames.size()
				&& loaded.stream().noneMatch((rule) -> rule.path("lastEvaluation").asString().startsWith("0001-")));

		assertThat(rules).extracting((rule) -> rule.path("name").asString())
			.containsExactlyInAnyOrderElementsOf(alertNames);
		for (JsonNode rule : rules) {
			assertThat(rule.path("health").asString()).as("health of %s: %s", rule.path("name").asString(), rule)
				.isEqualTo("ok");
			assertThat(rule.path("lastError").asString("")).as("lastError of %s", rule.path("name").asString())
				.isEmpty();
		}
	}

	private void rotateBothCredentials() {
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(rotate(Sandbox.DUAL).outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(rotate(Sandbox.SINGLE).outcome()).isEqualTo(Outcome.SUCCESS);
	}

	/** Moves past the API cool-down and the dual grace period, then rotates. */
	private RotationResult rotate(String credential) {
		this.clock.advance(Duration.ofMinutes(2));
		return this.rotations.rotate(RotationRequest.of(credential, Trigger.API, "test"));
	}

	private static String alert(String name, String state) {
		return "ALERTS{alertname=\"" + name + "\", alertstate=\"" + state + "\", credential=\"" + Sandbox.DUAL + "\"}";
	}

	private Map<String, Double> countsByCredentialAndOutcome() {
		Map<String, Double> counts = new TreeMap<>();
		for (JsonNode series : query("sum by (credential, outcome) (rotator_rotations_total)")) {
			counts.put(series.path("metric").path("credential").asString() + "/"
					+ series.path("metric").path("outcome").asString(), value(series));
		}
		return counts;
	}

	private List<JsonNode> alertingRules() {
		List<JsonNode> rules = new ArrayList<>();
		for (JsonNode group : api("/api/v1/rules?type=alert").path("groups")) {
			group.path("rules").forEach(rules::add);
		}
		return rules;
	}

	private Set<String> awaitMetricNames(Set<String> required) {
		return await(() -> {
			Set<String> names = new TreeSet<>();
			api("/api/v1/label/__name__/values").forEach((name) -> names.add(name.asString()));
			return names;
		}, (names) -> names.containsAll(required));
	}

	/** Polls an instant query until its single series has a value that matches. */
	private double awaitValue(String promql, Predicate<Double> expected, String what) {
		JsonNode result = await(() -> query(promql),
				(series) -> series.size() == 1 && expected.test(value(series.get(0))));
		assertThat(result).as("%s: %s", what, promql).hasSize(1);
		double value = value(result.get(0));
		assertThat(expected.test(value)).as("%s: %s = %s", what, promql, value).isTrue();
		return value;
	}

	/** The last answer once it matches, or when the deadline passed. */
	private static <T> T await(Supplier<T> probe, Predicate<T> done) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		T answer = probe.get();
		while (!done.test(answer) && System.nanoTime() < deadline) {
			pause();
			answer = probe.get();
		}
		return answer;
	}

	private static JsonNode query(String promql) {
		JsonNode data = api("/api/v1/query?query=" + encode(promql));
		assertThat(data.path("resultType").asString()).as("result type of %s", promql).isEqualTo("vector");
		return data.path("result");
	}

	private static double value(JsonNode series) {
		return Double.parseDouble(series.path("value").get(1).asString());
	}

	/** The {@code data} of a Prometheus API answer; fails on any error or warning. */
	private static JsonNode api(String pathAndQuery) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(prometheusUri.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode body = json.readTree(response.body());
			assertThat(response.statusCode()).as("%s answered %s", pathAndQuery, response.body()).isEqualTo(200);
			assertThat(body.path("status").asString()).as("%s answered %s", pathAndQuery, response.body())
				.isEqualTo("success");
			assertThat(body.path("warnings")).as("warnings of %s", pathAndQuery).isEmpty();
			return body.path("data");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Prometheus API " + pathAndQuery, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Process startPrometheus(int managementPort) throws IOException {
		int port = freePort();
		Path config = workDir.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				  evaluation_interval: 1s
				rule_files:
				  - %s
				scrape_configs:
				  - job_name: %s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(ALERT_RULES, JOB, managementPort));
		Path log = workDir.resolve("prometheus.log");
		Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
				"--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		prometheusUri = URI.create("http://127.0.0.1:" + port);
		awaitReady(process, log);
		return process;
	}

	/**
	 * Polls {@code /-/ready}; a Prometheus that exits (a taken port, a bad rule file)
	 * fails fast.
	 */
	private static void awaitReady(Process process, Path log) throws IOException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			try {
				HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(prometheusUri.resolve("/-/ready"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			pause();
		}
		process.destroyForcibly();
		throw new AssertionError("Prometheus did not become ready at " + prometheusUri + ":\n" + Files.readString(log));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
