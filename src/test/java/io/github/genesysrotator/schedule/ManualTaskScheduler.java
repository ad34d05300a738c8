package io.github.genesysrotator.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * A task scheduler that runs nothing by itself: tests look at what was scheduled for
 * when, and run what is due on the calling thread.
 */
final class ManualTaskScheduler implements TaskScheduler {

	private final List<Task> tasks = new ArrayList<>();

	@Override
	public synchronized ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
		Task scheduled = new Task(task, startTime);
		this.tasks.add(scheduled);
		return scheduled;
	}

	/** Tasks neither run nor cancelled, earliest first. */
	synchronized List<Task> pending() {
		return this.tasks.stream()
			.filter((task) -> !task.isDone())
			.sorted(Comparator.comparing(Task::startTime))
			.toList();
	}

	/** Run, on this thread, every pending task due at {@code now}. */
	void runDue(Instant now) {
		pending().stream().filter((task) -> !task.startTime().isAfter(now)).forEach(Task::run);
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
		throw new UnsupportedOperationException();
	}

	static final class Task implements ScheduledFuture<Object> {

		private final Runnable runnable;

		private final Instant startTime;

		private volatile boolean cancelled;

		private volatile boolean ran;

		Task(Runnable runnable, Instant startTime) {
			this.runnable = runnable;
			this.startTime = startTime;
		}

		Instant startTime() {
			return this.startTime;
		}

		void run() {
			if (!this.cancelled && !this.ran) {
				this.ran = true;
				this.runnable.run();
			}
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			if (this.ran) {
				return false;
			}
			this.cancelled = true;
			return true;
		}

		@Override
		public boolean isCancelled() {
			return this.cancelled;
		}

		@Override
		public boolean isDone() {
			return this.cancelled || this.ran;
		}

		@Override
		public Object get() {
			return null;
		}

		@Override
		public Object get(long timeout, TimeUnit unit) {
			return null;
		}

		@Override
		public long getDelay(TimeUnit unit) {
			return 0;
		}

		@Override
		public int compareTo(Delayed other) {
			return 0;
		}

	}

}
