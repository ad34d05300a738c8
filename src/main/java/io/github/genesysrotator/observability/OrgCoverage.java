package io.github.genesysrotator.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.CredentialSpec;
import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyUnavailableException;
import io.github.genesysrotator.rotation.GenesysOAuthClients;
import io.github.genesysrotator.rotation.OrgClient;
import io.github.genesysrotator.rotation.RotationException;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.UnknownOrgException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which OAuth clients each org has and which credential, if any, manages each: the org's
 * coverage. One listing per org is fetched at most once per
 * {@code rotator.health.genesys-check-interval} and shared by the {@code genesys} health
 * check, the coverage API and {@code rotator_org_oauth_clients{org, managed}} (its
 * client-credentials clients). The listing never holds a secret.
 */
@Component
public class OrgCoverage {

	private final GenesysOAuthClients genesys;

	private final RotatorProperties properties;

	private final CredentialCatalog catalog;

	private final HealthProperties health;

	private final Clock clock;

	private final Map<String, Listing> listings = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	OrgCoverage(GenesysOAuthClients genesys, RotatorProperties properties, CredentialCatalog catalog,
			HealthProperties health, Clock clock, MeterRegistry registry) {
		this.genesys = genesys;
		this.properties = properties;
		this.catalog = catalog;
		this.health = health;
		this.clock = clock;
		for (String org : properties.orgs().keySet()) {
			for (boolean managed : new boolean[] { true, false }) {
				Gauge.builder("rotator.org.oauth.clients", () -> clientCredentialsClients(org, managed))
					.description("Client-credentials OAuth clients of the org, managed by a credential or not")
					.tag("org", org)
					.tag("managed", String.valueOf(managed))
					.register(registry);
			}
		}
	}

	/** A client of the org and the credential that manages it, if any. */
	public record CoveredClient(OrgClient client, @Nullable String credential) {

	}

	/**
	 * Every OAuth client of the org with its managing credential.
	 * @throws UnknownOrgException when no such org is configured
	 * @throws RotationException when Genesys refuses or cannot be reached
	 */
	public List<CoveredClient> clients(String org) {
		if (!this.properties.orgs().containsKey(org)) {
			throw new UnknownOrgException(org);
		}
		Listing listing = current(org);
		if (listing.error() != null) {
			throw listing.error();
		}
		return listing.clients()
			.stream()
			.map((client) -> new CoveredClient(client, managingCredential(org, client)))
			.toList();
	}

	/**
	 * Fetch every org's listing again when its cached one is due (the refresh thread).
	 */
	void refresh() {
		this.properties.orgs().keySet().forEach(this::current);
	}

	/** The org's listing, cached: at most one Genesys listing per interval. */
	Listing current(String org) {
		synchronized (this.locks.computeIfAbsent(org, (name) -> new Object())) {
			Instant now = this.clock.instant();
			Listing previous = this.listings.get(org);
			if (previous != null && previous.validAt(now, this.health.genesysCheckInterval())) {
				return previous;
			}
			Listing fresh = fetch(org, now);
			this.listings.put(org, fresh);
			return fresh;
		}
	}

	private Listing fetch(String org, Instant now) {
		try {
			return new Listing(this.genesys.listClients(org), null, now);
		}
		catch (RotationException ex) {
			return new Listing(List.of(), ex, now);
		}
		catch (RuntimeException ex) {
			// The type only: a message could quote a response.
			return new Listing(List.of(), new DependencyUnavailableException(Dependency.GENESYS,
					"Listing the OAuth clients of org '" + org + "' failed (" + ex.getClass().getSimpleName() + ")"),
					now);
		}
	}

	private @Nullable String managingCredential(String org, OrgClient client) {
		return this.catalog.all()
			.stream()
			.filter((spec) -> spec.org().equals(org) && spec.clientIds().contains(client.id()))
			.map(CredentialSpec::name)
			.findFirst()
			.orElse(null);
	}

	/** From the cached listing only: a scrape never calls Genesys. */
	private double clientCredentialsClients(String org, boolean managed) {
		return Optional.ofNullable(this.listings.get(org))
			.filter((listing) -> listing.error() == null)
			.map((listing) -> (double) listing.clients()
				.stream()
				.filter(OrgClient::clientCredentials)
				.filter((client) -> (managingCredential(org, client) != null) == managed)
				.count())
			.orElse(Double.NaN);
	}

	/** One listing of an org, or why it failed. */
	record Listing(List<OrgClient> clients, @Nullable RotationException error, Instant fetchedAt) {

		/** A clock set back (NTP, tests) counts as expiry rather than a longer cache. */
		boolean validAt(Instant now, Duration interval) {
			return !now.isBefore(this.fetchedAt) && now.isBefore(this.fetchedAt.plus(interval));
		}

	}

}
