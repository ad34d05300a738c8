package io.github.genesysrotator.rotation;

import java.time.Instant;
import java.util.List;

/**
 * The Genesys Cloud OAuth operations a rotation needs. Implementations authenticate with
 * the org's admin credential and retry transient failures within their own bounds.
 */
public interface GenesysOAuthClients {

	/**
	 * Read a client (never its secret).
	 * @throws DependencyRejectedException when Genesys refuses (403, 404, ...)
	 * @throws DependencyUnavailableException when Genesys cannot be reached
	 */
	OAuthClientView getClient(String org, String clientId);

	/**
	 * Replace the client's secret, in one attempt: a side effect is retried by the
	 * rotation, under its lease. The old secret stops working at once; the returned value
	 * is shown by Genesys only in this response.
	 * @param fence called immediately before each request is sent
	 * @throws DependencyRejectedException when Genesys refuses
	 * @throws DependencyUnavailableException when Genesys cannot be reached, fails with
	 * 5xx or rate-limits the request (with the {@code Retry-After} it named): whether to
	 * try again is the caller's choice
	 */
	ClientSecret regenerateSecret(String org, String clientId, Fence fence);

	/** How this adapter's requests time out and should be retried. */
	RequestPolicy requestPolicy();

	/**
	 * Try a client-credentials grant with the given secret.
	 * @return whether Genesys issued a token
	 * @throws DependencyUnavailableException when Genesys cannot be reached, or its token
	 * endpoint rate limits grants (transient: try again later)
	 * @throws DependencyRejectedException when Genesys refuses the grant for another
	 * reason than the secret
	 */
	TokenCheck checkToken(String org, String clientId, ClientSecret secret);

	/**
	 * List every OAuth client of the org (never a secret), with the org's admin
	 * credential: one request, plus a token request when none is cached. The health check
	 * and the org's coverage use it; callers cache the answer.
	 * @throws DependencyRejectedException when Genesys refuses the admin credential or
	 * the listing (a role lost {@code oauth:client:view})
	 * @throws DependencyUnavailableException when Genesys cannot be reached
	 */
	List<OrgClient> listClients(String org);

	/**
	 * Submit a query of a client's API usage per UTC day over {@code [from, to)}, with
	 * the org's admin credential ({@code usage:client:view}).
	 * @return the job id, for {@link #pollUsageQuery}
	 * @throws DependencyRejectedException when Genesys refuses (403 without the
	 * permission)
	 * @throws DependencyUnavailableException when Genesys cannot be reached
	 */
	String submitUsageQuery(String org, String clientId, Instant from, Instant to);

	/**
	 * Read a usage job once; when it is done, every page of its rows.
	 * @throws DependencyRejectedException when Genesys refuses
	 * @throws DependencyUnavailableException when Genesys cannot be reached
	 */
	UsageJob pollUsageQuery(String org, String clientId, String jobId);

	/**
	 * The client whose tokens this adapter calls the org's API with: the org's admin
	 * client, as its current token or, without one, its credential says.
	 * @throws DependencyRejectedException when the admin credential cannot be read
	 * @throws DependencyUnavailableException when Vault cannot be reached
	 */
	String adminClientId(String org);

	/** The org's hosts, as published to consumers. */
	OrgEndpoints endpoints(String org);

	/** Result of a token grant attempt. */
	enum TokenCheck {

		/** A token was issued: the secret works. */
		ACCEPTED,
		/** Genesys answered {@code invalid_client}: the secret does not (yet) work. */
		REJECTED;

	}

}
