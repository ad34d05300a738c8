package io.github.genesysrotator.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.genesysrotator.sandbox.Sandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumers that follow the contract of {@code docs/consumers.md} over real HTTP: each
 * reads {@code client_id}/{@code client_secret} from the consumer path, keeps them for
 * the refresh period, requests tokens in a tight loop, and on {@code invalid_client}
 * re-reads Vault once and retries once. A request that still fails is a failed login.
 */
final class ConsumerFleet implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Sandbox sandbox;

	private final String vaultPath;

	private final Duration refresh;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong transportErrors = new AtomicLong();

	private final AtomicLong firstAttemptFailures = new AtomicLong();

	private final List<Failure> failures = new ArrayList<>();

	private final List<Thread> threads = new ArrayList<>();

	/**
	 * @param maxRequestsPerConsumer a bound on each thread's loop, far above what a run
	 * needs
	 */
	ConsumerFleet(Sandbox sandbox, String vaultPath, int consumers, Duration refresh, long maxRequestsPerConsumer) {
		this.sandbox = sandbox;
		this.vaultPath = vaultPath;
		this.refresh = refresh;
		for (int i = 0; i < consumers; i++) {
			Thread thread = new Thread(() -> consume(maxRequestsPerConsumer), "consumer-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	private void consume(long maxRequests) {
		Credential credential = null;
		while (credential == null && this.running.get()) {
			credential = read(null);
		}
		for (long n = 0; n < maxRequests && this.running.get(); n++) {
			if (credential.readAt().plus(this.refresh).isBefore(Instant.now())) {
				credential = read(credential);
			}
			if (requestToken(credential)) {
				continue;
			}
			this.firstAttemptFailures.incrementAndGet();
			Instant reRead = Instant.now();
			credential = read(credential);
			if (!requestToken(credential)) {
				synchronized (this.failures) {
					this.failures.add(new Failure(reRead, Instant.now()));
				}
			}
		}
	}

	/**
	 * What the consumer path holds now; the credential held so far when Vault is
	 * unreachable.
	 */
	private Credential read(Credential held) {
		Instant at = Instant.now();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.sandbox.vaultUri() + "/v1/secret/data/" + this.vaultPath))
			.header("X-Vault-Token", this.sandbox.vaultToken())
			.GET()
			.build();
		HttpResponse<String> response = send(request);
		if (response == null) {
			return held;
		}
		JsonNode data = JSON.readTree(response.body()).path("data").path("data");
		return new Credential(data.path("client_id").asString(), data.path("client_secret").asString(), at);
	}

	/**
	 * One token request; whether it obtained a token. A transport error is no answer
	 * about the credential: it is counted apart and not as a failed login.
	 */
	private boolean requestToken(Credential credential) {
		this.requests.incrementAndGet();
		String basic = Base64.getEncoder()
			.encodeToString((credential.clientId() + ":" + credential.secret()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.sandbox.genesys().baseUrl() + "/oauth/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = send(request);
		return response == null || response.statusCode() == 200;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			this.transportErrors.incrementAndGet();
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stop every consumer and return what they saw. */
	Report stop() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join(Duration.ofSeconds(30).toMillis());
		}
		synchronized (this.failures) {
			return new Report(this.requests.get(), this.firstAttemptFailures.get(), List.copyOf(this.failures),
					this.transportErrors.get());
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private record Credential(String clientId, String secret, Instant readAt) {

		@Override
		public String toString() {
			return "Credential[" + this.clientId + "]";
		}

	}

	/**
	 * What the consumers saw.
	 *
	 * @param requests token requests, retries included
	 * @param firstAttemptFailures requests that failed before the re-read
	 * @param failures the requests that still failed after the re-read
	 * @param transportErrors requests (token or Vault) that got no HTTP answer at all
	 */
	record Report(long requests, long firstAttemptFailures, List<Failure> failures, long transportErrors) {

	}

	/**
	 * A request that failed after the re-read.
	 *
	 * @param reRead when the consumer re-read Vault
	 * @param retried when the retry's answer arrived
	 */
	record Failure(Instant reRead, Instant retried) {

	}

}
