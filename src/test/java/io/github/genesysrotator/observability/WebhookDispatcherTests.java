package io.github.genesysrotator.observability;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.github.genesysrotator.observability.NotificationProperties.Delivery;
import io.github.genesysrotator.observability.NotificationProperties.Webhook;
import io.github.genesysrotator.sandbox.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDispatcherTests {

	private static final String KEY = "whsec_ZGlzcGF0Y2hlci1rZXktMDEyMzQ1Njc4OQ==";

	private final WebhookReceiver receiver = WebhookReceiver.start(KEY);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MutableClock clock = MutableClock.at(Instant.now());

	@AfterEach
	void stop() {
		this.receiver.close();
	}

	@Test
	void fullQueueDropsAndCountsWithoutWaiting() throws Exception {
		WebhookDispatcher dispatcher = dispatcher(1, 3);
		Webhook webhook = new Webhook("slow", this.receiver.url(), List.of(KEY), null);
		CountDownLatch gate = new CountDownLatch(1);
		this.receiver.holdUntil(gate);
		try {
			dispatcher.submit(webhook, "first", body("first"));
			this.receiver.awaitArrival();
			dispatcher.submit(webhook, "second", body("second"));
			assertThat(count("slow", "dropped")).isEqualTo(1);
		}
		finally {
			gate.countDown();
		}
		assertThat(this.receiver.next().body()).isEqualTo("{\"n\":\"first\"}");
		dispatcher.destroy();
		assertThat(count("slow", "delivered")).isEqualTo(1);
		assertThat(this.receiver.attempts()).hasSize(1);
	}

	@Test
	void givesUpAfterMaxAttemptsAndDoesNotRetryClientErrors() throws Exception {
		WebhookDispatcher dispatcher = dispatcher(10, 3);
		this.receiver.answer(503, 503, 503);
		dispatcher.submit(new Webhook("down", this.receiver.url(), List.of(KEY), null), "e1", body("e1"));
		assertThat(dispatcher.awaitIdle(Duration.ofSeconds(20))).isTrue();
		assertThat(this.receiver.attempts()).hasSize(3);
		assertThat(count("down", "failed")).isEqualTo(1);

		this.receiver.answer(400);
		dispatcher.submit(new Webhook("refusing", this.receiver.url(), List.of(KEY), null), "e2", body("e2"));
		assertThat(dispatcher.awaitIdle(Duration.ofSeconds(20))).isTrue();
		assertThat(this.receiver.attempts()).hasSize(4);
		assertThat(count("refusing", "failed")).isEqualTo(1);
		dispatcher.destroy();
	}

	@Test
	void wrongKeyIsRefusedByTheReceiver() throws Exception {
		WebhookDispatcher dispatcher = dispatcher(10, 3);
		dispatcher.submit(
				new Webhook("wrong-key", this.receiver.url(), List.of("whsec_YW5vdGhlci1rZXktMDEyMzQ1Njc4OQ=="), null),
				"e", body("e"));
		dispatcher.destroy();
		assertThat(this.receiver.attempts()).singleElement()
			.satisfies((attempt) -> assertThat(attempt.signatureValid()).isFalse());
		assertThat(count("wrong-key", "failed")).isEqualTo(1);
	}

	@Test
	void aReceiverRefusesAStaleTimestamp() throws Exception {
		this.clock.advance(Duration.ofMinutes(-6));
		WebhookDispatcher dispatcher = dispatcher(10, 1);
		dispatcher.submit(new Webhook("stale", this.receiver.url(), List.of(KEY), null), "e3", body("e3"));
		this.receiver.awaitArrival();
		assertThat(dispatcher.awaitIdle(Duration.ofSeconds(20))).isTrue();
		assertThat(this.receiver.attempts()).singleElement()
			.satisfies((received) -> assertThat(received.signatureValid()).isFalse());
		assertThat(count("stale", "failed")).isEqualTo(1);
	}

	@Test
	void backoffDoublesUpToTheLongestPause() {
		WebhookDispatcher dispatcher = new WebhookDispatcher(new Delivery(10, 10, Duration.ofSeconds(1),
				Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
				this.registry, Clock.systemUTC());
		BackOffExecution pauses = dispatcher.backOff().start();
		assertThat(Stream.generate(pauses::nextBackOff).limit(6).map(Duration::ofMillis)).containsExactly(
				Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5),
				Duration.ofSeconds(5), Duration.ofSeconds(5));
	}

	private WebhookDispatcher dispatcher(int capacity, int attempts) {
		return new WebhookDispatcher(new Delivery(capacity, attempts, Duration.ofMillis(5), Duration.ofMillis(20),
				Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(30)), this.registry, this.clock);
	}

	private double count(String webhook, String outcome) {
		return deliveries(this.registry, webhook, outcome);
	}

	/** The {@code rotator.webhook.deliveries} count of a webhook and outcome. */
	static double deliveries(MeterRegistry registry, String webhook, String outcome) {
		var counter = registry.find("rotator.webhook.deliveries")
			.tag("webhook", webhook)
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static byte[] body(String n) {
		return ("{\"n\":\"" + n + "\"}").getBytes(StandardCharsets.UTF_8);
	}

}
