package io.github.genesysrotator.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumers that keep authenticating with whatever the consumer path holds while a test
 * rotates, counting attempts and failures. Bounded: it stops by itself after
 * {@code maxAttempts}. An injected outage (Vault unreadable, Genesys answering 5xx or not
 * at all) is no authentication failure: it is counted apart, so fault tests can run a
 * probe while they break the dependencies.
 */
public final class ConsumerProbe implements AutoCloseable {

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicInteger outages = new AtomicInteger();

	private final Object progress = new Object();

	private int completed;

	private boolean finished;

	private final List<String> failures = new ArrayList<>();

	private long firstFailureNanos;

	private long lastFailureNanos;

	private final Thread thread;

	/** A request that hangs this long is an outage, and the probe goes on. */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

	public ConsumerProbe(SandboxConsumer consumer, String vaultPath, int maxAttempts) {
		SandboxConsumer impatient = consumer.withTimeout(REQUEST_TIMEOUT);
		this.thread = new Thread(() -> {
			while (this.running.get() && this.attempts.get() < maxAttempts) {
				int attempt = this.attempts.incrementAndGet();
				probeOnce(impatient, vaultPath);
				completed(attempt);
			}
			finished();
		}, "consumer-probe");
		this.thread.start();
	}

	private void probeOnce(SandboxConsumer consumer, String vaultPath) {
		try {
			SandboxConsumer.Published published = consumer.read(vaultPath);
			int status = published.clientId().isEmpty() ? -1
					: consumer.tokenStatus(published.clientId(), published.secret());
			if (status == 400 || status == 401) {
				failed(published);
			}
			else if (status != 200) {
				this.outages.incrementAndGet();
			}
		}
		catch (IllegalStateException ex) {
			this.outages.incrementAndGet();
		}
	}

	private void completed(int attempt) {
		synchronized (this.progress) {
			this.completed = attempt;
			this.progress.notifyAll();
		}
	}

	private void finished() {
		synchronized (this.progress) {
			this.finished = true;
			this.progress.notifyAll();
		}
	}

	/**
	 * Wait until the probe has finished an attempt that began after this call: a consumer
	 * that re-reads the path within the grace period, as the consumer contract asks.
	 * Tests that move a clock past the grace period call this first, so the jump does not
	 * outrun consumers that real time has not yet let re-read.
	 * @param timeout how long to wait at most
	 */
	public void awaitFreshAttempt(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.progress) {
			int target = this.attempts.get() + 1;
			while (this.completed < target && !this.finished) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("consumer probe made no fresh attempt within " + timeout);
				}
				TimeUnit.NANOSECONDS.timedWait(this.progress, left);
			}
			if (this.completed < target) {
				throw new IllegalStateException("consumer probe stopped before a fresh attempt");
			}
		}
	}

	private void failed(SandboxConsumer.Published published) {
		synchronized (this.failures) {
			long now = System.nanoTime();
			if (this.failures.isEmpty()) {
				this.firstFailureNanos = now;
			}
			this.lastFailureNanos = now;
			this.failures.add(published.toString());
		}
	}

	/** Stop and wait for the probe; returns what it saw. */
	public Report stop() throws InterruptedException {
		this.running.set(false);
		this.thread.join();
		synchronized (this.failures) {
			Duration broken = this.failures.isEmpty() ? Duration.ZERO
					: Duration.ofNanos(this.lastFailureNanos - this.firstFailureNanos);
			return new Report(this.attempts.get(), List.copyOf(this.failures), this.outages.get(), broken);
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	/**
	 * What the probe saw.
	 *
	 * @param attempts read-and-authenticate attempts made
	 * @param failures the consumer-path versions whose secret Genesys refused
	 * @param outages attempts that could not read Vault or reach Genesys
	 * @param brokenFor wall time from the first refused secret to the last one
	 */
	public record Report(int attempts, List<String> failures, int outages, Duration brokenFor) {

	}

}
