package io.github.genesysrotator.rotation;

import java.time.Instant;

/**
 * What the rotator writes to a consumer path.
 *
 * @param vaultPath the path inside the KV mount
 * @param credential the credential name (stored as custom metadata)
 * @param clientId the client consumers must use
 * @param secret its secret
 * @param endpoints where consumers request tokens and call the API
 * @param rotatedAt when it was published
 * @param rotationId the rotation that published it
 * @param nextRotationAt when the next scheduled rotation is due, so consumers can plan
 * their re-read
 */
public record Publication(String vaultPath, String credential, String clientId, ClientSecret secret,
		OrgEndpoints endpoints, Instant rotatedAt, String rotationId, Instant nextRotationAt) {

}
