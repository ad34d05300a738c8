package io.github.genesysrotator.sandbox.genesys;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixed-window request counting per key (an access token, or a client id for the token
 * endpoint), reporting the {@code inin-ratelimit-*} values Genesys sends.
 */
final class RateLimiter {

	private final int limit;

	private final Duration window;

	private final Map<String, Window> windows = new HashMap<>();

	RateLimiter(int limit, Duration window) {
		this.limit = limit;
		this.window = window;
	}

	/** Counts one request and says whether it is within the limit. */
	synchronized Decision acquire(String key, Instant now) {
		Window current = this.windows.get(key);
		if (current == null || !now.isBefore(current.end)) {
			current = new Window(now.plus(this.window));
			this.windows.put(key, current);
		}
		current.count++;
		long resetSeconds = Math.max(1, (Duration.between(now, current.end).toMillis() + 999) / 1000);
		return new Decision(current.count <= this.limit, current.count, this.limit, resetSeconds);
	}

	synchronized void reset() {
		this.windows.clear();
	}

	/**
	 * The outcome of one request against its window.
	 *
	 * @param allowed whether the request is within the limit
	 * @param count requests counted in the window, this one included
	 * @param limit requests allowed per window
	 * @param resetSeconds whole seconds until the window resets (at least 1)
	 */
	record Decision(boolean allowed, int count, int limit, long resetSeconds) {

		Map<String, String> headers() {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("inin-ratelimit-count", Integer.toString(this.count));
			headers.put("inin-ratelimit-allowed", Integer.toString(this.limit));
			headers.put("inin-ratelimit-reset", Long.toString(this.resetSeconds));
			return headers;
		}

	}

	private static final class Window {

		private final Instant end;

		private int count;

		Window(Instant end) {
			this.end = end;
		}

	}

}
