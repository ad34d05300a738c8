package io.github.genesysrotator.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.genesys.GrantType;
import io.github.genesysrotator.sandbox.genesys.SeededClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up time to readiness and idle memory of the service with ten credentials, against
 * a bare Spring Boot application with the same starters and JVM flags, started
 * alternately as child processes.
 */
class FootprintBenchmark {

	static final int RUNS = 3;

	static final int CREDENTIALS = 10;

	/** How long a ready process is left alone before its resident memory is read. */
	static final Duration IDLE = Duration.ofSeconds(5);

	private static final Duration READINESS_TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	@Test
	void startupAndIdleMemoryAgainstABareApp() throws Exception {
		Map<String, Samples> ready = new LinkedHashMap<>();
		Map<String, List<Long>> rss = new LinkedHashMap<>();
		try (Sandbox sandbox = Sandbox.start()) {
			Path properties = BenchResults.directory().resolve("footprint.properties");
			write(properties, configuration(sandbox));
			for (int run = 0; run < RUNS; run++) {
				for (String app : List.of("rotator", "bare")) {
					Measurement measurement = measure(app, properties);
					ready.computeIfAbsent(app, (key) -> new Samples()).add(measurement.ready());
					rss.computeIfAbsent(app, (key) -> new ArrayList<>()).add(measurement.rssMib());
				}
			}
			Files.delete(properties);
		}
		report(ready, rss);
		assertThat(ready.values()).allSatisfy((samples) -> assertThat(samples.count()).isEqualTo(RUNS));
	}

	/** The demo configuration with eight more dual credentials, on free ports. */
	private static Properties configuration(Sandbox sandbox) throws IOException {
		Properties properties = new Properties();
		sandbox.serviceProperties().forEach((key, value) -> properties.put(key, value.toString()));
		String consumerRole = sandbox.org().createRole(List.of("conversation:call:view"));
		for (int i = 2; i < CREDENTIALS; i++) {
			String name = "extra-" + i;
			SeededClient a = sandbox.org().createClient(name + "-a", GrantType.CLIENT_CREDENTIALS, consumerRole);
			SeededClient b = sandbox.org().createClient(name + "-b", GrantType.CLIENT_CREDENTIALS, consumerRole);
			String path = "genesys/" + name;
			sandbox.vault()
				.seed("secret", path, Map.of("client_id", a.id(), "client_secret", a.secret()),
						Map.of("managed-by", "genesys-secret-rotator"));
			String prefix = "rotator.credentials." + name + ".";
			properties.put(prefix + "org", Sandbox.ORG);
			properties.put(prefix + "client-ids", a.id() + "," + b.id());
			properties.put(prefix + "vault-path", path);
		}
		properties.put("server.port", String.valueOf(freePort()));
		properties.put("management.server.port", String.valueOf(freePort()));
		// The bare app's generated user would need a password from its log.
		properties.put("spring.security.user.name", "bench");
		properties.put("spring.security.user.password", "bench");
		properties.put("logging.level.root", "WARN");
		return properties;
	}

	private Measurement measure(String app, Path properties) throws IOException, InterruptedException {
		Properties values = new Properties();
		try (var reader = Files.newBufferedReader(properties)) {
			values.load(reader);
		}
		URI readiness = URI
			.create("http://127.0.0.1:" + values.getProperty("management.server.port") + "/actuator/health/readiness");
		Path log = BenchResults.directory().resolve("footprint-" + app + ".log");
		long start = System.nanoTime();
		Process process = ChildJvm.command(FootprintApp.FLAG, List.of(app, properties.toString()), log).start();
		try {
			Duration ready = awaitReady(process, readiness, start);
			Thread.sleep(IDLE.toMillis());
			long rss = Machine.procLine(Path.of("/proc/" + process.pid() + "/status"), "VmRSS:")
				.map((value) -> Long.parseLong(value.split("\\s+")[0]) / 1024)
				.orElse(-1L);
			return new Measurement(ready, rss);
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	/** Polls readiness every 20 ms; the time from launch to the first UP. */
	private Duration awaitReady(Process process, URI readiness, long startNanos) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(readiness)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("bench:bench".getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(2))
			.GET()
			.build();
		long deadline = startNanos + READINESS_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return Duration.ofNanos(System.nanoTime() - startNanos);
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException(
				"Not ready within " + READINESS_TIMEOUT + " (alive: " + process.isAlive() + ")");
	}

	private void report(Map<String, Samples> ready, Map<String, List<Long>> rss) {
		List<List<Object>> rows = new ArrayList<>();
		Map<String, Object> json = new LinkedHashMap<>();
		ready.forEach((app, samples) -> {
			double rssMedian = rss.get(app).stream().sorted().toList().get(RUNS / 2);
			rows.add(List.of(app, samples.percentile(50), samples.min(), samples.max(), rssMedian, rss.get(app)));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("readiness", samples.summary());
			entry.put("readinessMinMs", samples.min());
			entry.put("idleRssMib", rss.get(app));
			json.put(app, entry);
		});
		BenchResults.printTable(
				"Footprint: " + CREDENTIALS + " credentials, " + RUNS + " alternate runs each, flags " + ChildJvm.FLAGS,
				List.of("app", "ready p50 ms", "min ms", "max ms", "idle RSS median MiB", "RSS runs"), rows);
		json.put("credentials", CREDENTIALS);
		json.put("jvmFlags", ChildJvm.FLAGS);
		json.put("idleSeconds", IDLE.toSeconds());
		BenchResults.record("footprint", json);
		List<String> apps = List.copyOf(ready.keySet());
		Charts.bars("footprint", "Start to readiness (median of " + RUNS + ")", "ms", apps,
				Map.of("ready", apps.stream().map((app) -> ready.get(app).percentile(50)).toList()));
	}

	private static void write(Path file, Properties properties) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file)) {
			properties.store(writer, "footprint benchmark");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	record Measurement(Duration ready, long rssMib) {

	}

}
