package io.github.genesysrotator.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.genesysrotator.genesys.GenesysHttp.HttpResult;
import io.github.genesysrotator.rotation.AdminCredentials;
import io.github.genesysrotator.rotation.AdminCredentials.ClientCredentials;
import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens of each org's admin credential, cached until shortly before they expire.
 * After a 401 the token is dropped and the admin credential is read again, which is how a
 * self-rotated admin client is picked up.
 */
final class AdminTokens {

	private final TokenEndpoint tokens;

	private final AdminCredentials credentials;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration refreshMargin;

	private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	AdminTokens(TokenEndpoint tokens, AdminCredentials credentials, JsonMapper json, Clock clock,
			Duration refreshMargin) {
		this.tokens = tokens;
		this.credentials = credentials;
		this.json = json;
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

	void invalidate(String org, String token) {
		this.cache.computeIfPresent(org, (name, current) -> current.value().equals(token) ? null : current);
	}

	private CachedToken acquire(String org) {
		ClientCredentials admin = this.credentials.forOrg(org);
		HttpResult result = this.tokens.request(org, "token", admin.clientId(), admin.secret());
		if (!result.ok()) {
			throw new DependencyRejectedException(Dependency.GENESYS, result.status(),
					"Admin credential " + admin.clientId() + " of org '" + org + "' was refused a token: "
							+ GenesysErrors.code(this.json, result));
		}
		JsonNode body = GenesysErrors.parse(this.json, result, "token");
		String token = body.path("access_token").asString("");
		if (token.isEmpty()) {
			throw new DependencyRejectedException(Dependency.GENESYS, result.status(),
					"Token response for org '" + org + "' carried no access_token");
		}
		long expiresIn = body.path("expires_in").asLong(300);
		Instant refreshAt = this.clock.instant().plusSeconds(expiresIn).minus(this.refreshMargin);
		return new CachedToken(token, refreshAt);
	}

	private record CachedToken(String value, Instant refreshAt) {

		@Override
		public String toString() {
			return "CachedToken[refreshAt=" + this.refreshAt + "]";
		}

	}

}
