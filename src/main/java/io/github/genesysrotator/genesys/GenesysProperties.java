package io.github.genesysrotator.genesys;

import java.time.Duration;

import io.github.genesysrotator.rotation.InvalidConfigurationException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

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
 */
@ConfigurationProperties("rotator.genesys")
public record GenesysProperties(@DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("20s") Duration responseTimeout, @DefaultValue("5") int maxAttempts,
		@DefaultValue("200ms") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff,
		@DefaultValue("180s") Duration retryAfterCap, @DefaultValue("60s") Duration tokenRefreshMargin,
		@DefaultValue("256KB") DataSize maxResponseSize) {

	public GenesysProperties {
		positive("connect-timeout", connectTimeout);
		positive("response-timeout", responseTimeout);
		positive("initial-backoff", initialBackoff);
		positive("max-backoff", maxBackoff);
		positive("retry-after-cap", retryAfterCap);
		if (tokenRefreshMargin == null || tokenRefreshMargin.isNegative()) {
			throw new InvalidConfigurationException("rotator.genesys.token-refresh-margin",
					"must be a non-negative duration such as 60s");
		}
		if (maxAttempts < 1 || maxAttempts > 20) {
			throw new InvalidConfigurationException("rotator.genesys.max-attempts", "must be between 1 and 20");
		}
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new InvalidConfigurationException("rotator.genesys.max-backoff",
					"must not be shorter than rotator.genesys.initial-backoff (" + initialBackoff + ")");
		}
		if (maxResponseSize == null || maxResponseSize.toBytes() <= 0
				|| maxResponseSize.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidConfigurationException("rotator.genesys.max-response-size",
					"must be positive and below 2GB, e.g. 256KB");
		}
	}

	private static void positive(String property, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidConfigurationException("rotator.genesys." + property,
					"must be a positive duration such as 5s or 200ms");
		}
	}

}
