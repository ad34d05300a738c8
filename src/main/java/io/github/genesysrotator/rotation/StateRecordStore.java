package io.github.genesysrotator.rotation;

import java.util.Optional;

/** Durable, check-and-set storage of the per-credential {@link StateRecord}. */
public interface StateRecordStore {

	/**
	 * Read the record of a credential.
	 * @param credential the credential name
	 * @return the record and its version, or empty when the credential was never rotated
	 * @throws DependencyUnavailableException when the store cannot be reached
	 */
	Optional<Stored<StateRecord>> read(String credential);

	/**
	 * Write the record if its stored version is still {@code expectedVersion}.
	 * @param credential the credential name
	 * @param record the new record
	 * @param expectedVersion the version read before, or 0 to create
	 * @return the version written
	 * @throws StateConflictException when another writer got there first
	 * @throws DependencyUnavailableException when the store cannot be reached
	 */
	long write(String credential, StateRecord record, long expectedVersion);

	/**
	 * The credential's state record, or a fresh one (version 0) before the first write.
	 * @throws DependencyUnavailableException when the store cannot be reached
	 */
	default Stored<StateRecord> readOrBootstrap(CredentialSpec spec) {
		return read(spec.name()).orElseGet(() -> new Stored<>(StateRecord.bootstrap(spec.clientIds()), 0));
	}

}
