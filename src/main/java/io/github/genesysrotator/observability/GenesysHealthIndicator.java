package io.github.genesysrotator.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.genesysrotator.rotation.GenesysOAuthClients;
import io.github.genesysrotator.rotation.RotationException;
import io.github.genesysrotator.rotation.RotatorProperties;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code genesys}: per org, whether its admin credential holds a token. A check is reused
 * for {@code rotator.health.genesys-check-interval}, and a cached admin token counts, so
 * health probes cost Genesys Cloud at most one token request per org and interval.
 * Details carry the org, its status and an error code, never a message.
 */
@Component
class GenesysHealthIndicator extends AbstractHealthIndicator {

	private final GenesysOAuthClients genesys;

	private final RotatorProperties properties;

	private final HealthProperties health;

	private final Clock clock;

	private final Map<String, Check> checks = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	GenesysHealthIndicator(GenesysOAuthClients genesys, RotatorProperties properties, HealthProperties health,
			Clock clock) {
		super("Genesys Cloud health check failed");
		this.genesys = genesys;
		this.properties = properties;
		this.health = health;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Map<String, Object>> orgs = new TreeMap<>();
		boolean allUp = true;
		for (String org : this.properties.orgs().keySet()) {
			Check check = current(org);
			allUp &= check.up();
			orgs.put(org, check.details());
		}
		(allUp ? builder.up() : builder.down()).withDetail("orgs", orgs);
	}

	/**
	 * The org's cached check, or a new one. One check per org at a time, outside the
	 * map's own locks: it calls Genesys.
	 */
	private Check current(String org) {
		synchronized (this.locks.computeIfAbsent(org, (name) -> new Object())) {
			Instant now = this.clock.instant();
			Check previous = this.checks.get(org);
			if (previous != null && previous.validAt(now, this.health.genesysCheckInterval())) {
				return previous;
			}
			Check fresh = check(org, now);
			this.checks.put(org, fresh);
			return fresh;
		}
	}

	private Check check(String org, Instant now) {
		try {
			return new Check(true, this.genesys.checkAdminAccess(org), null, now);
		}
		catch (RotationException ex) {
			return new Check(false, null, ex.errorCode(), now);
		}
		catch (RuntimeException ex) {
			return new Check(false, null, "unexpected-error", now);
		}
	}

	private record Check(boolean up, Integer clients, String errorCode, Instant checkedAt) {

		/** A clock set back (NTP, tests) counts as expiry rather than a longer cache. */
		boolean validAt(Instant now, Duration interval) {
			return !now.isBefore(this.checkedAt) && now.isBefore(this.checkedAt.plus(interval));
		}

		Map<String, Object> details() {
			Map<String, Object> details = new TreeMap<>();
			details.put("status", this.up ? "UP" : "DOWN");
			if (this.clients != null) {
				details.put("oauthClients", this.clients);
			}
			if (this.errorCode != null) {
				details.put("errorCode", this.errorCode);
			}
			return details;
		}

	}

}
