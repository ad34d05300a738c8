package io.github.genesysrotator.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.Strategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import org.springframework.cloud.vault.config.VaultProperties.AuthenticationMethod;

import static io.github.genesysrotator.deploy.Repository.CHART;
import static io.github.genesysrotator.deploy.Repository.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Lints and renders the Helm chart with helm-java (Helm as a native library, no cluster)
 * and checks the rendered objects against {@code docs/operations.md} and the image.
 */
class HelmChartTests {

	private static final Path ALL_FEATURES = CHART.resolve("ci/all-features-values.yaml");

	private static final String RELEASE = "rotator";

	/** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion). */
	private static final String OLDEST_KUBERNETES = "1.27.0";

	private static final String HOOK_STAND_IN = "test.genesysrotator.io/helm-hook";

	private static final Set<String> SERVER_SELECTOR_KEYS = Set.of("app.kubernetes.io/name",
			"app.kubernetes.io/instance", "app.kubernetes.io/component");

	@BeforeAll
	static void helmAvailable() {
		String failure = null;
		try {
			Helm.version().call();
		}
		catch (Throwable ex) {
			failure = ex.toString();
		}
		assumeThat(failure).as("helm-java native library unavailable on this platform: %s", failure).isNull();
	}

	@Test
	void lintsWithDefaults() {
		LintResult result = new Helm(CHART).lint().strict().call();
		assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
	}

	@Test
	void lintsWithEveryOptionalFeatureOn(@TempDir Path tmp) throws IOException {
		// helm-java's lint takes no values files: lint a copy whose values.yaml has every
		// optional feature switched on.
		Path chart = copyChartWithValues(tmp, mergedValues(ALL_FEATURES));
		LintResult result = new Helm(chart).lint().strict().call();
		assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
	}

	@Test
	void defaultsRenderOnlyTheCoreObjects() {
		Manifests manifests = render(UnaryOperator.identity());
		assertThat(manifests.kinds()).containsExactlyInAnyOrder("ConfigMap", "Deployment", "PodDisruptionBudget",
				"Service", "ServiceAccount");
	}

	@Test
	void everyOptionalFeatureRenders() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		assertThat(manifests.kinds()).contains("NetworkPolicy", "ServiceMonitor", "PrometheusRule", "CronJob");
		assertThat(manifests.all("ConfigMap")).hasSize(2);
		assertThat(manifests.all("CronJob")).hasSize(2);
	}

	@Test
	void labelsFollowKubernetesRecommendationsAndSelectorsCarryNoVersion() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		for (Map<String, Object> object : manifests.objects()) {
			Map<String, String> labels = at(object, "metadata", "labels");
			assertThat(labels).as("labels of %s", name(object))
				.containsEntry("app.kubernetes.io/name", "genesys-secret-rotator")
				.containsEntry("app.kubernetes.io/instance", RELEASE)
				.containsEntry("app.kubernetes.io/managed-by", "Helm")
				.containsKeys("app.kubernetes.io/version", "helm.sh/chart");
		}
		List<Map<String, String>> selectors = new ArrayList<>();
		selectors.add(at(manifests.one("Deployment"), "spec", "selector", "matchLabels"));
		selectors.add(at(manifests.one("Service"), "spec", "selector"));
		selectors.add(at(manifests.one("PodDisruptionBudget"), "spec", "selector", "matchLabels"));
		selectors.add(at(manifests.one("ServiceMonitor"), "spec", "selector", "matchLabels"));
		selectors.add(at(manifests.one("NetworkPolicy"), "spec", "podSelector", "matchLabels"));
		for (Map<String, String> selector : selectors) {
			assertThat(selector.keySet()).isSubsetOf(SERVER_SELECTOR_KEYS);
			assertThat(selector.values()).noneMatch((value) -> value.contains("0.1.0"));
		}
		Map<String, String> podLabels = at(manifests.one("Deployment"), "spec", "template", "metadata", "labels");
		assertThat(podLabels).containsAllEntriesOf(selectors.get(0));
	}

	@Test
	void oneShotPodsStayOutOfTheServiceAndTheDisruptionBudget() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		Map<String, String> serviceSelector = at(manifests.one("Service"), "spec", "selector");
		for (Map<String, Object> cronJob : manifests.all("CronJob")) {
			Map<String, String> podLabels = at(cronJob, "spec", "jobTemplate", "spec", "template", "metadata",
					"labels");
			assertThat(podLabels.entrySet()).as("one-shot pod labels")
				.doesNotContainAnyElementsOf(Map.of("app.kubernetes.io/component", "server").entrySet());
			assertThat(podLabels).containsEntry("app.kubernetes.io/component", "oneshot");
			assertThat(podLabels.entrySet().containsAll(serviceSelector.entrySet())).isFalse();
		}
	}

	@Test
	void podsAreHardened() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		List<Map<String, Object>> podSpecs = new ArrayList<>();
		podSpecs.add(at(manifests.one("Deployment"), "spec", "template", "spec"));
		manifests.all("CronJob")
			.forEach((cronJob) -> podSpecs.add(at(cronJob, "spec", "jobTemplate", "spec", "template", "spec")));
		for (Map<String, Object> pod : podSpecs) {
			assertThat((Object) at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
			assertThat((Object) at(pod, "securityContext", "runAsUser")).isEqualTo(10001);
			assertThat((Object) at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
			Map<String, Object> container = at(pod, "containers", 0);
			Map<String, Object> context = at(container, "securityContext");
			assertThat(context).containsEntry("runAsNonRoot", true)
				.containsEntry("runAsUser", 10001)
				.containsEntry("readOnlyRootFilesystem", true)
				.containsEntry("allowPrivilegeEscalation", false);
			assertThat((Object) at(context, "capabilities", "drop")).isEqualTo(List.of("ALL"));
			assertThat((Object) at(context, "seccompProfile", "type")).isEqualTo("RuntimeDefault");
			assertThat(mountPath(container, "tmp")).isEqualTo("/tmp");
			assertThat(volume(pod, "tmp")).containsKey("emptyDir");
		}
	}

	@Test
	void probesAndPortsMatchTheApplication() {
		Map<String, Object> deployment = render(UnaryOperator.identity()).one("Deployment");
		Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", 0);
		assertThat((Object) at(container, "ports"))
			.isEqualTo(List.of(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"),
					Map.of("name", "management", "containerPort", 8081, "protocol", "TCP")));
		// The API port, so that a dead API connector fails the probes (application.yml
		// adds /livez and /readyz there).
		assertThat((Object) at(container, "startupProbe", "httpGet"))
			.isEqualTo(Map.of("path", "/livez", "port", "http"));
		assertThat((Object) at(container, "livenessProbe", "httpGet"))
			.isEqualTo(Map.of("path", "/livez", "port", "http"));
		assertThat((Object) at(container, "readinessProbe", "httpGet"))
			.isEqualTo(Map.of("path", "/readyz", "port", "http"));
		assertThat((Integer) at(container, "startupProbe", "failureThreshold")
				* (Integer) at(container, "startupProbe", "periodSeconds"))
			.as("seconds allowed to start")
			.isEqualTo(150);
		assertThat(Repository.read(Repository.ROOT.resolve("src/main/resources/application.yml")))
			.contains("add-additional-paths: true");
		assertThat((Integer) at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds"))
			.as("longer than the 60 s graceful shutdown phase")
			.isGreaterThan(60);
		assertThat((Integer) at(deployment, "spec", "replicas")).isEqualTo(2);
	}

	@Test
	void serviceExposesTheApiAndTheManagementPortSeparately() {
		Map<String, Object> service = render(UnaryOperator.identity()).one("Service");
		assertThat((Object) at(service, "spec", "ports"))
			.isEqualTo(List.of(Map.of("name", "http", "port", 8080, "targetPort", "http", "protocol", "TCP"),
					Map.of("name", "management", "port", 8081, "targetPort", "management", "protocol", "TCP")));
	}

	@Test
	void imageTagDefaultsToAppVersion() {
		Map<String, Object> chart = Repository.loadYaml(CHART.resolve("Chart.yaml"));
		Map<String, Object> container = at(render(UnaryOperator.identity()).one("Deployment"), "spec", "template",
				"spec", "containers", 0);
		assertThat((String) at(container, "image")).endsWith(":" + chart.get("appVersion")).doesNotContain("latest");
		assertThat((String) chart.get("appVersion")).as("the jar version without -SNAPSHOT")
			.isEqualTo(Repository.read(Repository.ROOT.resolve("pom.xml"))
				.replaceAll("(?s).*?<artifactId>genesys-secret-rotator</artifactId>\\s*<version>([^<]+)</version>.*",
						"$1")
				.replace("-SNAPSHOT", ""));
	}

	@Test
	void configMapBindsToTheRealRotatorProperties() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		RotatorConfigBinding binding = RotatorConfigBinding.of(applicationYml(manifests));
		RotatorProperties properties = binding.rotator();
		assertThat(properties.orgs()).containsOnlyKeys("acme-prod", "acme-eu");
		assertThat(properties.orgs().get("acme-prod").region()).isEqualTo("us_east_1");
		assertThat(properties.orgs().get("acme-prod").adminCredential()).isEqualTo("rotator-admin");
		assertThat(properties.orgs().get("acme-eu").adminVaultPath()).isEqualTo("genesys/eu-admin");
		assertThat(properties.orgs().get("acme-eu").apiBaseUrl()).hasHost("proxy.example.com");
		assertThat(properties.credentials()).containsOnlyKeys("rotator-admin", "billing-bot", "eu-reporting");
		RotatorProperties.Credential billing = properties.credentials().get("billing-bot");
		assertThat(billing.strategy()).isEqualTo(Strategy.DUAL);
		assertThat(billing.clientIds()).hasSize(2);
		assertThat(billing.vaultPath()).isEqualTo("genesys/billing-bot");
		assertThat(billing.rotationInterval()).hasDays(30);
		assertThat(billing.gracePeriod()).hasHours(24);
		assertThat(billing.window()).isEqualTo("0 0 2 * * MON-FRI");
		assertThat(billing.adopt()).isTrue();
		RotatorProperties.Credential reporting = properties.credentials().get("eu-reporting");
		assertThat(reporting.strategy()).isEqualTo(Strategy.SINGLE);
		assertThat(reporting.enabled()).isFalse();
		assertThat(properties.rotation().commitTimeout()).hasMinutes(15);
		assertThat(properties.vault().kvMount()).isEqualTo("secret");
		assertThat(properties.vault().statePrefix()).isEqualTo("genesys-rotator/state");
		assertThat(properties.schedule().poll()).isEqualTo("0 */5 * * * *");
		assertThat(properties.api().minInterval()).hasMinutes(10);
	}

	@Test
	void configMapConfiguresSpringCloudVaultForKubernetesAuthAndTheCaBundle() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		var vault = RotatorConfigBinding.of(applicationYml(manifests)).vault();
		assertThat(vault.getUri()).isEqualTo("https://vault.example.com:8200");
		assertThat(vault.getNamespace()).isEqualTo("ops");
		assertThat(vault.getAuthentication()).isEqualTo(AuthenticationMethod.KUBERNETES);
		assertThat(vault.getKubernetes().getRole()).isEqualTo("genesys-secret-rotator");
		assertThat(vault.getKubernetes().getKubernetesPath()).isEqualTo("kubernetes");
		assertThat(vault.getSsl().getTrustStoreType()).isEqualTo("PEM");
		assertThat(vault.getSsl().getTrustStore().getFilename()).isEqualTo("ca.pem");
		Map<String, Object> pod = at(manifests.one("Deployment"), "spec", "template", "spec");
		assertThat(mountPath(at(pod, "containers", 0), "vault-ca")).isEqualTo("/etc/genesys-secret-rotator/vault-ca/");
		assertThat((Object) at(pod, "automountServiceAccountToken")).isEqualTo(true);
	}

	@Test
	void defaultConfigMapBindsWithDefaults() {
		RotatorProperties properties = RotatorConfigBinding.of(applicationYml(render(UnaryOperator.identity())))
			.rotator();
		assertThat(properties.orgs()).isEmpty();
		assertThat(properties.credentials()).isEmpty();
		assertThat(properties.rotation().leaseTtl()).hasMinutes(2);
	}

	@Test
	void configAndSecretsAreMountedWhereTheApplicationLooksForThem() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		Map<String, Object> pod = at(manifests.one("Deployment"), "spec", "template", "spec");
		Map<String, Object> container = at(pod, "containers", 0);
		assertThat(env(container))
			.containsEntry("SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:/etc/genesys-secret-rotator/config/")
			.containsEntry("SPRING_CONFIG_IMPORT", "optional:file:/etc/genesys-secret-rotator/secrets/security.yml")
			.containsKey("JAVA_TOOL_OPTIONS")
			.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		assertThat(mountPath(container, "config")).isEqualTo("/etc/genesys-secret-rotator/config/");
		assertThat(mountPath(container, "secrets")).isEqualTo("/etc/genesys-secret-rotator/secrets/");
		assertThat((Object) at(volume(pod, "secrets"), "secret", "secretName"))
			.isEqualTo("genesys-secret-rotator-security");
		assertThat((Object) at(volume(pod, "secrets"), "secret", "items", 0, "path")).isEqualTo("security.yml");
		List<Map<String, Object>> envList = at(container, "env");
		assertThat(envList).contains(Map.of("name", "ROTATOR_INSTANCE_ID", "valueFrom",
				Map.of("fieldRef", Map.of("fieldPath", "metadata.name"))));
		assertThat((Object) at(manifests.one("Deployment"), "spec", "template", "metadata", "annotations"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKey("checksum/config");
	}

	@Test
	void noSecretIsRenderedFromValues() {
		for (Manifests manifests : List.of(render(UnaryOperator.identity()),
				render((t) -> t.withValuesFile(ALL_FEATURES)))) {
			assertThat(manifests.kinds()).doesNotContain("Secret");
			assertThat(applicationYml(manifests)).doesNotContain("api-tokens", "sha256", "webhooks", "password");
		}
	}

	@Test
	void valuesHoldNoSecretLookingKeys() {
		Pattern secretLooking = Pattern.compile("(?i).*(password|secret|token|sha256|api-?key|private).*");
		Set<String> references = Set.of("existingSecret", "vault.caBundle.secretName", "imagePullSecrets");
		Map<String, Object> values = Repository.loadYaml(CHART.resolve("values.yaml"));
		List<String> keys = new ArrayList<>();
		collectKeys("", values, keys);
		assertThat(keys).filteredOn((key) -> secretLooking.matcher(key).matches())
			.as("keys that name a secret must only reference an existing object")
			.isSubsetOf(references);
	}

	@Test
	void serviceMonitorScrapesTheManagementPortAsTheJobTheAlertsExpect() {
		Map<String, Object> monitor = render((t) -> t.withValuesFile(ALL_FEATURES)).one("ServiceMonitor");
		Map<String, Object> endpoint = at(monitor, "spec", "endpoints", 0);
		assertThat(endpoint).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
		assertThat((Object) at(endpoint, "relabelings", 0))
			.isEqualTo(Map.of("action", "replace", "targetLabel", "job", "replacement", "genesys-secret-rotator"));
		assertThat(Repository.read(CHART.resolve("files/prometheus/alerts.yml")))
			.contains("up{job=\"genesys-secret-rotator\"}");
	}

	@Test
	void prometheusRuleAndDashboardAreTheShippedFiles() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		Map<String, Object> alerts = Repository.loadYaml(CHART.resolve("files/prometheus/alerts.yml"));
		Map<String, Object> defaultRule = render((t) -> t.set("prometheusRule.enabled", true)).one("PrometheusRule");
		assertThat((Object) at(defaultRule, "spec", "groups")).as("the file, with the default runbook base")
			.isEqualTo(alerts.get("groups"));
		Map<String, Object> dashboard = manifests.all("ConfigMap")
			.stream()
			.filter((configMap) -> name(configMap).endsWith("-dashboard"))
			.findFirst()
			.orElseThrow();
		assertThat((Object) at(dashboard, "metadata", "labels"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("grafana_dashboard", "1");
		assertThat((Object) at(dashboard, "data", "genesys-secret-rotator.json"))
			.isEqualTo(Repository.read(CHART.resolve("files/dashboards/genesys-secret-rotator.json")).stripTrailing());
	}

	@Test
	void runbookUrlsAreBuiltFromTheConfiguredBaseAndExtraLabelsAreAdded() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		List<Map<String, Object>> rules = at(manifests.one("PrometheusRule"), "spec", "groups", 0, "rules");
		assertThat(rules).filteredOn((rule) -> rule.containsKey("alert"))
			.isNotEmpty()
			.allSatisfy((rule) -> assertThat((String) at(rule, "annotations", "runbook_url"))
				.isEqualTo("https://wiki.example.com/runbooks/genesys-secret-rotator#"
						+ ((String) rule.get("alert")).toLowerCase()));
		for (String kind : List.of("PrometheusRule", "ServiceMonitor")) {
			assertThat((Map<String, String>) at(manifests.one(kind), "metadata", "labels")).as(kind)
				.containsEntry("release", "prometheus");
		}
		Map<String, Object> values = Repository.loadYaml(CHART.resolve("values.yaml"));
		assertThat((String) at(values, "prometheusRule", "runbookBaseUrl")).as("default base: the shipped guide")
			.isEqualTo(Repository.read(CHART.resolve("files/prometheus/alerts.yml"))
				.replaceAll("(?s).*?runbook_url: \"([^#\"]+)#.*", "$1"));
	}

	@Test
	void extensionPointsReachTheServerAndOneShotPods() {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		Map<String, Object> deployment = manifests.one("Deployment");
		Map<String, Object> pod = at(deployment, "spec", "template", "spec");
		Map<String, Object> oneShotPod = at(manifests.all("CronJob").get(0), "spec", "jobTemplate", "spec", "template",
				"spec");
		for (Map<String, Object> spec : List.of(pod, oneShotPod)) {
			Map<String, Object> rotator = at(spec, "containers", 0);
			assertThat((Object) at(rotator, "envFrom"))
				.isEqualTo(List.of(Map.of("configMapRef", Map.of("name", "proxy-settings"))));
			assertThat(mountPath(rotator, "extra-ca")).isEqualTo("/etc/ssl/corporate");
			assertThat((Object) at(volume(spec, "extra-ca"), "configMap", "name")).isEqualTo("corporate-ca");
			assertThat((Object) at(spec, "initContainers", 0, "name")).isEqualTo("wait-for-vault");
			assertThat((Object) at(spec, "priorityClassName")).isEqualTo("platform-critical");
		}
		assertThat((List<Map<String, Object>>) at(pod, "containers")).extracting((c) -> c.get("name"))
			.containsExactly("rotator", "log-shipper");
		assertThat((List<Map<String, Object>>) at(oneShotPod, "containers")).as("no sidecar in a Job").hasSize(1);
		assertThat((Object) at(deployment, "spec", "revisionHistoryLimit")).isEqualTo(3);
		assertThat((Map<String, String>) at(deployment, "spec", "template", "metadata", "labels"))
			.containsEntry("cost-center", "security");
		assertThat((Object) at(pod, "topologySpreadConstraints", 0, "topologyKey"))
			.isEqualTo("topology.kubernetes.io/zone");
	}

	@Test
	void probesCanBeTunedReplacedAndSwitchedOff() {
		Map<String, Object> container = at(render((t) -> t.withValuesFile(ALL_FEATURES)).one("Deployment"), "spec",
				"template", "spec", "containers", 0);
		assertThat((Object) at(container, "startupProbe", "failureThreshold")).isEqualTo(60);
		assertThat((Object) at(container, "livenessProbe"))
			.isEqualTo(Map.of("exec", Map.of("command", List.of("true")), "periodSeconds", 20));
		assertThat((Object) at(container, "readinessProbe", "initialDelaySeconds")).isEqualTo(5);
		Map<String, Object> without = at(render((t) -> t.set("probes.readiness.enabled", false)).one("Deployment"),
				"spec", "template", "spec", "containers", 0);
		assertThat(without).doesNotContainKey("readinessProbe").containsKeys("livenessProbe", "startupProbe");
	}

	@Test
	void defaultResourcesAreSetSoThatTheHeapIsSizedFromTheLimit() {
		Map<String, Object> container = at(render(UnaryOperator.identity()).one("Deployment"), "spec", "template",
				"spec", "containers", 0);
		assertThat((Object) at(container, "resources", "limits", "memory")).isEqualTo("512Mi");
		assertThat((Object) at(container, "resources", "requests", "memory")).isEqualTo("384Mi");
		assertThat((Object) at(container, "resources", "requests", "cpu")).isEqualTo("100m");
		assertThat(env(container).get("JAVA_TOOL_OPTIONS")).as("the image's measured flags")
			.isEqualTo(ImageLaunch.read().javaToolOptions());
	}

	@Test
	void imageComesFromTheRegistryTheUserNamesAndGlobalRegistryWins(@TempDir Path tmp) throws IOException {
		assertThat(rotatorImage(render(UnaryOperator.identity())))
			.as("a placeholder registry the user replaces knowingly")
			.isEqualTo("registry.example.com/genesys-secret-rotator:0.1.0");
		assertThat(rotatorImage(render((t) -> t.set("image.registry", "ghcr.io/acme"))))
			.isEqualTo("ghcr.io/acme/genesys-secret-rotator:0.1.0");
		Manifests mirrored = render((t) -> t.withValuesFile(ALL_FEATURES));
		assertThat(rotatorImage(mirrored)).isEqualTo("mirror.example.com/genesys-secret-rotator@sha256:"
				+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
		assertThat((Object) at(testHook(tmp, (t) -> t.withValuesFile(ALL_FEATURES)).one("Pod"), "spec", "containers", 0,
				"image"))
			.isEqualTo("mirror.example.com/curlimages/curl:8.11.1");
		assertThat((String) at(mirrored.all("CronJob").get(0), "spec", "jobTemplate", "spec", "template", "spec",
				"containers", 0, "image"))
			.isEqualTo(rotatorImage(mirrored));
		assertThat(Repository.read(CHART.resolve("templates/NOTES.txt"))).contains("registry.example.com");
	}

	@Test
	void helmTestPodWaitsForReadinessAndExpects401WithoutAToken(@TempDir Path tmp) throws IOException {
		Manifests manifests = render((t) -> t.withValuesFile(ALL_FEATURES));
		Map<String, Object> pod = testHook(tmp, (t) -> t.withValuesFile(ALL_FEATURES)).one("Pod");
		assertThat((Map<String, String>) at(pod, "metadata", "annotations")).containsEntry(HOOK_STAND_IN, "test");
		assertThat((Object) at(pod, "spec", "restartPolicy")).isEqualTo("Never");
		String script = at(pod, "spec", "containers", 0, "args", 0);
		String api = "http://rotator-genesys-secret-rotator.secrets.svc:8080";
		assertThat(script).contains(api + "/readyz", api + "/api/v1/credentials", "test \"$status\" = 401");
		assertThat((Object) at(pod, "spec", "containers", 0, "securityContext", "readOnlyRootFilesystem"))
			.isEqualTo(true);
		Map<String, Object> policy = manifests.one("NetworkPolicy");
		assertThat((List<Object>) at(policy, "spec", "ingress")).anySatisfy((rule) -> assertThat(
				(Object) at(rule, "from", 0, "podSelector", "matchLabels", "app.kubernetes.io/component"))
			.isEqualTo("test"));
		assertThat(testHook(tmp.resolve("off"), (t) -> t.set("tests.enabled", false)).kinds()).doesNotContain("Pod");
	}

	@Test
	void chartDeclaresItsKubernetesVersionHomeSourcesAndMaintainers() {
		Map<String, Object> chart = Repository.loadYaml(CHART.resolve("Chart.yaml"));
		assertThat(chart.get("kubeVersion")).as("CronJob timeZone").isEqualTo(">=1.27.0-0");
		assertThat((String) chart.get("home")).startsWith("https://");
		assertThat((List<String>) chart.get("sources")).isNotEmpty();
		assertThat((List<Map<String, String>>) chart.get("maintainers")).isNotEmpty()
			.allSatisfy((maintainer) -> assertThat(maintainer).containsKey("name"));
		assertThatIllegalStateException()
			.isThrownBy(() -> new Helm(CHART).template().withName(RELEASE).withKubeVersion("1.26.9").call())
			.withMessageContaining("kubeVersion");
	}

	@ParameterizedTest
	@CsvSource({ "global.imageRegistry, 5", "image.registry, 5", "extraEnvFrom, proxy", "extraVolumes, ca",
			"extraVolumeMounts, ca", "initContainers, wait", "sidecars, shipper", "podLabels, team",
			"podAnnotations, note", "priorityClassName, 5", "topologySpreadConstraints, zone",
			"revisionHistoryLimit, many", "probes.liveness.enabled, yes", "probes.startup.periodSeconds, often",
			"probes.readiness.custom, exec", "serviceMonitor.additionalLabels, prometheus",
			"prometheusRule.additionalLabels, prometheus", "prometheusRule.runbookBaseUrl, docs/monitoring.md",
			"resources.limits, 512Mi", "tests.enabled, maybe", "tests.image.tag, latest" })
	void schemaRejectsAWrongTypeForEveryNewValue(String key, String value) {
		assertThatIllegalStateException().isThrownBy(() -> render((t) -> t.set(key, value)))
			.withMessageContaining(key.substring(key.lastIndexOf('.') + 1));
	}

	@Test
	void networkPolicyLimitsIngressToTheNamedPortsAndEgressToVaultGenesysAndDns() {
		Map<String, Object> policy = render((t) -> t.withValuesFile(ALL_FEATURES)).one("NetworkPolicy");
		assertThat((Object) at(policy, "spec", "policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
		assertThat((Object) at(policy, "spec", "ingress", 0, "ports", 0, "port")).isEqualTo("http");
		assertThat((Object) at(policy, "spec", "ingress", 0, "from", 0, "namespaceSelector", "matchLabels"))
			.isEqualTo(Map.of("kubernetes.io/metadata.name", "ci"));
		assertThat((Object) at(policy, "spec", "ingress", 1, "ports", 0, "port")).isEqualTo("management");
		assertThat((Object) at(policy, "spec", "ingress", 1, "from", 0, "namespaceSelector", "matchLabels"))
			.isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
		List<Map<String, Object>> egress = at(policy, "spec", "egress");
		assertThat(egress).extracting((rule) -> (Object) at(rule, "ports", 0, "port"))
			.containsExactly(53, 8200, 443, "http", 443);
	}

	@Test
	void oneShotCronJobsRunOneShotModeWithTheSameConfiguration() {
		List<Map<String, Object>> cronJobs = render((t) -> t.withValuesFile(ALL_FEATURES)).all("CronJob");
		Map<String, List<String>> argsByName = new LinkedHashMap<>();
		for (Map<String, Object> cronJob : cronJobs) {
			Map<String, Object> job = at(cronJob, "spec", "jobTemplate", "spec");
			assertThat((Object) at(cronJob, "spec", "concurrencyPolicy")).isEqualTo("Forbid");
			assertThat((Object) at(job, "template", "spec", "restartPolicy")).isEqualTo("Never");
			Map<String, Object> container = at(job, "template", "spec", "containers", 0);
			assertThat(mountPath(container, "config")).isEqualTo("/etc/genesys-secret-rotator/config/");
			assertThat(env(container)).containsKey("SPRING_CONFIG_ADDITIONAL_LOCATION");
			assertThat(name(cronJob).length()).isLessThanOrEqualTo(52);
			argsByName.put(name(cronJob), at(container, "args"));
		}
		assertThat(argsByName)
			.containsEntry("rotator-genesys-secret-rotator-eu-reporting", List.of("--rotator.oneshot=eu-reporting"))
			.containsEntry("rotator-genesys-secret-rotator-billing-bot",
					List.of("--rotator.oneshot=billing-bot", "--rotator.oneshot-dry-run=true"));
	}

	@Test
	void schemaRejectsAWrongType() {
		assertThatIllegalStateException().isThrownBy(() -> render((t) -> t.set("replicaCount", "two")))
			.withMessageContaining("replicaCount");
	}

	@Test
	void schemaRejectsAnUnknownTopLevelKey() {
		assertThatIllegalStateException().isThrownBy(() -> render((t) -> t.set("replicas", 3)))
			.withMessageContaining("replicas");
	}

	@Test
	void schemaRejectsTheLatestTag() {
		assertThatIllegalStateException().isThrownBy(() -> render((t) -> t.set("image.tag", "latest")))
			.withMessageContaining("tag");
	}

	@Test
	void schemaRejectsAnUnknownStrategyAndMisspelledCredentialKeys(@TempDir Path tmp) throws IOException {
		Path badStrategy = write(tmp.resolve("strategy.yaml"), """
				config:
				  credentials:
				    bot: {org: o, strategy: triple, client-ids: [a, b], vault-path: genesys/bot}
				""");
		assertThatIllegalStateException().isThrownBy(() -> render((t) -> t.withValuesFile(badStrategy)))
			.withMessageContaining("strategy");
		Path typo = write(tmp.resolve("typo.yaml"), """
				config:
				  credentials:
				    bot: {org: o, client-ids: [a, b], vault-path: genesys/bot, rotation-intervall: 30d}
				""");
		assertThatIllegalStateException().isThrownBy(() -> render((t) -> t.withValuesFile(typo)))
			.withMessageContaining("rotation-intervall");
	}

	@Test
	void schemaRejectsApiTokensInValues(@TempDir Path tmp) throws IOException {
		Path tokens = write(tmp.resolve("tokens.yaml"), """
				config:
				  security:
				    api-tokens:
				      - {name: ci, sha256: abc, roles: [read]}
				""");
		assertThatIllegalStateException().isThrownBy(() -> render((t) -> t.withValuesFile(tokens)))
			.withMessageContaining("api-tokens");
	}

	@Test
	void lintFailsOnValuesTheSchemaRejects(@TempDir Path tmp) throws IOException {
		Map<String, Object> values = Repository.loadYaml(CHART.resolve("values.yaml"));
		values.put("unknownTopLevelKey", true);
		LintResult result = new Helm(copyChartWithValues(tmp, values)).lint().call();
		assertThat(result.isFailed()).isTrue();
		assertThat(String.join("\n", result.getMessages())).contains("unknownTopLevelKey");
	}

	private static Manifests render(UnaryOperator<TemplateCommand> customizer) {
		TemplateCommand command = new Helm(CHART).template()
			.withName(RELEASE)
			.withNamespace("secrets")
			.withKubeVersion(OLDEST_KUBERNETES);
		return new Manifests(Repository.loadAllYaml(customizer.apply(command).call()));
	}

	private static String applicationYml(Manifests manifests) {
		Map<String, Object> configMap = manifests.all("ConfigMap")
			.stream()
			.filter((candidate) -> name(candidate).equals(RELEASE + "-genesys-secret-rotator"))
			.findFirst()
			.orElseThrow();
		return at(configMap, "data", "application.yml");
	}

	/**
	 * The helm test Pod as rendered. helm-java's template leaves hooks out, so this
	 * renders a copy of the chart whose hook annotation is renamed to
	 * {@link #HOOK_STAND_IN}.
	 */
	private static Manifests testHook(Path tmp, UnaryOperator<TemplateCommand> customizer) throws IOException {
		Path chart = copyChartWithValues(tmp, Repository.loadYaml(CHART.resolve("values.yaml")));
		Path hook = chart.resolve("templates/tests/test-connection.yaml");
		Files.writeString(hook, Repository.read(hook).replace("helm.sh/hook:", HOOK_STAND_IN + ":"));
		TemplateCommand command = new Helm(chart).template()
			.withName(RELEASE)
			.withNamespace("secrets")
			.withKubeVersion(OLDEST_KUBERNETES);
		return new Manifests(Repository.loadAllYaml(customizer.apply(command).call()));
	}

	private static String rotatorImage(Manifests manifests) {
		return at(manifests.one("Deployment"), "spec", "template", "spec", "containers", 0, "image");
	}

	private static String name(Map<String, Object> object) {
		return at(object, "metadata", "name");
	}

	private static Map<String, Object> volume(Map<String, Object> pod, String name) {
		List<Map<String, Object>> volumes = at(pod, "volumes");
		return volumes.stream().filter((volume) -> name.equals(volume.get("name"))).findFirst().orElseThrow();
	}

	private static String mountPath(Map<String, Object> container, String volume) {
		List<Map<String, Object>> mounts = at(container, "volumeMounts");
		return mounts.stream()
			.filter((mount) -> volume.equals(mount.get("name")))
			.map((mount) -> (String) mount.get("mountPath"))
			.findFirst()
			.orElse(null);
	}

	private static Map<String, Object> env(Map<String, Object> container) {
		List<Map<String, Object>> env = at(container, "env");
		Map<String, Object> byName = new LinkedHashMap<>();
		env.forEach((variable) -> byName.put((String) variable.get("name"), variable.get("value")));
		return byName;
	}

	private static void collectKeys(String prefix, Map<String, Object> tree, List<String> keys) {
		tree.forEach((key, value) -> {
			String path = prefix.isEmpty() ? key : prefix + "." + key;
			keys.add(path);
			if (value instanceof Map<?, ?> map) {
				@SuppressWarnings("unchecked")
				Map<String, Object> child = (Map<String, Object>) map;
				collectKeys(path, child, keys);
			}
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> mergedValues(Path overrides) {
		Map<String, Object> values = Repository.loadYaml(CHART.resolve("values.yaml"));
		deepMerge(values, Repository.loadYaml(overrides));
		return values;
	}

	@SuppressWarnings("unchecked")
	private static void deepMerge(Map<String, Object> target, Map<String, Object> source) {
		source.forEach((key, value) -> {
			if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> existing) {
				deepMerge((Map<String, Object>) existing, (Map<String, Object>) map);
			}
			else {
				target.put(key, value);
			}
		});
	}

	private static Path copyChartWithValues(Path tmp, Map<String, Object> values) throws IOException {
		Path copy = tmp.resolve("genesys-secret-rotator");
		try (Stream<Path> files = Files.walk(CHART)) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path target = copy.resolve(CHART.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
		Files.writeString(copy.resolve("values.yaml"), new Yaml().dump(values), StandardCharsets.UTF_8);
		return copy;
	}

	private static Path write(Path file, String content) throws IOException {
		return Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	/** The objects of a rendered release. */
	record Manifests(List<Map<String, Object>> objects) {

		List<String> kinds() {
			return this.objects.stream().map((object) -> (String) object.get("kind")).distinct().toList();
		}

		List<Map<String, Object>> all(String kind) {
			return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
		}

		Map<String, Object> one(String kind) {
			List<Map<String, Object>> matches = all(kind);
			assertThat(matches).as("objects of kind %s", kind).hasSize(1);
			return matches.get(0);
		}

	}

}
