package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries a call that fails with {@link DependencyUnavailableException} until a deadline,
 * with exponential pauses. Other exceptions end the attempts at once.
 */
final class Backoff {

	private static final long FIRST_PAUSE_MILLIS = 100;

	private static final long LONGEST_PAUSE_MILLIS = 10_000;

	private final Clock clock;

	private final Sleeper sleeper;

	Backoff(Clock clock, Sleeper sleeper) {
		this.clock = clock;
		this.sleeper = sleeper;
	}

	/**
	 * Call until it succeeds or the deadline passes.
	 * @param timeout how long to keep trying
	 * @param onFirstFailure run once when the first attempt fails
	 * @param call the call
	 * @return what the call returned
	 */
	<T> T retry(Duration timeout, Runnable onFirstFailure, Supplier<T> call) {
		Instant deadline = this.clock.instant().plus(timeout);
		ExponentialBackOff backOff = new ExponentialBackOff(FIRST_PAUSE_MILLIS, 2.0);
		backOff.setMaxInterval(LONGEST_PAUSE_MILLIS);
		BackOffExecution pauses = backOff.start();
		boolean failedBefore = false;
		while (true) {
			try {
				return call.get();
			}
			catch (DependencyUnavailableException ex) {
				if (!failedBefore) {
					failedBefore = true;
					onFirstFailure.run();
				}
				Duration pause = Duration.ofMillis(pauses.nextBackOff());
				if (!this.clock.instant().plus(pause).isBefore(deadline)) {
					throw ex;
				}
				pause(this.sleeper, pause);
			}
		}
	}

	static void pause(Sleeper sleeper, Duration pause) {
		try {
			sleeper.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry", ex);
		}
	}

}
