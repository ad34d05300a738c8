package io.github.genesysrotator.rotation;

import java.time.Duration;

import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the Genesys adapter's requests behave, as far as a rotation that retries them under
 * its lease must know: how long one request can take at worst, and how to pace retries.
 *
 * @param connectTimeout the longest a connection takes to open
 * @param responseTimeout the longest a response takes once the request is sent
 * @param maxAttempts attempts per request for transport errors, 5xx and 429
 * @param initialBackoff first pause between attempts (doubles, with jitter)
 * @param maxBackoff longest pause between attempts
 * @param retryAfterCap give up instead of waiting when a 429 asks for longer than this
 */
public record RequestPolicy(Duration connectTimeout, Duration responseTimeout, int maxAttempts, Duration initialBackoff,
		Duration maxBackoff, Duration retryAfterCap) {

	/** The longest one request can take before the adapter gives up on it. */
	public Duration worstCase() {
		return this.connectTimeout.plus(this.responseTimeout);
	}

	/**
	 * The pauses between attempts when the answer names no {@code Retry-After}: doubling
	 * from {@code initialBackoff} up to {@code maxBackoff}, each moved at random by up to
	 * half of itself.
	 */
	public ExponentialBackOff backOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.initialBackoff.toMillis(), 2.0);
		backOff.setMaxInterval(this.maxBackoff.toMillis());
		backOff.setJitter(this.initialBackoff.toMillis() / 2);
		return backOff;
	}

}
