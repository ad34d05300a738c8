package io.github.genesysrotator.sandbox.vault;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One injected fault: which requests it matches (method and a glob on the full request
 * path, {@code *} matching any characters) and what happens to them, for a number of
 * matches or until cleared.
 */
public final class FaultRule {

	/** What a matched request gets. */
	public enum Kind {

		/** Answer normally, after a delay. */
		LATENCY,
		/** Answer with a status and a Vault error body instead of handling. */
		STATUS,
		/** Reset the connection (SO_LINGER 0 then close): the client sees a RST. */
		RESET,
		/** Never answer. */
		TIMEOUT

	}

	private final String method;

	private final String pathGlob;

	private final Pattern pathPattern;

	private final Kind kind;

	private final Duration latency;

	private final int status;

	private final String message;

	private final AtomicInteger remaining;

	private FaultRule(String method, String pathGlob, Kind kind, Duration latency, int status, String message,
			int times) {
		this.method = (method == null || method.equals("*")) ? null : method.toUpperCase();
		this.pathGlob = pathGlob;
		this.pathPattern = Pattern
			.compile("\\Q" + pathGlob.replace("\\E", "\\E\\\\E\\Q").replace("*", "\\E.*\\Q") + "\\E");
		this.kind = kind;
		this.latency = latency;
		this.status = status;
		this.message = message;
		this.remaining = new AtomicInteger(times);
	}

	/** Delay matching requests. {@code times} &lt; 0 means until cleared. */
	public static FaultRule latency(String method, String pathGlob, Duration latency, int times) {
		return new FaultRule(method, pathGlob, Kind.LATENCY, latency, 0, null, times);
	}

	/** Answer {@code status} with {@code {"errors":[message]}}. */
	public static FaultRule status(String method, String pathGlob, int status, String message, int times) {
		return new FaultRule(method, pathGlob, Kind.STATUS, Duration.ZERO, status, message, times);
	}

	public static FaultRule reset(String method, String pathGlob, int times) {
		return new FaultRule(method, pathGlob, Kind.RESET, Duration.ZERO, 0, null, times);
	}

	public static FaultRule timeout(String method, String pathGlob, int times) {
		return new FaultRule(method, pathGlob, Kind.TIMEOUT, Duration.ZERO, 0, null, times);
	}

	/** Match and consume one use atomically, so N means exactly N requests. */
	boolean tryConsume(String requestMethod, String requestPath) {
		if ((this.method != null && !this.method.equals(requestMethod))
				|| !this.pathPattern.matcher(requestPath).matches()) {
			return false;
		}
		while (true) {
			int left = this.remaining.get();
			if (left == 0) {
				return false;
			}
			if (left < 0 || this.remaining.compareAndSet(left, left - 1)) {
				return true;
			}
		}
	}

	boolean isExhausted() {
		return this.remaining.get() == 0;
	}

	public Kind kind() {
		return this.kind;
	}

	public Duration latency() {
		return this.latency;
	}

	public int status() {
		return this.status;
	}

	public String message() {
		return this.message;
	}

	@Override
	public String toString() {
		return this.kind + " " + ((this.method != null) ? this.method : "*") + " " + this.pathGlob + " (remaining "
				+ this.remaining.get() + ")";
	}

}
