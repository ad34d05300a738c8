package io.github.genesysrotator.rotation;

/**
 * Supplies the credential the rotator itself uses to call an org's API. It is read fresh
 * after an authentication failure, so a self-rotated admin credential is picked up.
 */
public interface AdminCredentials {

	ClientCredentials forOrg(String org);

	/**
	 * A client id and its secret.
	 *
	 * @param clientId the client id
	 * @param secret the secret
	 */
	record ClientCredentials(String clientId, ClientSecret secret) {

	}

}
