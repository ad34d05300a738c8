package io.github.genesysrotator.sandbox.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Issued tokens, looked up by id; expiry is judged against the simulator's clock. */
final class TokenStore {

	private final Map<String, SimToken> tokens = new ConcurrentHashMap<>();

	private final Clock clock;

	private final String rootToken;

	TokenStore(Clock clock, String rootToken) {
		this.clock = clock;
		this.rootToken = rootToken;
		addRoot();
	}

	private void addRoot() {
		this.tokens.put(this.rootToken, new SimToken(this.rootToken, accessor(), List.of("root"), Duration.ZERO, false,
				this.clock.instant(), null, "auth/token/root", Map.of()));
	}

	SimToken create(List<String> policies, Duration ttl, boolean renewable, String path, Map<String, String> meta) {
		Instant now = this.clock.instant();
		String id = "hvs." + UUID.randomUUID().toString().replace("-", "");
		Instant expireTime = ttl.isZero() ? null : now.plus(ttl);
		SimToken token = new SimToken(id, accessor(), List.copyOf(policies), ttl, renewable, now, expireTime, path,
				Map.copyOf(meta));
		this.tokens.put(id, token);
		return token;
	}

	/** The live token, or null when unknown, revoked or expired. */
	SimToken find(String id) {
		SimToken token = (id != null) ? this.tokens.get(id) : null;
		return (token != null && !token.isExpired(this.clock.instant())) ? token : null;
	}

	SimToken renew(SimToken token, Duration increment) {
		if (!token.renewable()) {
			throw VaultError.badRequest("lease is not renewable");
		}
		Duration extension = (increment != null && !increment.isZero()) ? increment : token.ttl();
		SimToken renewed = token.renewedUntil(this.clock.instant().plus(extension));
		this.tokens.put(token.id(), renewed);
		return renewed;
	}

	void revoke(String id) {
		if (!id.equals(this.rootToken)) {
			this.tokens.remove(id);
		}
	}

	void reset() {
		this.tokens.clear();
		addRoot();
	}

	private static String accessor() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
	}

}
