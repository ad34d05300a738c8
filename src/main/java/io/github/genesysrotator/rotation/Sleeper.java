package io.github.genesysrotator.rotation;

import java.time.Duration;

/**
 * How a rotation waits between attempts: the thread sleeps in production; tests that move
 * the clock instead of waiting replace it.
 */
@FunctionalInterface
public interface Sleeper {

	/** Sleep on the current thread. */
	Sleeper THREAD = (duration) -> Thread.sleep(duration.toMillis());

	/**
	 * Wait for the duration.
	 * @throws InterruptedException when the thread is interrupted
	 */
	void sleep(Duration duration) throws InterruptedException;

}
