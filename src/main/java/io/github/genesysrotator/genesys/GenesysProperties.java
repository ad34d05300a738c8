package io.github.genesysrotator.genesys;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import static io.github.genesysrotator.rotation.ConfigurationChecks.require;
import static io.github.genesysrotator.rotation.ConfigurationChecks.requireNonNegative;
import static io.github.genesysrotator.rotation.ConfigurationChecks.requirePositive;

/**
 * How the rotator talks to Genesys Cloud ({@code rotator.genesys.*}).
 *
 * @param connectTimeout TCP connect timeout
 * @param responseTimeout how long to wait for a response
 * @param maxAttempts attempts per call for transport errors, 5xx and 429
 * @param initialBackoff first pause between attempts (doubles, with jitter)
 * @param maxBackoff longest pause between attempts
 * @param retryAfterCap give up instead of waiting when a 429 asks for longer than this
 * (the official SDKs use 180 s)
 * @param tokenRefreshMargin re-acquire a cached admin token this long before it expires
 * @param maxResponseSize the largest response body read into memory; a larger one fails
 * the call (real answers are a few KiB: a proxy or a broken API must not exhaust the
 * heap)
 * @param tokenGrantsPerMinute the most client-credentials grants (verifications and admin
 * tokens) the rotator makes per org per minute, evenly spaced: the login host rate-limits
 * grants on its own, per org, and other applications of the org share that budget
 */
public record GenesysProperties(@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("20s") Duration responseTimeout, @DefaultValue("5") int maxAttempts,
		@DefaultValue("200ms") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff,
		@DefaultValue("180s") Duration retryAfterCap, @DefaultValue("60s") Duration tokenRefreshMargin,
		@DefaultValue("256KB") DataSize maxResponseSize, @DefaultValue("120") int tokenGrantsPerMinute) {

	private static final String PREFIX = "rotator.genesys.";

	public GenesysProperties {
		requirePositive(PREFIX + "connect-timeout", connectTimeout);
		requirePositive(PREFIX + "response-timeout", responseTimeout);
		requirePositive(PREFIX + "initial-backoff", initialBackoff);
		requirePositive(PREFIX + "max-backoff", maxBackoff);
		requirePositive(PREFIX + "retry-after-cap", retryAfterCap);
		requireNonNegative(PREFIX + "token-refresh-margin", tokenRefreshMargin);
		require(maxAttempts >= 1 && maxAttempts <= 20, PREFIX + "max-attempts", "must be between 1 and 20");
		require(maxBackoff.compareTo(initialBackoff) >= 0, PREFIX + "max-backoff",
				"must not be shorter than " + PREFIX + "initial-backoff (" + initialBackoff + ")");
		require(maxResponseSize != null && maxResponseSize.toBytes() > 0
				&& maxResponseSize.toBytes() <= Integer.MAX_VALUE, PREFIX + "max-response-size",
				"must be positive and below 2GB, e.g. 256KB");
		require(tokenGrantsPerMinute >= 1 && tokenGrantsPerMinute <= 60_000, PREFIX + "token-grants-per-minute",
				"must be between 1 and 60000");
	}

}
