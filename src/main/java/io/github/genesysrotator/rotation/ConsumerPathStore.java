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
	 * Whether this service's Vault token may create and update the path.
	 * @param vaultPath the path inside the KV mount
	 * @return {@code true} when writes are allowed
	 */
	boolean canWrite(String vaultPath);

}
