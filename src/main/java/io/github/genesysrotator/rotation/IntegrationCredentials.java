package io.github.genesysrotator.rotation;

import org.jspecify.annotations.Nullable;

/**
 * The Genesys integration credentials a credential publishes to: the
 * {@code pureCloudOAuthClient} credentials Data Actions integrations authenticate with.
 * Implementations authenticate with the org's admin credential.
 */
public interface IntegrationCredentials {

	/** The credential type of an OAuth client credential. */
	String OAUTH_CLIENT_TYPE = "pureCloudOAuthClient";

	/**
	 * Read an integration credential; Genesys never returns its secret.
	 * @throws DependencyRejectedException when Genesys refuses (404, or 403 naming the
	 * missing {@code integrations:integration:view})
	 * @throws DependencyUnavailableException when Genesys cannot be reached
	 */
	IntegrationCredentialView get(String org, String credentialId);

	/**
	 * Replace an integration credential with a full body (name, type, client id and
	 * secret), in one attempt: the rotation retries it under its lease.
	 * @param fence called immediately before the request is sent
	 * @throws DependencyRejectedException when Genesys refuses (403 naming the missing
	 * {@code integrations:integration:edit}, 400, 404)
	 * @throws DependencyUnavailableException when Genesys cannot be reached, fails with
	 * 5xx or rate-limits the request
	 */
	void replace(String org, IntegrationCredentialWrite write, Fence fence);

	/**
	 * An integration credential as Genesys shows it.
	 *
	 * @param id the credential id
	 * @param name its name
	 * @param type its type name
	 * @param clientId the client id it holds, or {@code null} when Genesys redacts it
	 */
	record IntegrationCredentialView(String id, String name, String type, @Nullable String clientId) {

	}

	/**
	 * What a publication writes to an integration credential.
	 *
	 * @param credentialId the integration credential
	 * @param name its name, kept as it was
	 * @param clientId the client to publish
	 * @param secret its secret
	 */
	record IntegrationCredentialWrite(String credentialId, String name, String clientId, ClientSecret secret) {

	}

}
