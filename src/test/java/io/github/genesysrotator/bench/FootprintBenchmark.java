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
import java.util.concurrent.TimeUnit;

import io.github.genesysrotator.deploy.PackagedImage;
import io.github.genesysrotator.oneshot.OneShotMode;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.genesys.GrantType;
import io.github.genesysrotator.sandbox.genesys.SeededClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up time to readiness and idle memory of the service with ten credentials, started
 * alternately as child processes: on the test classpath against a bare Spring Boot
 * application with the same starters and JVM flags; and as the image runs it (the
 * packaged jar extracted, the image's JVM options and entrypoint) with and without the
 * class data sharing archive, also under API load and in one-shot mode.
 */
class FootprintBenchmark {

	static final int RUNS = 3;

	static final int CREDENTIALS = 10;

	/** How long a ready process is left alone before its resident memory is read. */
	static final Duration IDLE = Duration.ofSeconds(5);

	private static final Duration READINESS_TIMEOUT = Duration.ofMinutes(2);

	/**
	 * The chart's default memory limit, given to the JVM as the container limit it would
	 * detect in a pod (the heap is a percentage of it).
	 */
	static final String CHART_MEMORY_LIMIT = "512m";

	/** Requests of the API load between the idle and the loaded memory reading. */
	static final int LOAD_REQUESTS = Integer.getInteger("bench.footprint-requests", 5_000);

	/** Adds native memory tracking and writes its summary after the load. */
	static final boolean NATIVE_MEMORY = Boolean.getBoolean("bench.footprint-nmt");

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

	@Test
	void imageStartWithAndWithoutClassDataSharing() throws Exception {
		PackagedImage image = PackagedImage.prepare(BenchResults.directory().resolve("image/app"));
		Map<String, Samples> ready = new LinkedHashMap<>();
		Map<String, Samples> oneShot = new LinkedHashMap<>();
		Map<String, List<Memory>> memory = new LinkedHashMap<>();
		try (Sandbox sandbox = Sandbox.start()) {
			Path properties = BenchResults.directory().resolve("footprint-image.properties");
			write(properties, configuration(sandbox));
			for (int run = 0; run < RUNS; run++) {
				for (boolean cds : List.of(true, false)) {
					String arm = cds ? "with CDS" : "without CDS";
					ImageRun measurement = measureImage(image, cds, properties, run);
					ready.computeIfAbsent(arm, (key) -> new Samples()).add(measurement.ready());
					memory.computeIfAbsent(arm, (key) -> new ArrayList<>()).add(measurement.memory());
					oneShot.computeIfAbsent(arm, (key) -> new Samples()).add(oneShot(image, cds, properties));
				}
			}
			Files.delete(properties);
		}
		reportImage(image, ready, oneShot, memory);
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
		Properties values = load(properties);
		URI readiness = URI
			.create("http://127.0.0.1:" + values.getProperty("management.server.port") + "/actuator/health/readiness");
		Path log = BenchResults.directory().resolve("footprint-" + app + ".log");
		long start = System.nanoTime();
		Process process = ChildJvm.command(FootprintApp.FLAG, List.of(app, properties.toString()), log).start();
		try {
			Duration ready = awaitReady(process, readiness, start);
			Thread.sleep(IDLE.toMillis());
			return new Measurement(ready, rssMib(process, "VmRSS:"));
		}
		finally {
			stop(process);
		}
	}

	private ImageRun measureImage(PackagedImage image, boolean cds, Path properties, int run) throws Exception {
		Properties values = load(properties);
		URI readiness = URI
			.create("http://127.0.0.1:" + values.getProperty("management.server.port") + "/actuator/health/readiness");
		Path log = BenchResults.directory().resolve("image/run-" + run + (cds ? "-cds" : "-nocds") + ".log");
		List<String> jvm = new ArrayList<>(List.of("-XX:MaxRAM=" + CHART_MEMORY_LIMIT));
		if (NATIVE_MEMORY) {
			jvm.add("-XX:NativeMemoryTracking=summary");
		}
		long start = System.nanoTime();
		Process process = image.command(cds, jvm, arguments(values), log).start();
		try {
			Duration ready = awaitReady(process, readiness, start);
			Thread.sleep(IDLE.toMillis());
			long idle = rssMib(process, "VmRSS:");
			String api = "http://127.0.0.1:" + values.getProperty("server.port") + "/api/v1/credentials";
			ApiLoadBenchmark.Run load = ApiLoadBenchmark.load(List.of(URI.create(api),
					URI.create(api + "/" + Sandbox.DUAL), URI.create(api + "/" + Sandbox.SINGLE)), LOAD_REQUESTS);
			assertThat(load.errors()).as("non-200 answers under load").isZero();
			if (NATIVE_MEMORY) {
				jcmd(process, "VM.native_memory", "summary", "image/nmt-run-" + run + (cds ? "-cds" : "-nocds"));
			}
			return new ImageRun(ready, new Memory(idle, rssMib(process, "VmRSS:"), rssMib(process, "VmHWM:")));
		}
		finally {
			stop(process);
		}
	}

	/** Start to exit of a one-shot dry run of the single credential; it must succeed. */
	private Duration oneShot(PackagedImage image, boolean cds, Path properties) throws Exception {
		List<String> args = new ArrayList<>(arguments(load(properties)));
		args.add("--" + OneShotMode.CREDENTIAL + "=" + Sandbox.SINGLE);
		args.add("--" + OneShotMode.DRY_RUN + "=true");
		Path log = BenchResults.directory().resolve("image/oneshot" + (cds ? "-cds" : "-nocds") + ".log");
		long start = System.nanoTime();
		Process process = image.command(cds, List.of("-XX:MaxRAM=" + CHART_MEMORY_LIMIT), args, log).start();
		if (!process.waitFor(READINESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			stop(process);
			throw new IllegalStateException("One-shot run did not exit; see " + log);
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(process.exitValue()).as("one-shot exit code; see %s", log).isZero();
		return elapsed;
	}

	private static List<String> arguments(Properties values) {
		return values.stringPropertyNames()
			.stream()
			.sorted()
			.map((key) -> "--" + key + "=" + values.getProperty(key))
			.toList();
	}

	private static void jcmd(Process process, String command, String option, String file) throws Exception {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Path output = BenchResults.directory().resolve(file + ".txt");
		Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command, option)
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!dump.waitFor(1, TimeUnit.MINUTES)) {
			dump.destroyForcibly();
		}
	}

	private static long rssMib(Process process, String key) {
		return Machine.procLine(Path.of("/proc/" + process.pid() + "/status"), key)
			.map((value) -> Long.parseLong(value.split("\\s+")[0]) / 1024)
			.orElse(-1L);
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private static Properties load(Path properties) throws IOException {
		Properties values = new Properties();
		try (var reader = Files.newBufferedReader(properties)) {
			values.load(reader);
		}
		return values;
	}

	private void reportImage(PackagedImage image, Map<String, Samples> ready, Map<String, Samples> oneShot,
			Map<String, List<Memory>> memory) {
		List<List<Object>> rows = new ArrayList<>();
		Map<String, Object> json = new LinkedHashMap<>();
		ready.forEach((arm, samples) -> {
			List<Memory> readings = memory.get(arm);
			rows.add(List.of(arm, Samples.round(samples.percentile(50)), Samples.round(samples.min()),
					Samples.round(samples.max()), median(readings.stream().map(Memory::idleMib).toList()),
					median(readings.stream().map(Memory::loadedMib).toList()),
					readings.stream().mapToLong(Memory::peakMib).max().orElse(-1),
					Samples.round(oneShot.get(arm).percentile(50))));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("readiness", samples.summary());
			entry.put("readinessMinMs", Samples.round(samples.min()));
			entry.put("memoryMib", readings);
			entry.put("oneShot", oneShot.get(arm).summary());
			json.put(arm, entry);
		});
		double ratio = ready.get("with CDS").percentile(50) / ready.get("without CDS").percentile(50);
		BenchResults.printTable(
				"Image start: " + CREDENTIALS + " credentials, " + RUNS + " alternate runs each, JAVA_TOOL_OPTIONS="
						+ image.javaToolOptions() + ", -XX:MaxRAM=" + CHART_MEMORY_LIMIT
						+ "; readiness with/without CDS (p50) = " + Samples.round(ratio),
				List.of("start", "ready p50 ms", "min ms", "max ms", "idle RSS MiB",
						"RSS after " + LOAD_REQUESTS + " API GETs MiB", "peak RSS MiB",
						"one-shot start to exit p50 ms"),
				rows);
		json.put("readinessRatioP50", Samples.round(ratio));
		json.put("javaToolOptions", image.javaToolOptions());
		json.put("maxRam", CHART_MEMORY_LIMIT);
		json.put("loadRequests", LOAD_REQUESTS);
		json.put("archiveMib", archiveMib(image));
		BenchResults.record("footprintImage", json);
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	private static long archiveMib(PackagedImage image) {
		try {
			return Files.size(image.archive()) / (1024 * 1024);
		}
		catch (IOException ex) {
			return -1;
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

	record ImageRun(Duration ready, Memory memory) {

	}

	/** Resident memory idle, after the API load, and its peak, in MiB. */
	record Memory(long idleMib, long loadedMib, long peakMib) {

	}

}
