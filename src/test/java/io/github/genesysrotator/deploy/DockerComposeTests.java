package io.github.genesysrotator.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.cloud.vault.config.VaultProperties.AuthenticationMethod;

import static io.github.genesysrotator.deploy.Repository.COMPOSE_FILE;
import static io.github.genesysrotator.deploy.Repository.ROOT;
import static io.github.genesysrotator.deploy.Repository.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Checks docker-compose.yml without a Docker engine: what it mounts and builds exists,
 * images are pinned, services start in dependency order, and the mounted configuration
 * fits the application, the alert rules and the dashboard.
 */
class DockerComposeTests {

	private static final String COMPOSE_DIR = "deploy/compose/";

	private static final String ALERTS = "helm/genesys-secret-rotator/files/prometheus/alerts.yml";

	private static final String DASHBOARDS = "helm/genesys-secret-rotator/files/dashboards";

	private final Map<String, Object> compose = Repository.loadYaml(COMPOSE_FILE);

	private final Map<String, Map<String, Object>> services = at(this.compose, "services");

	@Test
	void definesTheSandboxServices() {
		assertThat(this.services).containsOnlyKeys("vault", "genesys-sim", "rotator", "prometheus", "grafana");
		assertThat((Object) at(this.services, "vault", "image")).isEqualTo("hashicorp/vault:1.21.4");
	}

	@Test
	void everyImageIsPinned() {
		this.services.forEach((name, service) -> {
			String image = (String) service.get("image");
			assertThat(image).as("image of %s", name).isNotNull().contains(":").doesNotEndWith(":latest");
		});
	}

	@Test
	void everyBuildTargetIsAStageOfTheDockerfile() {
		Dockerfile dockerfile = Dockerfile.parse(Repository.DOCKERFILE);
		this.services.forEach((name, service) -> {
			if (service.get("build") != null) {
				assertThat(Files
					.isRegularFile(ROOT.resolve((String) at(service, "build", "context")).resolve("Dockerfile")))
					.isTrue();
				assertThat(dockerfile.stages()).as("stages named by %s", name)
					.containsKey(at(service, "build", "target"));
			}
		});
		assertThat((Object) at(this.services, "genesys-sim", "build", "target")).isEqualTo("sandbox");
		assertThat((Object) at(this.services, "rotator", "build", "target")).isEqualTo("runtime");
	}

	@Test
	void everyMountedFileExistsInTheRepository() {
		Map<String, String> mounts = bindMounts();
		assertThat(mounts).isNotEmpty();
		mounts.keySet().forEach((source) -> assertThat(ROOT.resolve(source)).as("mount source").exists());
	}

	@Test
	void monitoringReusesTheChartsRulesAndDashboardInsteadOfCopies() throws Exception {
		Map<String, String> mounts = bindMounts();
		assertThat(mounts).containsEntry(ALERTS, "/etc/prometheus/rules/alerts.yml")
			.containsEntry(DASHBOARDS, "/var/lib/grafana/dashboards/genesys-secret-rotator");
		try (var files = Files.walk(ROOT.resolve(COMPOSE_DIR))) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.noneMatch((name) -> name.endsWith(".json") || name.equals("alerts.yml"));
		}
		Map<String, Object> prometheus = Repository.loadYaml(ROOT.resolve(COMPOSE_DIR + "prometheus.yml"));
		assertThat((List<Object>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/rules/alerts.yml");
		Map<String, Object> provider = Repository
			.loadYaml(ROOT.resolve(COMPOSE_DIR + "grafana/provisioning/dashboards/genesys-secret-rotator.yml"));
		assertThat((Object) at(provider, "providers", 0, "options", "path"))
			.isEqualTo("/var/lib/grafana/dashboards/genesys-secret-rotator");
	}

	@Test
	void prometheusScrapesTheRotatorAsTheJobTheAlertsExpect() {
		Map<String, Object> prometheus = Repository.loadYaml(ROOT.resolve(COMPOSE_DIR + "prometheus.yml"));
		Map<String, Object> job = at(prometheus, "scrape_configs", 0);
		assertThat(job).containsEntry("job_name", "genesys-secret-rotator")
			.containsEntry("metrics_path", "/actuator/prometheus");
		assertThat((Object) at(job, "static_configs", 0, "targets")).isEqualTo(List.of("rotator:8081"));
		Map<String, Object> datasources = Repository
			.loadYaml(ROOT.resolve(COMPOSE_DIR + "grafana/provisioning/datasources/prometheus.yml"));
		assertThat((Object) at(datasources, "datasources", 0, "url")).isEqualTo("http://prometheus:9090");
	}

	@Test
	void servicesStartInDependencyOrderOnHealthChecks() {
		this.services.forEach((name, service) -> {
			Map<String, Map<String, Object>> dependsOn = at(service, "depends_on");
			if (dependsOn == null) {
				return;
			}
			dependsOn.forEach((dependency, condition) -> {
				assertThat(condition).as("%s -> %s", name, dependency).containsEntry("condition", "service_healthy");
				assertThat(this.services.get(dependency)).as("service %s", dependency).containsKey("healthcheck");
			});
		});
		assertThat((Map<String, Object>) at(this.services, "rotator", "depends_on")).containsKeys("vault",
				"genesys-sim");
		assertThat((Map<String, Object>) at(this.services, "genesys-sim", "depends_on")).containsKey("vault");
		assertThat((Map<String, Object>) at(this.services, "grafana", "depends_on")).containsKey("prometheus");
	}

	@Test
	void rotatorLoadsTheMountedConfigurationTheWayTheChartDoes() {
		Map<String, Object> environment = at(this.services, "rotator", "environment");
		Map<String, String> mounts = bindMounts();
		assertThat(environment)
			.containsEntry("SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:/etc/genesys-secret-rotator/config/")
			.containsEntry("SPRING_CONFIG_IMPORT", "optional:file:/etc/genesys-secret-rotator/secrets/security.yml");
		assertThat(mounts)
			.containsEntry(COMPOSE_DIR + "application.yml", "/etc/genesys-secret-rotator/config/application.yml")
			.containsEntry(COMPOSE_DIR + "security.yml", "/etc/genesys-secret-rotator/secrets/security.yml");
		assertThat((Object) at(this.services, "rotator", "read_only")).isEqualTo(true);
	}

	@Test
	void rotatorConfigurationBindsToTheRealRotatorProperties() {
		RotatorConfigBinding binding = RotatorConfigBinding
			.of(Repository.read(ROOT.resolve(COMPOSE_DIR + "application.yml")));
		RotatorProperties properties = binding.rotator();
		RotatorProperties.Org sandbox = properties.orgs().get("sandbox");
		assertThat(sandbox.apiBaseUrl()).hasToString("http://genesys-sim:8300");
		assertThat(sandbox.loginBaseUrl()).hasToString("http://genesys-sim:8300");
		assertThat(sandbox.adminVaultPath()).isEqualTo("genesys/rotator-admin");
		RotatorProperties.Credential dual = properties.credentials().get("demo-dual");
		assertThat(dual.strategy()).isEqualTo(Strategy.DUAL);
		assertThat(dual.clientIds()).containsExactly("00000000-0000-4000-8000-0000000000a1",
				"00000000-0000-4000-8000-0000000000b1");
		assertThat(dual.gracePeriod()).isLessThanOrEqualTo(dual.rotationInterval());
		RotatorProperties.Credential single = properties.credentials().get("demo-single");
		assertThat(single.strategy()).isEqualTo(Strategy.SINGLE);
		assertThat(single.clientIds()).containsExactly("00000000-0000-4000-8000-0000000000c1");
		assertThat(binding.vault().getUri()).isEqualTo("http://vault:8200");
		assertThat(binding.vault().getAuthentication()).isEqualTo(AuthenticationMethod.TOKEN);
	}

	@Test
	void sandboxApiTokenIsStoredOnlyAsItsSha256() throws Exception {
		Map<String, Object> security = Repository.loadYaml(ROOT.resolve(COMPOSE_DIR + "security.yml"));
		Map<String, Object> token = at(security, "rotator", "security", "api-tokens", 0);
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest("sandbox-token".getBytes(StandardCharsets.UTF_8)));
		assertThat(token).containsEntry("sha256", sha256).containsEntry("roles", List.of("read", "rotate"));
		assertThat(Repository.read(ROOT.resolve(COMPOSE_DIR + "security.yml"))).doesNotContain("token: sandbox");
	}

	@Test
	void composeValidatesTheFile() throws Exception {
		assumeThat(composeAvailable()).as("the docker compose plugin is not installed").isTrue();
		Process config = new ProcessBuilder("docker", "compose", "-f", COMPOSE_FILE.toString(), "config", "-q")
			.directory(ROOT.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(config.getInputStream().readAllBytes());
		assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(config.exitValue()).as(output).isZero();
	}

	@Test
	void prometheusConfigurationPassesPromtool(@TempDir Path tmp) throws Exception {
		assumeThat(commandAvailable("promtool", "--version")).as("promtool not installed: apt-get install prometheus")
			.isTrue();
		// The rules are mounted in the container; check the config against the chart's
		// file.
		String config = Repository.read(ROOT.resolve(COMPOSE_DIR + "prometheus.yml"))
			.replace("/etc/prometheus/rules/alerts.yml", ROOT.resolve(ALERTS).toString());
		Path file = Files.writeString(tmp.resolve("prometheus.yml"), config, StandardCharsets.UTF_8);
		Process check = new ProcessBuilder("promtool", "check", "config", file.toString()).redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes());
		assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).as(output).isZero();
	}

	/** Bind mounts of every service: repository-relative source to container target. */
	private Map<String, String> bindMounts() {
		Map<String, String> mounts = new LinkedHashMap<>();
		this.services.values().forEach((service) -> {
			List<String> volumes = at(service, "volumes");
			if (volumes != null) {
				for (String volume : volumes) {
					String[] parts = volume.split(":");
					if (parts[0].startsWith("./")) {
						mounts.put(Path.of(parts[0]).normalize().toString(), parts[1]);
					}
				}
			}
		});
		return mounts;
	}

	private static boolean composeAvailable() {
		return commandAvailable("docker", "compose", "version");
	}

	private static boolean commandAvailable(String... command) {
		try {
			Process version = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
