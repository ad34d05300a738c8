package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** A dependency could not be reached, timed out or answered 5xx/429 past the retries. */
public class DependencyUnavailableException extends RotationException {

	private final Dependency dependency;

	private final @Nullable Duration retryAfter;

	public DependencyUnavailableException(Dependency dependency, String message, Throwable cause) {
		this(dependency, message, cause, null);
	}

	public DependencyUnavailableException(Dependency dependency, String message) {
		this(dependency, message, null, null);
	}

	/**
	 * @param retryAfter how long the dependency asked callers to wait (a 429's
	 * {@code Retry-After}), or {@code null} when it named no time
	 */
	public DependencyUnavailableException(Dependency dependency, String message, @Nullable Throwable cause,
			@Nullable Duration retryAfter) {
		super(message, cause);
		this.dependency = dependency;
		this.retryAfter = retryAfter;
	}

	/** The wait the dependency asked for, when it named one. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	@Override
	public ErrorCode errorCode() {
		return this.dependency.unavailable();
	}

}
