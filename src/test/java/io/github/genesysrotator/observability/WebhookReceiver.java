package io.github.genesysrotator.observability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook receiver as a user would write one, verifying from the Standard Webhooks
 * specification alone (not with the service's code): the base64 HMAC-SHA256 of
 * {@code webhook-id.webhook-timestamp.body} with the decoded {@code whsec_} key must
 * match one {@code v1,} entry of {@code webhook-signature} (constant-time comparison),
 * and the timestamp must be within five minutes of now. Unsigned, wrongly signed or stale
 * events are refused with 401. It can answer scripted statuses and hold requests until a
 * latch opens.
 */
final class WebhookReceiver implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String key;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Received> attempts = new CopyOnWriteArrayList<>();

	private final BlockingQueue<Received> accepted = new LinkedBlockingQueue<>();

	private final Queue<Integer> scripted = new ConcurrentLinkedQueue<>();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private volatile CountDownLatch arrived = new CountDownLatch(1);

	private WebhookReceiver(String key) throws IOException {
		this.key = key;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/events", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	static WebhookReceiver start(String key) {
		try {
			return new WebhookReceiver(key);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/events");
	}

	/** Answer these statuses to the next requests, then 200 again. */
	void answer(Integer... statuses) {
		this.scripted.addAll(List.of(statuses));
	}

	/** Hold every request until the gate opens. */
	void holdUntil(CountDownLatch gate) {
		this.gate = gate;
	}

	/** Wait until a request has arrived (and is maybe being held). */
	void awaitArrival() throws InterruptedException {
		assertThat(this.arrived.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("a webhook request arrived").isTrue();
	}

	/** The next event that passed signature verification; fails after a bounded wait. */
	Received next() throws InterruptedException {
		Received received = this.accepted.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(received).as("a verified webhook event within " + WAIT).isNotNull();
		return received;
	}

	/** Verified events already received, without waiting. */
	List<Received> acceptedSoFar() {
		return List.copyOf(this.accepted);
	}

	List<Received> attempts() {
		return List.copyOf(this.attempts);
	}

	void reset() {
		this.attempts.clear();
		this.accepted.clear();
		this.scripted.clear();
		this.gate = new CountDownLatch(0);
		this.arrived = new CountDownLatch(1);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Received received = new Received(new String(body, StandardCharsets.UTF_8),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					verifies(this.key, exchange.getRequestHeaders().getFirst("webhook-id"),
							exchange.getRequestHeaders().getFirst("webhook-timestamp"),
							exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now()));
			this.attempts.add(received);
			this.arrived.countDown();
			awaitGate();
			Integer status = this.scripted.poll();
			int answer = (status != null) ? status : received.signatureValid() ? 200 : 401;
			if (answer == 200) {
				this.accepted.add(received);
			}
			exchange.sendResponseHeaders(answer, -1);
		}
	}

	private void awaitGate() {
		try {
			this.gate.await(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Verification as the specification describes it, with a five-minute tolerance. */
	static boolean verifies(String whsec, String id, String timestamp, String signatures, byte[] body, Instant now) {
		if (id == null || timestamp == null || signatures == null || !whsec.startsWith("whsec_")) {
			return false;
		}
		try {
			if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > 300) {
				return false;
			}
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(whsec.substring("whsec_".length())), "HmacSHA256"));
			byte[] expected = mac.doFinal((id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8));
			for (String signature : signatures.split(" ")) {
				if (signature.startsWith("v1,")
						&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
					return true;
				}
			}
			return false;
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.gate.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * One request as received.
	 *
	 * @param body the raw body
	 * @param contentType its content type
	 * @param signatureValid whether the signature matched the body and the key
	 */
	record Received(String body, String contentType, boolean signatureValid) {

		JsonNode event() {
			return json.readTree(this.body);
		}

	}

}
