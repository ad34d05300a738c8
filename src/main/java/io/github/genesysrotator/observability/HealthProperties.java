package io.github.genesysrotator.observability;

import java.time.Duration;

import io.github.genesysrotator.rotation.ConfigurationChecks;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rotator's own health indicators.
 *
 * @param genesysCheckInterval how long the {@code genesys} indicator reuses an org's
 * admin-token check before checking it again, so probes never hammer Genesys Cloud or
 * spend its rate limit
 */
public record HealthProperties(@DefaultValue("60s") Duration genesysCheckInterval) {

	public HealthProperties {
		ConfigurationChecks.requirePositive("rotator.health.genesys-check-interval", genesysCheckInterval);
	}

}
