package io.github.genesysrotator.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.genesysrotator.rotation.AdminCredentials;
import io.github.genesysrotator.rotation.AdminCredentials.ClientCredentials;
import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;

/**
 * Access tokens of each org's admin credential, cached until shortly before they expire.
 * After a 401 the token is dropped and the admin credential is read again, which is how a
 * self-rotated admin client is picked up. A grant the token endpoint rate limits is tried
 * again (after the org's back-off, {@link GrantPacer}) for up to
 * {@link #RATE_LIMIT_PATIENCE}.
 */
final class AdminTokens {

	/**
	 * How long a rate-limited admin-token grant is retried: as long as the Genesys
	 * Terraform provider retries it.
	 */
	static final Duration RATE_LIMIT_PATIENCE = Duration.ofMinutes(1);

	private final TokenEndpoint tokens;

	private final AdminCredentials credentials;

	private final Clock clock;

	private final Duration refreshMargin;

	private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	AdminTokens(TokenEndpoint tokens, AdminCredentials credentials, Clock clock, Duration refreshMargin) {
		this.tokens = tokens;
		this.credentials = credentials;
		this.clock = clock;
		this.refreshMargin = refreshMargin;
	}

	String forOrg(String org) {
		CachedToken cached = this.cache.get(org);
		if (cached != null && this.clock.instant().isBefore(cached.refreshAt())) {
			return cached.value();
		}
		// One acquisition per org at a time, outside the map's own locks: it reads Vault
		// and may wait out a Retry-After.
		synchronized (this.locks.computeIfAbsent(org, (name) -> new Object())) {
			CachedToken current = this.cache.get(org);
			if (current != null && current != cached) {
				return current.value();
			}
			CachedToken acquired = acquire(org);
			this.cache.put(org, acquired);
			return acquired.value();
		}
	}

	/**
	 * The client whose token the org's calls carry: the cached token's, else the admin
	 * credential's as it reads now.
	 */
	String clientId(String org) {
		CachedToken cached = this.cache.get(org);
		return (cached != null) ? cached.clientId() : this.credentials.forOrg(org).clientId();
	}

	void invalidate(String org, String token) {
		this.cache.computeIfPresent(org, (name, current) -> current.value().equals(token) ? null : current);
	}

	private CachedToken acquire(String org) {
		ClientCredentials admin = this.credentials.forOrg(org);
		Instant giveUpAt = this.clock.instant().plus(RATE_LIMIT_PATIENCE);
		TokenAnswer answer = this.tokens.request(org, "token", admin.clientId(), admin.secret());
		while (answer.kind() == TokenAnswer.Kind.RATE_LIMITED && this.clock.instant().isBefore(giveUpAt)) {
			answer = this.tokens.request(org, "token", admin.clientId(), admin.secret());
		}
		if (answer.kind() == TokenAnswer.Kind.RATE_LIMITED) {
			throw answer.rateLimited(org);
		}
		if (answer.kind() != TokenAnswer.Kind.ISSUED) {
			throw new DependencyRejectedException(Dependency.GENESYS, answer.status(), "Admin credential "
					+ admin.clientId() + " of org '" + org + "' was refused a token: " + answer.reason());
		}
		Instant refreshAt = this.clock.instant().plusSeconds(answer.expiresInSeconds()).minus(this.refreshMargin);
		return new CachedToken(answer.accessToken(), refreshAt, admin.clientId());
	}

	private record CachedToken(String value, Instant refreshAt, String clientId) {

		@Override
		public String toString() {
			return "CachedToken[refreshAt=" + this.refreshAt + "]";
		}

	}

}
