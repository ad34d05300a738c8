package io.github.genesysrotator.rotation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Side-effect-free calls a rotation makes beside its main line (preflight reads, the
 * token grant that verifies a secret while it is being staged), so they cost one round
 * trip instead of one each. A few per rotation in progress: the pool stays small, and
 * idle daemon threads end after a minute.
 */
final class ParallelCalls {

	private static final ExecutorService POOL = Executors.newCachedThreadPool(new Threads());

	private ParallelCalls() {
	}

	static <T> CompletableFuture<T> start(Supplier<T> call) {
		return CompletableFuture.supplyAsync(call, POOL);
	}

	/** The call's result, or the exception it threw. */
	static <T> T join(CompletableFuture<T> call) {
		try {
			return call.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** Daemon threads named for what they do. */
	private static final class Threads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "rotation-parallel-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
