package io.github.genesysrotator.observability;

import java.util.Map;
import java.util.TreeMap;

import io.github.genesysrotator.rotation.RotatorProperties;

import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code genesys}: per org, whether its admin credential holds a token and may list the
 * org's OAuth clients. The listing is {@link OrgCoverage}'s, reused for
 * {@code rotator.health.genesys-check-interval}, and a cached admin token counts, so
 * health probes cost Genesys Cloud at most one listing per org and interval. Details
 * carry the org, its status and an error code, never a message.
 */
@Component
@ConditionalOnEnabledHealthIndicator("genesys")
class GenesysHealthIndicator extends AbstractHealthIndicator {

	private final OrgCoverage coverage;

	private final RotatorProperties properties;

	GenesysHealthIndicator(OrgCoverage coverage, RotatorProperties properties) {
		super("Genesys Cloud health check failed");
		this.coverage = coverage;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Map<String, Object>> orgs = new TreeMap<>();
		boolean allUp = true;
		for (String org : this.properties.orgs().keySet()) {
			OrgCoverage.Listing listing = this.coverage.current(org);
			allUp &= listing.error() == null;
			orgs.put(org, details(listing));
		}
		(allUp ? builder.up() : builder.down()).withDetail("orgs", orgs);
	}

	private static Map<String, Object> details(OrgCoverage.Listing listing) {
		Map<String, Object> details = new TreeMap<>();
		details.put("status", (listing.error() == null) ? "UP" : "DOWN");
		if (listing.error() == null) {
			details.put("oauthClients", listing.clients().size());
		}
		else {
			details.put("errorCode", listing.error().errorCode().code());
		}
		return details;
	}

}
