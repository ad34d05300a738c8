package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.util.function.Function;

import org.springframework.util.backoff.BackOffExecution;

/**
 * Sends a request with an effect outside the rotator (a regeneration at Genesys) under
 * the rotation's lease, and retries it here, where the lease is known, rather than in the
 * adapter below. Before every send the lease must cover the request's worst case plus the
 * fence margin; before every wait ({@code Retry-After}, back-off) it is renewed to cover
 * the wait and the send after it. A replica that lost the lease while it waited or
 * stalled stops with {@link LeaseLostException} and sends nothing more.
 */
final class FencedRequests {

	private final LeasedRecord record;

	private final RequestPolicy policy;

	private final Duration margin;

	private final Sleeper sleeper;

	FencedRequests(LeasedRecord record, RequestPolicy policy, Duration margin, Sleeper sleeper) {
		this.record = record;
		this.policy = policy;
		this.margin = margin;
		this.sleeper = sleeper;
	}

	/**
	 * Send the request, retrying transport errors, 5xx and 429 up to the policy's
	 * attempts.
	 * @param step what the request does, for errors
	 * @param request the request, given the fence its adapter calls before each send
	 * @return what the request returned
	 */
	<T> T send(String step, Function<Fence, T> request) {
		Fence fence = () -> this.record.confirmFor(sendWindow(), step);
		BackOffExecution backoff = this.policy.backOff().start();
		for (int attempt = 1;; attempt++) {
			try {
				return request.apply(fence);
			}
			catch (DependencyUnavailableException ex) {
				Duration wait = waitBeforeRetry(ex, backoff, attempt);
				this.record.confirmFor(wait.plus(sendWindow()), "waiting " + wait.toMillis() + " ms to retry " + step);
				pause(wait);
			}
		}
	}

	/** The lease a send needs: the request's worst case and the margin. */
	Duration sendWindow() {
		return this.policy.worstCase().plus(this.margin);
	}

	private Duration waitBeforeRetry(DependencyUnavailableException failure, BackOffExecution backoff, int attempt) {
		if (attempt >= this.policy.maxAttempts()) {
			throw failure;
		}
		Duration computed = Duration.ofMillis(backoff.nextBackOff());
		Duration wait = failure.retryAfter().orElse(computed);
		if (wait.compareTo(this.policy.retryAfterCap()) > 0) {
			throw failure;
		}
		return wait;
	}

	private void pause(Duration wait) {
		try {
			this.sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DependencyUnavailableException(Dependency.GENESYS, "Interrupted while waiting to retry", ex);
		}
	}

}
