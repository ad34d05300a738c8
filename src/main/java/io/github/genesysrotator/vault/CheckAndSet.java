package io.github.genesysrotator.vault;

import java.util.Map;
import java.util.function.Supplier;

import io.github.genesysrotator.rotation.RotationException;

import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.Versioned;

/**
 * A KV v2 write that succeeds only over the version read ({@code cas}; version 0 means
 * the path must not exist yet). A lost race is the caller's typed conflict, every other
 * failure the usual Vault translation.
 */
final class CheckAndSet {

	private CheckAndSet() {
	}

	/**
	 * Write {@code data} over {@code expectedVersion}.
	 * @return the version written
	 */
	static long put(VaultVersionedKeyValueOperations kv, String path, Map<String, Object> data, long expectedVersion,
			Supplier<? extends RotationException> conflict, String operation) {
		Versioned<Map<String, Object>> request = (expectedVersion == 0) ? Versioned.create(data)
				: Versioned.create(data, Versioned.Version.from(Math.toIntExact(expectedVersion)));
		try {
			return kv.put(path, request).getVersion().getVersion();
		}
		catch (RuntimeException ex) {
			if (VaultErrors.isCasMismatch(ex)) {
				throw conflict.get();
			}
			throw VaultErrors.translate(operation, ex);
		}
	}

}
