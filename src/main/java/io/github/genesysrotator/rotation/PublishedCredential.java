package io.github.genesysrotator.rotation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A credential as consumers read it from Vault.
 *
 * @param version the KV version
 * @param clientId the published client id, or {@code null} when the data has none
 * @param secret the published secret, or {@code null}
 * @param rotationId the rotation that published it, or {@code null}
 * @param rotatedAt when it was published, or {@code null}
 * @param managed whether the path carries this service's {@code managed-by} mark
 */
public record PublishedCredential(long version, @Nullable String clientId, @Nullable ClientSecret secret,
		@Nullable String rotationId, @Nullable Instant rotatedAt, boolean managed) {

}
