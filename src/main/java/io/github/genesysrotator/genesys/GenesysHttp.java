package io.github.genesysrotator.genesys;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.DependencyUnavailableException;
import io.github.genesysrotator.rotation.Fence;
import io.github.genesysrotator.rotation.RequestPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one place the Genesys adapter blocks on {@link WebClient}. It times every request,
 * reads the rate-limit headers, and retries transport errors, 5xx and 429 (honouring an
 * integer {@code Retry-After} up to a cap, like the official SDKs). A body larger than
 * {@code rotator.genesys.max-response-size} is refused at once. Everything else is
 * returned to the caller as an {@link HttpResult}.
 */
final class GenesysHttp {

	private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10),
			Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
			Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
			Duration.ofSeconds(10), Duration.ofSeconds(30) };

	private final WebClient webClient;

	private final GenesysProperties properties;

	private final MeterRegistry registry;

	private final Map<String, AtomicLong> rateLimitRemaining = new ConcurrentHashMap<>();

	GenesysHttp(WebClient webClient, GenesysProperties properties, MeterRegistry registry) {
		this.webClient = webClient;
		this.properties = properties;
		this.registry = registry;
	}

	/** How requests time out and are retried, for callers that retry themselves. */
	RequestPolicy policy() {
		GenesysProperties p = this.properties;
		return new RequestPolicy(p.connectTimeout(), p.responseTimeout(), p.maxAttempts(), p.initialBackoff(),
				p.maxBackoff(), p.retryAfterCap());
	}

	/** A response, body read as text. */
	record HttpResult(int status, HttpHeaders headers, String body) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		/** The body may be a new secret or an access token: only the status prints. */
		@Override
		public String toString() {
			return "HttpResult[status=" + this.status + "]";
		}

	}

	HttpResult exchange(String org, String operation, Function<WebClient, WebClient.RequestHeadersSpec<?>> request) {
		return exchange(org, operation, request, this.properties.maxAttempts());
	}

	/**
	 * Send a request, retrying transport errors, 5xx and 429 up to {@code attempts} in
	 * all. Only for requests without side effects: the rotation retries those itself,
	 * under its lease ({@link #once}).
	 */
	HttpResult exchange(String org, String operation, Function<WebClient, WebClient.RequestHeadersSpec<?>> request,
			int attempts) {
		BackOffExecution backoff = policy().backOff().start();
		for (int attempt = 1;; attempt++) {
			boolean last = attempt >= attempts;
			HttpResult result = attempt(org, operation, request, last);
			DependencyUnavailableException failure = (result != null) ? retryable(operation, result) : null;
			if (result != null && failure == null) {
				return result;
			}
			if (failure != null && last) {
				throw failure;
			}
			Optional<Duration> retryAfter = (failure != null) ? failure.retryAfter() : Optional.empty();
			if (retryAfter.isPresent()) {
				if (retryAfter.get().compareTo(this.properties.retryAfterCap()) > 0) {
					throw failure;
				}
				pause(retryAfter.get());
			}
			else {
				pause(Duration.ofMillis(backoff.nextBackOff()));
			}
		}
	}

	/**
	 * Send a request with a side effect once. The fence runs right before it is sent;
	 * whatever may be retried (a transport error, 5xx, a 429 with its
	 * {@code Retry-After}) is thrown for the caller's fenced loop to decide.
	 */
	HttpResult once(String org, String operation, Function<WebClient, WebClient.RequestHeadersSpec<?>> request,
			Fence fence) {
		fence.beforeSend();
		HttpResult result = attempt(org, operation, request, true);
		DependencyUnavailableException failure = retryable(operation, result);
		if (failure != null) {
			throw failure;
		}
		return result;
	}

	/** A 429 or 5xx answer as the failure to retry; {@code null} for any other. */
	private static DependencyUnavailableException retryable(String operation, HttpResult result) {
		if (result.status() == 429) {
			Duration wait = retryAfter(result.headers());
			return new DependencyUnavailableException(Dependency.GENESYS,
					"Genesys " + operation + " was rate limited (Retry-After " + wait.toSeconds() + "s)", null, wait);
		}
		if (result.status() >= 500) {
			return new DependencyUnavailableException(Dependency.GENESYS,
					"Genesys " + operation + " failed with HTTP " + result.status());
		}
		return null;
	}

	/** One request; {@code null} when it failed in transport and may be retried. */
	private HttpResult attempt(String org, String operation,
			Function<WebClient, WebClient.RequestHeadersSpec<?>> request, boolean last) {
		long start = System.nanoTime();
		try {
			HttpResult result = request.apply(this.webClient)
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.onErrorMap(DataBufferLimitException.class,
							(ex) -> tooLarge(operation, response.statusCode().value()))
					.map((body) -> new HttpResult(response.statusCode().value(), response.headers().asHttpHeaders(),
							body)))
				.block();
			record(org, operation, String.valueOf(result.status()), start);
			recordRateLimit(org, result.headers());
			return result;
		}
		catch (DependencyRejectedException ex) {
			record(org, operation, "too_large", start);
			throw ex;
		}
		catch (RuntimeException ex) {
			record(org, operation, "io_error", start);
			if (last) {
				// No cause: WebClient's request exceptions keep the request headers, and
				// with
				// them the Basic credentials or the admin bearer token.
				throw new DependencyUnavailableException(Dependency.GENESYS,
						"Genesys " + operation + " failed: unreachable (" + ex.getClass().getSimpleName() + ")");
			}
			return null;
		}
	}

	/**
	 * Genesys answered, with more than we read: the same call would answer the same, so
	 * it is not retried. The body is dropped unread (it may hold a secret).
	 */
	private DependencyRejectedException tooLarge(String operation, int status) {
		return new DependencyRejectedException(Dependency.GENESYS, status,
				"Genesys " + operation + " answered HTTP " + status + " with a body larger than "
						+ this.properties.maxResponseSize().toKilobytes() + " KB (rotator.genesys.max-response-size)");
	}

	private void record(String org, String operation, String status, long startNanos) {
		Timer.builder("rotator.genesys.requests")
			.description("Requests to Genesys Cloud")
			.tag("org", org)
			.tag("operation", operation)
			.tag("status", status)
			.serviceLevelObjectives(LATENCY_BUCKETS)
			.register(this.registry)
			.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
	}

	private void recordRateLimit(String org, HttpHeaders headers) {
		Long allowed = number(headers.getFirst("inin-ratelimit-allowed"));
		Long count = number(headers.getFirst("inin-ratelimit-count"));
		if (allowed == null || count == null) {
			return;
		}
		this.rateLimitRemaining.computeIfAbsent(org, (name) -> {
			AtomicLong remaining = new AtomicLong();
			Gauge.builder("rotator.genesys.ratelimit.remaining", remaining, AtomicLong::get)
				.description("Requests left in the current Genesys rate-limit window")
				.tag("org", name)
				.register(this.registry);
			return remaining;
		}).set(Math.max(0, allowed - count));
	}

	private static Duration retryAfter(HttpHeaders headers) {
		Long seconds = number(headers.getFirst(HttpHeaders.RETRY_AFTER));
		return Duration.ofSeconds((seconds != null) ? Math.max(0, seconds) : 3);
	}

	private static Long number(String value) {
		try {
			return (value != null) ? Long.valueOf(value.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DependencyUnavailableException(Dependency.GENESYS, "Interrupted while waiting to retry", ex);
		}
	}

}
