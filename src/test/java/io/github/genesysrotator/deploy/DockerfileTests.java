package io.github.genesysrotator.deploy;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.github.genesysrotator.deploy.Repository.DOCKERFILE;
import static io.github.genesysrotator.deploy.Repository.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Checks the Dockerfile without a Docker engine: pinned bases, layered runtime stage,
 * non-root numeric user, exec-form entrypoint, the sandbox target.
 */
class DockerfileTests {

	private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	private final Dockerfile dockerfile = Dockerfile.parse(DOCKERFILE);

	@Test
	void baseImagesArePinned() {
		for (Dockerfile.Stage stage : this.dockerfile.stages().values()) {
			if (this.dockerfile.stages().containsKey(stage.from())) {
				continue;
			}
			assertThat(stage.from()).as("base image of stage %s", stage.name())
				.matches("[^:@]+(:[\\w][\\w.-]*)?(@sha256:[a-f0-9]{64})?")
				.containsAnyOf(":", "@sha256:")
				.doesNotEndWith(":latest")
				.doesNotContain(":latest@");
		}
	}

	@Test
	void buildsWithTheWrapperAndACachedMavenRepository() {
		String build = String.join("\n", this.dockerfile.stage("build").arguments("RUN"));
		assertThat(build).contains("--mount=type=cache,target=/root/.m2", "./mvnw")
			.contains("java -Djarmode=tools -jar app.jar extract --layers --destination extracted");
		assertThat(this.dockerfile.stage("build").from()).startsWith("eclipse-temurin:17-jdk");
	}

	@Test
	void runtimeIsTheDefaultTargetWithOneCopyPerLayer() {
		assertThat(this.dockerfile.finalStage().name()).isEqualTo("runtime");
		Dockerfile.Stage runtime = this.dockerfile.built("runtime");
		assertThat(runtime.from()).startsWith("eclipse-temurin:17-jre");
		List<String> layerCopies = runtime.arguments("COPY")
			.stream()
			.filter((copy) -> copy.startsWith("--from=build"))
			.map((copy) -> copy.replaceAll(".*/extracted/([^/]+)/.*", "$1"))
			.toList();
		assertThat(layerCopies).containsExactlyElementsOf(LAYERS);
	}

	@Test
	void runtimeRunsAsANumericNonRootUser() {
		assertNumericNonRootUser(this.dockerfile.finalStage());
	}

	@Test
	void runtimeExposesTheApiAndManagementPorts() {
		List<String> exposed = this.dockerfile.finalStage()
			.arguments("EXPOSE")
			.stream()
			.flatMap((ports) -> Arrays.stream(ports.split("\\s+")))
			.toList();
		assertThat(exposed).contains("8080", "8081");
	}

	@Test
	void runtimeStartsTheExtractedJarWithTheClassDataSharingArchive() {
		ImageLaunch launch = ImageLaunch.read();
		assertThat(launch.entrypoint()).containsExactly("java", "-XX:SharedArchiveFile=app.jsa", "-jar", "app.jar");
		assertThat(launch.javaToolOptions()).contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
		assertThat(this.dockerfile.finalStage().arguments("COPY")).contains("--from=cds-training /app/app.jsa ./");
	}

	@Test
	void trainingRunUsesTheRuntimeFilesAndJvmAndConnectsNowhere() {
		Dockerfile.Stage training = this.dockerfile.stage("cds-training");
		assertThat(training.from()).as("the same layers as the runtime").isEqualTo("layers");
		assertThat(this.dockerfile.finalStage().from()).isEqualTo("layers");
		assertThat(this.dockerfile.built("cds-training").from()).isEqualTo(this.dockerfile.built("runtime").from());
		ImageLaunch launch = ImageLaunch.read();
		assertThat(launch.training()).containsExactly("bash", "cds-training.sh", "app.jsa");
		assertThat(Repository.ROOT.resolve(launch.trainingScript())).isRegularFile();
		String script = Repository.read(Repository.ROOT.resolve(launch.trainingScript()));
		assertThat(script)
			.contains("-XX:ArchiveClassesAtExit=\"$archive\"", "-jar app.jar", "--rotator.schedule.poll=-",
					"--spring.cloud.vault.uri=http://127.0.0.1:9", "kill -TERM")
			.containsPattern("-Xmx\\d+[mg]")
			.doesNotContain("rotator.credentials");
		assertThat(Repository.read(Repository.ROOT.resolve(".dockerignore")))
			.as("the build context keeps the training script")
			.doesNotContainPattern("(?m)^(src|src/main|src/main/docker)/?$");
	}

	@Test
	void sandboxTargetRunsTheSimulatorsAsANonRootUser() {
		Dockerfile.Stage sandbox = this.dockerfile.stage("sandbox");
		assertThat(sandbox).as("stage 'sandbox'").isNotNull();
		assertNumericNonRootUser(sandbox);
		List<String> entrypoint = execForm(sandbox.last("ENTRYPOINT"));
		assertThat(entrypoint).endsWith("io.github.genesysrotator.TestGenesysSecretRotatorApplication",
				"--simulators-only");
		assertThat(String.join(" ", entrypoint)).contains("test-classes", "classes", "lib/*");
		assertThat(execForm(sandbox.last("CMD"))).containsExactly("--genesys-port=8300",
				"--vault-uri=http://vault:8200", "--vault-token=root");
	}

	@Test
	void sandboxMainClassExists() {
		var main = ROOT.resolve("src/test/java/io/github/genesysrotator/TestGenesysSecretRotatorApplication.java");
		assertThat(Repository.read(main)).contains("public static void main(").contains("SimulatorsOnly.FLAG");
	}

	@Test
	void dockerfileHasNoBuildCheckWarnings() throws Exception {
		// Only where a Docker engine answers; the build itself needs network access and
		// time.
		assumeThat(dockerEngineAvailable()).as("no Docker engine available").isTrue();
		Process check = new ProcessBuilder("docker", "build", "--check", ".").directory(ROOT.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes());
		assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).as(output).isZero();
	}

	private static void assertNumericNonRootUser(Dockerfile.Stage stage) {
		String user = stage.last("USER");
		assertThat(user).as("USER of stage %s", stage.name()).matches("\\d+(:\\d+)?");
		assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
	}

	private static List<String> execForm(String instruction) {
		assertThat(instruction).as("exec form (JSON array)").startsWith("[").endsWith("]");
		return Arrays.asList(JsonMapper.builder().build().readValue(instruction, String[].class));
	}

	static boolean dockerEngineAvailable() {
		try {
			Process info = new ProcessBuilder("docker", "info").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return info.waitFor(20, TimeUnit.SECONDS) && info.exitValue() == 0;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
