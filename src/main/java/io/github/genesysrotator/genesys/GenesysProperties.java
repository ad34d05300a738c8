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
		if (maxResponseSize == null || maxResponseSize.toBytes() <= 0
				|| maxResponseSize.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidConfigurationException("rotator.genesys.max-response-size",
					"must be positive and below 2GB, e.g. 256KB");
		}
	}

}
