package io.github.genesysrotator.rotation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Side-effect-free calls a rotation makes beside its main line (preflight reads, the
 * token grant that verifies a secret while it is being staged), so they cost one round
 * trip instead of one each. They run on the application's task executor
 * ({@code spring.task.execution.*}): named, bounded, metered ({@code executor.*}) and
 * shut down with the context.
 */
final class ParallelCalls {

	private final Executor executor;

	ParallelCalls(Executor executor) {
		this.executor = executor;
	}

	<T> CompletableFuture<T> start(Supplier<T> call) {
		return CompletableFuture.supplyAsync(call, this.executor);
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

}
