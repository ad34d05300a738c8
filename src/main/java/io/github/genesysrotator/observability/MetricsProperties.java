package io.github.genesysrotator.observability;

import java.time.Duration;

import io.github.genesysrotator.rotation.ConfigurationChecks;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the state gauges.
 *
 * @param refresh how often the state records are read from Vault for the gauges and the
 * {@code rotation} health indicator
 */
public record MetricsProperties(@DefaultValue("30s") Duration refresh) {

	public MetricsProperties {
		ConfigurationChecks.requirePositive("rotator.metrics.refresh", refresh);
	}

}
