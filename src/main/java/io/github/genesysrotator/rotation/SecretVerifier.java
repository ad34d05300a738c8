package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.github.genesysrotator.rotation.GenesysOAuthClients.TokenCheck;

/**
 * Proves a secret works by obtaining a token with it. A new secret may take a moment to
 * propagate, so rejections, outages and the token endpoint's rate limit (whose back-off
 * the adapter keeps) are retried until the verification timeout.
 */
final class SecretVerifier {

	private final GenesysOAuthClients genesys;

	private final Clock clock;

	private final Sleeper sleeper;

	private final Duration timeout;

	private final Duration interval;

	SecretVerifier(GenesysOAuthClients genesys, Clock clock, Sleeper sleeper, Duration timeout, Duration interval) {
		this.genesys = genesys;
		this.clock = clock;
		this.sleeper = sleeper;
		this.timeout = timeout;
		this.interval = interval;
	}

	/**
	 * Wait until the secret obtains a token.
	 * @throws VerificationException when it does not within the timeout
	 */
	void awaitAccepted(CredentialSpec spec, String clientId, ClientSecret secret, Runnable keepLease) {
		awaitAccepted(spec, clientId, secret, keepLease, () -> false);
	}

	/**
	 * As {@link #awaitAccepted(CredentialSpec, String, ClientSecret, Runnable)}, giving
	 * up quietly once the answer is no longer wanted (the stage it ran beside failed).
	 * @param keepLease run before every attempt: keeps the rotation's lease alive, and
	 * throws to stop when it was lost
	 */
	void awaitAccepted(CredentialSpec spec, String clientId, ClientSecret secret, Runnable keepLease,
			BooleanSupplier abandoned) {
		Instant deadline = this.clock.instant().plus(this.timeout);
		while (!abandoned.getAsBoolean()) {
			keepLease.run();
			if (acceptedNow(spec.org(), clientId, secret)) {
				return;
			}
			if (!this.clock.instant().plus(this.interval).isBefore(deadline)) {
				throw new VerificationException(spec.name(), clientId, this.timeout);
			}
			Backoff.pause(this.sleeper, this.interval);
		}
	}

	/** One attempt; an unreachable or rate-limiting Genesys counts as "not yet". */
	boolean acceptedNow(String org, String clientId, ClientSecret secret) {
		try {
			return this.genesys.checkToken(org, clientId, secret) == TokenCheck.ACCEPTED;
		}
		catch (DependencyUnavailableException ex) {
			return false;
		}
	}

}
