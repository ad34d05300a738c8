package io.github.genesysrotator.vault;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.genesysrotator.rotation.ClientSecret;
import io.github.genesysrotator.rotation.ConsumerPathStore;
import io.github.genesysrotator.rotation.Publication;
import io.github.genesysrotator.rotation.PublicationConflictException;
import io.github.genesysrotator.rotation.PublishedCredential;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.VaultResponse;
import org.springframework.vault.support.Versioned;

/**
 * Consumer paths in KV v2. Each publication is a new version written with check-and-set;
 * the {@code managed-by} mark lives in the key's custom metadata, patched in after the
 * data so it never lengthens the single strategy's exposure window.
 */
class VaultConsumerPathStore implements ConsumerPathStore {

	static final String MANAGED_BY = "managed-by";

	static final String MANAGER = "genesys-secret-rotator";

	private static final Set<String> WRITE_CAPABILITIES = Set.of("create", "update");

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	private final VaultOperations vault;

	private final VaultVersionedKeyValueOperations kv;

	private final KvPaths paths;

	private final Set<String> marked = ConcurrentHashMap.newKeySet();

	VaultConsumerPathStore(VaultOperations vault, KvPaths paths) {
		this.vault = vault;
		this.kv = vault.opsForVersionedKeyValue(paths.mount());
		this.paths = paths;
	}

	@Override
	public Optional<PublishedCredential> read(String vaultPath) {
		Versioned<Map<String, Object>> versioned;
		try {
			versioned = this.kv.get(vaultPath);
		}
		catch (RuntimeException ex) {
			throw VaultErrors.translate("read of '" + vaultPath + "'", ex);
		}
		if (versioned == null || !versioned.hasData()) {
			return Optional.empty();
		}
		Map<String, Object> data = versioned.getRequiredData();
		Map<String, String> custom = versioned.getRequiredMetadata().getCustomMetadata();
		String secret = text(data.get("client_secret"));
		String rotatedAt = text(data.get("rotated_at"));
		return Optional.of(new PublishedCredential(versioned.getVersion().getVersion(), text(data.get("client_id")),
				(secret != null && !secret.isBlank()) ? ClientSecret.of(secret) : null, text(data.get("rotation_id")),
				(rotatedAt != null) ? Instant.parse(rotatedAt) : null, MANAGER.equals(custom.get(MANAGED_BY))));
	}

	@Override
	public long publish(Publication publication, long expectedVersion) {
		String path = publication.vaultPath();
		long version = CheckAndSet.put(this.kv, path, data(publication), expectedVersion,
				() -> new PublicationConflictException(path), "publication to '" + path + "'");
		markOwnership(path, publication.credential());
		return version;
	}

	@Override
	public long fence(String vaultPath, String credential, String rotationId) {
		Versioned<Map<String, Object>> current;
		try {
			current = this.kv.get(vaultPath);
		}
		catch (RuntimeException ex) {
			throw VaultErrors.translate("read of '" + vaultPath + "'", ex);
		}
		boolean published = current != null && current.hasData();
		Map<String, Object> data = published ? current.getRequiredData() : Map.of("rotation_id", rotationId);
		long expectedVersion = (current != null && current.getVersion() != null) ? current.getVersion().getVersion()
				: 0;
		long version = CheckAndSet.put(this.kv, vaultPath, data, expectedVersion,
				() -> new PublicationConflictException(vaultPath), "fence of '" + vaultPath + "'");
		markOwnership(vaultPath, credential);
		return version;
	}

	@Override
	public boolean canWrite(String vaultPath) {
		String apiPath = this.paths.dataPath(vaultPath);
		VaultResponse response;
		try {
			response = this.vault.write("sys/capabilities-self", Map.of("paths", List.of(apiPath)));
		}
		catch (RuntimeException ex) {
			throw VaultErrors.translate("capability check of '" + vaultPath + "'", ex);
		}
		Object capabilities = (response != null && response.getData() != null) ? response.getData().get(apiPath) : null;
		if (!(capabilities instanceof List<?> granted)) {
			return false;
		}
		return granted.contains("root") || granted.containsAll(WRITE_CAPABILITIES);
	}

	/**
	 * The mark is a JSON merge patch of the key's metadata: only the two
	 * {@code custom_metadata} entries change, and the operator's {@code max_versions},
	 * {@code cas_required}, {@code delete_version_after} and other custom metadata stay
	 * as they were (a metadata write would reset them to the mount's defaults). Needs the
	 * {@code patch} capability on the metadata path.
	 */
	private void markOwnership(String path, String credential) {
		if (this.marked.contains(path)) {
			return;
		}
		Map<String, Object> patch = Map.of("custom_metadata", Map.of(MANAGED_BY, MANAGER, "credential", credential));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MERGE_PATCH);
		try {
			this.vault.doWithSession((rest) -> rest.exchange(this.paths.metadataPath(path), HttpMethod.PATCH,
					new HttpEntity<>(patch, headers), Void.class));
			this.marked.add(path);
		}
		catch (RuntimeException ex) {
			throw VaultErrors.translate("ownership mark of '" + path + "'", ex);
		}
	}

	private static Map<String, Object> data(Publication publication) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("client_id", publication.clientId());
		data.put("client_secret", publication.secret().reveal());
		data.put("region", publication.endpoints().region());
		data.put("api_base_url", publication.endpoints().apiBaseUrl().toString());
		data.put("login_base_url", publication.endpoints().loginBaseUrl().toString());
		data.put("rotated_at", publication.rotatedAt().toString());
		data.put("rotation_id", publication.rotationId());
		if (publication.nextRotationAt() != null) {
			data.put("next_rotation_at", publication.nextRotationAt().toString());
		}
		return data;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
