package io.github.genesysrotator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SimulatorsOnly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, run the way {@code docs/sandbox.md} says: against the sandbox's
 * simulators started on their own ({@code --simulators-only}) with
 * {@code deploy/sandbox/rotator.yml}, in one-shot and in service mode; and once without a
 * Vault token. It needs the jar, so it runs in the {@code integration-test} phase
 * (maven-failsafe-plugin, {@code ./mvnw verify}), after {@code package}. The simulators
 * get free ports, which the recipe's documented overrides point the jar at.
 */
class PackagedJarIT {

	private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Process simulators;

	private static int genesysPort;

	private static int vaultPort;

	@BeforeAll
	static void startSimulatorsOnTheirOwn() throws Exception {
		genesysPort = freePort();
		vaultPort = freePort();
		simulators = new ProcessBuilder(java(), "-cp", testClasspath(),
				TestGenesysSecretRotatorApplication.class.getName(), SimulatorsOnly.FLAG,
				"--genesys-port=" + genesysPort, "--vault-port=" + vaultPort)
			.redirectErrorStream(true)
			.start();
		Output output = Output.of(simulators);
		output.awaitLine((line) -> line.contains("seeded with the demo org"), START_TIMEOUT);
	}

	@AfterAll
	static void stopSimulators() throws InterruptedException {
		if (simulators != null) {
			simulators.destroy();
			simulators.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void oneShotModeRotatesAndPrintsTheRecordAsItsLastLine() throws Exception {
		Process oneShot = jar(recipe("--rotator.oneshot=" + Sandbox.DUAL)).start();
		Output output = Output.of(oneShot);
		assertThat(oneShot.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		output.drained();
		assertThat(oneShot.exitValue()).as(output.text()).isZero();
		JsonNode record = JSON.readTree(output.lastLine());
		assertThat(record.get("credential").asString()).isEqualTo(Sandbox.DUAL);
		assertThat(record.get("outcome").asString()).isEqualTo("success");
		assertThat(record.get("trigger").asString()).isEqualTo("oneshot");
	}

	@Test
	void serviceModeServesTheApiAndRotatesOnRequest() throws Exception {
		int apiPort = freePort();
		int managementPort = freePort();
		Process service = jar(recipe("--server.port=" + apiPort, "--management.server.port=" + managementPort,
				"--rotator.schedule.enabled=false"))
			.start();
		Output output = Output.of(service);
		try {
			HttpClient http = HttpClient.newHttpClient();
			URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
			Instant deadline = Instant.now().plus(START_TIMEOUT);
			while (status(http, HttpRequest.newBuilder(readiness).build()) != 200) {
				assertThat(service.isAlive()).as(output.text()).isTrue();
				assertThat(Instant.now()).as("ready within %s", START_TIMEOUT).isBefore(deadline);
				output.awaitAnyLine(Duration.ofMillis(500));
			}
			HttpResponse<String> rotation = http.send(HttpRequest
				.newBuilder(URI
					.create("http://127.0.0.1:" + apiPort + "/api/v1/credentials/" + Sandbox.SINGLE + "/rotations"))
				.header("Authorization", "Bearer " + Sandbox.API_TOKEN)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), BodyHandlers.ofString());
			assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
			assertThat(JSON.readTree(rotation.body()).get("outcome").asString()).isEqualTo("success");
		}
		finally {
			service.destroy();
			service.waitFor(90, TimeUnit.SECONDS);
		}
	}

	@Test
	void withoutAVaultTokenTheJarEndsWithOneLineNamingTheProperty(@TempDir Path home) throws Exception {
		// No ~/.vault-token either: Spring Cloud Vault falls back to it.
		ProcessBuilder builder = jar(List.of("--server.port=0", "--management.server.port=0",
				"--spring.cloud.vault.uri=http://127.0.0.1:" + vaultPort));
		builder.command().add(1, "-Duser.home=" + home);
		builder.environment().keySet().removeIf((name) -> name.startsWith("VAULT_") || name.startsWith("SPRING_"));
		Process process = builder.start();
		Output output = Output.of(process);
		assertThat(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		output.drained();
		assertThat(process.exitValue()).isEqualTo(1);
		assertThat(output.lastLine()).startsWith("Set spring.cloud.vault.token");
		assertThat(output.text()).contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
	}

	/** The documented recipe: the jar, the sandbox file, the simulators' ports. */
	private static List<String> recipe(String... extra) {
		List<String> arguments = new ArrayList<>(
				List.of("--spring.config.import=file:" + ROOT.resolve("deploy/sandbox/rotator.yml"),
						"--spring.cloud.vault.uri=http://127.0.0.1:" + vaultPort,
						"--rotator.orgs.demo.api-base-url=http://127.0.0.1:" + genesysPort,
						"--rotator.orgs.demo.login-base-url=http://127.0.0.1:" + genesysPort));
		arguments.addAll(List.of(extra));
		return arguments;
	}

	private static ProcessBuilder jar(List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(java(), "-jar", packagedJar().toString()));
		command.addAll(arguments);
		return new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
	}

	/**
	 * {@code target/genesys-secret-rotator-<version>.jar}, as {@code package} made it.
	 */
	private static Path packagedJar() throws IOException {
		try (Stream<Path> files = Files.list(ROOT.resolve("target"))) {
			List<Path> jars = files
				.filter((file) -> file.getFileName().toString().matches("genesys-secret-rotator-.+\\.jar"))
				.toList();
			assertThat(jars).as("the jar ./mvnw package builds").hasSize(1);
			return jars.get(0);
		}
	}

	private static int status(HttpClient http, HttpRequest request) throws InterruptedException {
		try {
			return http.send(request, BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String testClasspath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A child's output, read as it comes so that the child never blocks on a full pipe.
	 */
	private static final class Output {

		private final List<String> lines = new CopyOnWriteArrayList<>();

		private final Thread reader;

		private Output(Process process) {
			this.reader = new Thread(() -> {
				try (BufferedReader in = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					in.lines().forEach((line) -> {
						synchronized (this) {
							this.lines.add(line);
							notifyAll();
						}
					});
				}
				catch (IOException | UncheckedIOException ex) {
					// The process ended.
				}
				synchronized (this) {
					notifyAll();
				}
			}, "child-output");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		static Output of(Process process) {
			return new Output(process);
		}

		synchronized void awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
			Instant deadline = Instant.now().plus(timeout);
			while (this.lines.stream().noneMatch(wanted)) {
				assertThat(this.reader.isAlive()).as("output ended before the expected line:%n%s", text()).isTrue();
				Duration left = Duration.between(Instant.now(), deadline);
				assertThat(left.isNegative()).as("expected line within %s:%n%s", timeout, text()).isFalse();
				wait(Math.max(1, left.toMillis()));
			}
		}

		synchronized void awaitAnyLine(Duration timeout) throws InterruptedException {
			wait(timeout.toMillis());
		}

		void drained() throws InterruptedException {
			this.reader.join(TimeUnit.SECONDS.toMillis(30));
		}

		String lastLine() {
			return this.lines.stream().filter((line) -> !line.isBlank()).reduce((first, second) -> second).orElse("");
		}

		String text() {
			return String.join(System.lineSeparator(), this.lines);
		}

	}

}
