package io.github.genesysrotator.rotation;

import java.util.Optional;

/** The Vault path consumers read their credential from. */
public interface ConsumerPathStore {

	/**
	 * Read what consumers currently see.
	 * @param vaultPath the path inside the KV mount
	 * @return the published credential, or empty when nothing was ever written there
	 */
	Optional<PublishedCredential> read(String vaultPath);

	/**
	 * Publish a new version with check-and-set.
	 * @param publication what to publish
	 * @param expectedVersion the version read before (0 when the path is empty)
	 * @return the version written
	 * @throws PublicationConflictException when the path changed since it was read
	 */
	long publish(Publication publication, long expectedVersion);

	/**
	 * Write a new version of the path with check-and-set, holding what it holds now (or,
	 * when nothing was published yet, no credential, only the rotation id), and mark it
	 * as managed. Any write made over an earlier version then fails: this fences off a
	 * previous lease holder that may still be alive.
	 * @param vaultPath the path inside the KV mount
	 * @param credential the credential name (stored as custom metadata)
	 * @param rotationId the rotation taken over
	 * @return the version written
	 * @throws PublicationConflictException when the path changed while it was copied
	 */
	long fence(String vaultPath, String credential, String rotationId);

	/**
	 * Whether this service's Vault token may create and update the path.
	 * @param vaultPath the path inside the KV mount
	 * @return {@code true} when writes are allowed
	 */
	boolean canWrite(String vaultPath);

}
