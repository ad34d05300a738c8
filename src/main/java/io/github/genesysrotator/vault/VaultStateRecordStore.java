package io.github.genesysrotator.vault;

import java.util.Map;
import java.util.Optional;

import io.github.genesysrotator.rotation.StateConflictException;
import io.github.genesysrotator.rotation.StateRecord;
import io.github.genesysrotator.rotation.StateRecordStore;
import io.github.genesysrotator.rotation.Stored;

import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.Versioned;

/**
 * State records as KV v2 secrets under the state prefix. Every write is check-and-set
 * against the version read, which is what makes the lease and each transition exclusive.
 */
class VaultStateRecordStore implements StateRecordStore {

	private final VaultVersionedKeyValueOperations kv;

	private final KvPaths paths;

	VaultStateRecordStore(VaultVersionedKeyValueOperations kv, KvPaths paths) {
		this.kv = kv;
		this.paths = paths;
	}

	@Override
	public Optional<Stored<StateRecord>> read(String credential) {
		Versioned<Map<String, Object>> versioned = get(credential);
		if (versioned == null || !versioned.hasData()) {
			return Optional.empty();
		}
		return Optional.of(new Stored<>(StateRecordMapper.fromData(versioned.getRequiredData()),
				versioned.getVersion().getVersion()));
	}

	@Override
	public long write(String credential, StateRecord record, long expectedVersion) {
		return CheckAndSet.put(this.kv, this.paths.stateRecord(credential), StateRecordMapper.toData(record),
				expectedVersion, () -> new StateConflictException(credential),
				"write of the state record of '" + credential + "'");
	}

	private Versioned<Map<String, Object>> get(String credential) {
		try {
			return this.kv.get(this.paths.stateRecord(credential));
		}
		catch (RuntimeException ex) {
			throw VaultErrors.translate("read of the state record of '" + credential + "'", ex);
		}
	}

}
