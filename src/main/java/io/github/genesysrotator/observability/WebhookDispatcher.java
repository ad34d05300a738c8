package io.github.genesysrotator.observability;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.genesysrotator.observability.NotificationProperties.Delivery;
import io.github.genesysrotator.observability.NotificationProperties.Webhook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Sends event bodies, signed as the Standard Webhooks specification says
 * ({@link WebhookSignature}), to webhooks on threads of its own, so a slow or dead
 * receiver never holds up a rotation. At most {@code queue-capacity} deliveries wait or
 * retry at a time; one more is dropped with a warning and counted
 * ({@code rotator_webhook_deliveries_total{outcome="dropped"}}). Transport errors, 5xx,
 * 408 and 429 are retried with doubling pauses up to {@code max-attempts}; any other
 * status is the receiver's final answer. Logs name the webhook, never its URL or key.
 */
final class WebhookDispatcher implements DisposableBean {

	private static final Log logger = LogFactory.getLog(WebhookDispatcher.class);

	static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

	private final Delivery settings;

	private final MeterRegistry registry;

	private final HttpClient http;

	private final ScheduledThreadPoolExecutor executor;

	private final Semaphore capacity;

	private final Clock clock;

	WebhookDispatcher(Delivery settings, MeterRegistry registry, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.registry = registry;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.executor = new ScheduledThreadPoolExecutor(2, new CustomizableThreadFactory("rotator-webhook-"));
		this.executor.setRemoveOnCancelPolicy(true);
		this.capacity = new Semaphore(settings.queueCapacity());
		Gauge.builder("rotator.webhook.queue", this.capacity, (c) -> settings.queueCapacity() - c.availablePermits())
			.description("Webhook deliveries waiting, being sent or waiting to retry")
			.register(registry);
	}

	/** Queue a delivery; returns at once, whatever the receiver does. */
	void submit(Webhook webhook, String eventId, byte[] body) {
		if (!this.capacity.tryAcquire()) {
			logger.warn("Webhook '" + webhook.name() + "': queue full (" + this.settings.queueCapacity()
					+ " deliveries), event " + eventId + " dropped");
			count(webhook, "dropped");
			return;
		}
		List<byte[]> keys = webhook.secrets().stream().map(WebhookSignature::key).toList();
		Pending pending = new Pending(webhook, eventId, body, keys, backOff().start());
		try {
			this.executor.execute(() -> attempt(pending, 1));
		}
		catch (RejectedExecutionException ex) {
			finish(pending, "dropped", "shutting down");
		}
	}

	private void attempt(Pending pending, int attempt) {
		Answer answer = send(pending);
		if (answer.delivered()) {
			finish(pending, "delivered", null);
		}
		else if (!answer.retryable() || attempt >= this.settings.maxAttempts()) {
			finish(pending, "failed", answer.reason() + " after " + attempt + " attempt(s)");
		}
		else {
			retryLater(pending, attempt, answer);
		}
	}

	private void retryLater(Pending pending, int attempt, Answer answer) {
		Duration pause = Duration.ofMillis(pending.backoff().nextBackOff());
		logger.debug("Webhook '" + pending.webhook().name() + "': " + answer.reason() + ", retry in " + pause);
		try {
			this.executor.schedule(() -> attempt(pending, attempt + 1), pause.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			finish(pending, "failed", answer.reason() + "; no retry while shutting down");
		}
	}

	private Answer send(Pending pending) {
		// Signed at each attempt: receivers refuse a stale timestamp, and a retry may
		// come
		// minutes after the first attempt.
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(pending.webhook().url())
			.timeout(this.settings.requestTimeout())
			.header("Content-Type", CONTENT_TYPE)
			.header("User-Agent", "genesys-secret-rotator")
			.header(WebhookSignature.ID, pending.eventId())
			.header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
			.header(WebhookSignature.SIGNATURE,
					WebhookSignature.of(pending.keys(), pending.eventId(), timestamp, pending.body()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(pending.body()))
			.build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			boolean retryable = status >= 500 || status == 408 || status == 429;
			return new Answer(status >= 200 && status < 300, retryable, "HTTP " + status);
		}
		catch (IOException ex) {
			return new Answer(false, true, ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(false, false, "interrupted");
		}
	}

	/** Doubling pauses from {@code initial-backoff} up to {@code max-backoff}. */
	ExponentialBackOff backOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.settings.initialBackoff().toMillis(), 2.0);
		backOff.setMaxInterval(this.settings.maxBackoff().toMillis());
		return backOff;
	}

	private void finish(Pending pending, String outcome, String reason) {
		count(pending.webhook(), outcome);
		if (reason != null) {
			logger.warn("Webhook '" + pending.webhook().name() + "': event " + pending.eventId() + " " + outcome + " ("
					+ reason + ")");
		}
		synchronized (this.capacity) {
			this.capacity.release();
			this.capacity.notifyAll();
		}
	}

	private void count(Webhook webhook, String outcome) {
		Counter.builder("rotator.webhook.deliveries")
			.description("Webhook deliveries by final outcome: delivered, failed or dropped")
			.tag("webhook", webhook.name())
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	/**
	 * Wait until no delivery is pending (sent, failed for good or dropped).
	 * @return whether that happened within the timeout
	 */
	boolean awaitIdle(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.capacity) {
			while (this.capacity.availablePermits() < this.settings.queueCapacity()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.capacity, left);
			}
			return true;
		}
	}

	/**
	 * Lets pending deliveries, retries included, finish for {@code shutdown-timeout} (the
	 * one-shot mode's event is sent this way before the process exits), then stops.
	 */
	@Override
	public void destroy() throws InterruptedException {
		boolean idle = awaitIdle(this.settings.shutdownTimeout());
		int pending = this.settings.queueCapacity() - this.capacity.availablePermits();
		this.executor.shutdownNow();
		if (!idle) {
			logger.warn("Webhook deliveries still pending at shutdown: " + pending + " not sent");
		}
	}

	private record Pending(Webhook webhook, String eventId, byte[] body, List<byte[]> keys, BackOffExecution backoff) {

	}

	private record Answer(boolean delivered, boolean retryable, String reason) {

	}

}
