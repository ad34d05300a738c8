package io.github.genesysrotator.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumers that keep authenticating with whatever the consumer path holds while a test
 * rotates, counting attempts and failures. Bounded: it stops by itself after
 * {@code maxAttempts}.
 */
public final class ConsumerProbe implements AutoCloseable {

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger attempts = new AtomicInteger();

	private final List<String> failures = new ArrayList<>();

	private final Thread thread;

	public ConsumerProbe(SandboxConsumer consumer, String vaultPath, int maxAttempts) {
		this.thread = new Thread(() -> {
			while (this.running.get() && this.attempts.get() < maxAttempts) {
				SandboxConsumer.Published published = consumer.read(vaultPath);
				this.attempts.incrementAndGet();
				if (!consumer.tokenWorks(published.clientId(), published.secret())) {
					synchronized (this.failures) {
						this.failures.add(published.toString());
					}
				}
			}
		}, "consumer-probe");
		this.thread.start();
	}

	/** Stop and wait for the probe; returns what it saw. */
	public Report stop() throws InterruptedException {
		this.running.set(false);
		this.thread.join();
		synchronized (this.failures) {
			return new Report(this.attempts.get(), List.copyOf(this.failures));
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	/**
	 * What the probe saw.
	 *
	 * @param attempts token requests made
	 * @param failures the consumer-path versions that failed to authenticate
	 */
	public record Report(int attempts, List<String> failures) {

	}

}
