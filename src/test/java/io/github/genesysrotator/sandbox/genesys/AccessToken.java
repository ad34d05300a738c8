package io.github.genesysrotator.sandbox.genesys;

import java.time.Instant;

/**
 * An issued access token. It belongs to the client that obtained it, and so to that
 * client's organization.
 */
final class AccessToken {

	private final String value;

	private final String clientId;

	private final Instant expiresAt;

	private boolean revoked;

	AccessToken(String value, String clientId, Instant expiresAt) {
		this.value = value;
		this.clientId = clientId;
		this.expiresAt = expiresAt;
	}

	String value() {
		return this.value;
	}

	String clientId() {
		return this.clientId;
	}

	void revoke() {
		this.revoked = true;
	}

	boolean isUsable(Instant now) {
		return !this.revoked && now.isBefore(this.expiresAt);
	}

}
