package io.github.genesysrotator.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.github.genesysrotator.sandbox.IssuedSecrets;
import io.github.genesysrotator.sandbox.Sandbox;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API's read side under load on loopback: {@code CLIENTS} threads send a bounded
 * number of {@code GET /api/v1/credentials} and {@code GET /api/v1/credentials/{name}}
 * (each reads the state records from Vault) with the demo token. Reports throughput, p50
 * and p99 latency, and every non-200 answer.
 */
class ApiLoadBenchmark {

	static final int CLIENTS = Integer.getInteger("bench.api-clients", 32);

	static final int REQUESTS = Integer.getInteger("bench.api-requests", 20_000);

	@Test
	void statusEndpointsAnswerUnderConcurrentLoad() throws Exception {
		try (Sandbox sandbox = Sandbox.start();
				ConfigurableApplicationContext service = Sandbox.application()
					.run(sandbox.serviceArguments(Map.of("server.port", "0", "management.server.port", "0",
							"rotator.schedule.poll", "-", "logging.level.root", "WARN")))) {
			String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port")
					+ "/api/v1/credentials";
			List<URI> targets = List.of(URI.create(base), URI.create(base + "/" + Sandbox.DUAL),
					URI.create(base + "/" + Sandbox.SINGLE));
			Run warmUp = load(targets, 500);
			Run run = load(targets, REQUESTS);
			report(run);
			assertThat(warmUp.errors()).isZero();
			assertThat(run.latencies().count()).isEqualTo(REQUESTS);
			assertThat(run.errors()).as("non-200 answers").isZero();
			IssuedSecrets.assertClean("API load answers", run.sampleBody());
		}
	}

	/**
	 * {@code requests} GETs spread over {@code targets}, sent by {@code CLIENTS} threads.
	 */
	static Run load(List<URI> targets, int requests) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		AtomicLong next = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		Samples latencies = new Samples();
		String[] sample = new String[1];
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		long start = System.nanoTime();
		try {
			List<Future<?>> clients = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				clients.add(pool.submit(() -> {
					for (long n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
						HttpRequest request = HttpRequest.newBuilder(targets.get((int) (n % targets.size())))
							.header("Authorization", "Bearer " + Sandbox.API_TOKEN)
							.timeout(Duration.ofSeconds(10))
							.GET()
							.build();
						long sent = System.nanoTime();
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						synchronized (latencies) {
							latencies.add(Duration.ofNanos(System.nanoTime() - sent));
							sample[0] = response.body();
						}
						if (response.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					return null;
				}));
			}
			for (Future<?> client : clients) {
				client.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new Run(latencies, errors.get(), Duration.ofNanos(System.nanoTime() - start), sample[0]);
	}

	private void report(Run run) {
		double throughput = run.latencies().count() / (run.elapsed().toNanos() / 1e9);
		BenchResults.printTable("API load: " + CLIENTS + " clients, " + REQUESTS + " GETs of the status endpoints",
				List.of("requests", "errors", "elapsed s", "requests/s", "p50 ms", "p99 ms", "max ms"),
				List.of(List.of(run.latencies().count(), run.errors(), Samples.round(run.elapsed().toMillis() / 1000.0),
						Samples.round(throughput), Samples.round(run.latencies().percentile(50)),
						Samples.round(run.latencies().percentile(99)), Samples.round(run.latencies().max()))));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("clients", CLIENTS);
		values.put("requests", run.latencies().count());
		values.put("errors", run.errors());
		values.put("elapsedMs", run.elapsed().toMillis());
		values.put("requestsPerSecond", Samples.round(throughput));
		values.put("latency", run.latencies().summary());
		BenchResults.record("apiLoad", values);
	}

	record Run(Samples latencies, long errors, Duration elapsed, String sampleBody) {

	}

}
