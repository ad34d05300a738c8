package io.github.genesysrotator.observability;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the gauges' refresh (or the due announcements) on a thread of its own, with a
 * fixed delay: rotations that keep the scheduler's pool busy for minutes (verification or
 * Vault retries) never hold it up, and it never holds them up.
 */
final class StateRefresh implements SmartLifecycle {

	private final String threadName;

	private final Runnable refresh;

	private final Duration interval;

	private ScheduledExecutorService executor;

	StateRefresh(Runnable refresh, Duration interval) {
		this("rotator-gauges", refresh, interval);
	}

	StateRefresh(String threadName, Runnable refresh, Duration interval) {
		this.threadName = threadName;
		this.refresh = refresh;
		this.interval = interval;
	}

	/** The delay between the end of one refresh and the start of the next. */
	Duration interval() {
		return this.interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor == null) {
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, this.threadName);
				thread.setDaemon(true);
				return thread;
			});
			this.executor.scheduleWithFixedDelay(this.refresh, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
