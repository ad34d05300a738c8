package io.github.genesysrotator.sandbox.vault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A token the simulator issued: its policies and lease. A zero TTL never expires (like
 * the root token).
 *
 * @param id the token value
 * @param accessor the accessor
 * @param policies policy names ({@code root} bypasses ACLs)
 * @param ttl the creation TTL, zero for none
 * @param renewable whether renew-self extends it
 * @param issueTime when it was created
 * @param expireTime when it expires, null for never
 * @param path the auth path that created it
 * @param meta token metadata (role names for logins)
 */
public record SimToken(String id, String accessor, List<String> policies, Duration ttl, boolean renewable,
		Instant issueTime, Instant expireTime, String path, Map<String, String> meta) {

	boolean isRoot() {
		return this.policies.contains("root");
	}

	boolean isExpired(Instant now) {
		return this.expireTime != null && !this.expireTime.isAfter(now);
	}

	long remainingSeconds(Instant now) {
		return (this.expireTime != null) ? Math.max(0, Duration.between(now, this.expireTime).toSeconds()) : 0;
	}

	SimToken renewedUntil(Instant expireTime) {
		return new SimToken(this.id, this.accessor, this.policies, this.ttl, this.renewable, this.issueTime, expireTime,
				this.path, this.meta);
	}

}
