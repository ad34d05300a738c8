package io.github.genesysrotator.sandbox.genesys;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault to inject into matching requests, built fluently:
 *
 * <pre>{@code
 * FaultRule.on(Operation.REGENERATE_SECRET).forClient(id).times(1).applyThenDrop();
 * FaultRule.on(Operation.ANY).status(503);
 * FaultRule.on(Operation.TOKEN).forClient(id).omitField("access_token");
 * }</pre>
 *
 * A rule without {@link Builder#times(int)} applies until it is cleared.
 *
 * @param operation the operation the rule applies to ({@link Operation#ANY} for all)
 * @param clientId the client id the request must concern (the path id, or the token
 * request's client id), or {@code null} for any
 * @param times how many requests the rule applies to; {@code -1} until cleared
 * @param type what the rule does
 * @param status the HTTP status for {@link FaultType#STATUS}
 * @param latency the added latency for {@link FaultType#LATENCY}
 * @param retryAfterSeconds the {@code Retry-After} for
 * {@link FaultType#TOO_MANY_REQUESTS}
 * @param detail the field for {@link FaultType#OMIT_FIELD}, the content type for
 * {@link FaultType#CONTENT_TYPE}; {@code null} otherwise
 * @param bodyBytes the body size for {@link FaultType#HUGE_BODY}
 */
public record FaultRule(Operation operation, String clientId, int times, FaultType type, int status, Duration latency,
		int retryAfterSeconds, String detail, int bodyBytes) {

	/** Applies until the rule is cleared. */
	public static final int UNLIMITED = -1;

	public FaultRule {
		Objects.requireNonNull(operation, "operation");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(latency, "latency");
		if (times == 0 || times < UNLIMITED) {
			throw new IllegalArgumentException("times must be positive or UNLIMITED");
		}
	}

	public static Builder on(Operation operation) {
		return new Builder(operation);
	}

	boolean matches(Operation actual, String actualClientId) {
		return this.operation.matches(actual) && (this.clientId == null || this.clientId.equals(actualClientId));
	}

	/** Collects where a rule applies; the terminal methods choose what it does. */
	public static final class Builder {

		private final Operation operation;

		private String clientId;

		private int times = UNLIMITED;

		private Builder(Operation operation) {
			this.operation = Objects.requireNonNull(operation, "operation");
		}

		public Builder forClient(String clientId) {
			this.clientId = clientId;
			return this;
		}

		public Builder times(int times) {
			this.times = times;
			return this;
		}

		public FaultRule latency(Duration latency) {
			return build(FaultType.LATENCY, 0, latency, 0);
		}

		/** An error status, typically 5xx, answered with an ErrorBody. */
		public FaultRule status(int status) {
			if (status < 400 || status > 599) {
				throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
			}
			return build(FaultType.STATUS, status, Duration.ZERO, 0);
		}

		public FaultRule tooManyRequests(int retryAfterSeconds) {
			if (retryAfterSeconds < 0) {
				throw new IllegalArgumentException("retryAfterSeconds must not be negative");
			}
			return build(FaultType.TOO_MANY_REQUESTS, 429, Duration.ZERO, retryAfterSeconds);
		}

		public FaultRule connectionReset() {
			return build(FaultType.CONNECTION_RESET, 0, Duration.ZERO, 0);
		}

		public FaultRule timeout() {
			return build(FaultType.TIMEOUT, 0, Duration.ZERO, 0);
		}

		public FaultRule applyThenDrop() {
			return build(FaultType.APPLY_THEN_DROP, 0, Duration.ZERO, 0);
		}

		/** A 200 HTML page instead of the API's answer. */
		public FaultRule htmlPage() {
			return build(FaultType.HTML_PAGE, 200, Duration.ZERO, 0);
		}

		/** The real answer, cut in the middle of its JSON. */
		public FaultRule truncatedJson() {
			return build(FaultType.TRUNCATED_JSON, 0, Duration.ZERO, 0);
		}

		/** A 200 JSON body of {@code bytes} bytes instead of the API's answer. */
		public FaultRule hugeBody(int bytes) {
			if (bytes < 2) {
				throw new IllegalArgumentException("bytes must be at least 2 (an empty JSON array)");
			}
			return new FaultRule(this.operation, this.clientId, this.times, FaultType.HUGE_BODY, 200, Duration.ZERO, 0,
					null, bytes);
		}

		/** The real answer with unknown fields added. */
		public FaultRule extraFields() {
			return build(FaultType.EXTRA_FIELDS, 0, Duration.ZERO, 0);
		}

		/** The real answer without one of its top-level fields. */
		public FaultRule omitField(String field) {
			return withDetail(FaultType.OMIT_FIELD, requireText(field, "field"));
		}

		/** The real answer under another content type. */
		public FaultRule contentType(String contentType) {
			return withDetail(FaultType.CONTENT_TYPE, requireText(contentType, "contentType"));
		}

		private FaultRule withDetail(FaultType type, String detail) {
			return new FaultRule(this.operation, this.clientId, this.times, type, 0, Duration.ZERO, 0, detail, 0);
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " is required");
			}
			return value;
		}

		private FaultRule build(FaultType type, int status, Duration latency, int retryAfterSeconds) {
			return new FaultRule(this.operation, this.clientId, this.times, type, status, latency, retryAfterSeconds,
					null, 0);
		}

	}

}
