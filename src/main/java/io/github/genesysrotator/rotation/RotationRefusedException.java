package io.github.genesysrotator.rotation;

import java.time.Duration;

/**
 * A rule forbids this rotation now (grace period, API cool-down, already rotated since
 * queued). Nothing was changed; {@link #retryAfter()} says when it would be allowed.
 */
public class RotationRefusedException extends RotationException {

	private final ErrorCode code;

	private final Duration retryAfter;

	public RotationRefusedException(ErrorCode code, String message, Duration retryAfter) {
		super(message);
		this.code = code;
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	@Override
	public ErrorCode errorCode() {
		return this.code;
	}

}
