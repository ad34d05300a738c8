package io.github.genesysrotator.sandbox.vault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The recognised fields of a metadata write or patch. Only fields present in the body are
 * applied; Spring Vault always sends all four, so each of its writes resets them.
 *
 * @param maxVersions max_versions or null
 * @param casRequired cas_required or null
 * @param deleteVersionAfter delete_version_after or null
 * @param customMetadata custom_metadata (empty clears) or null when absent
 */
record MetadataUpdate(Integer maxVersions, Boolean casRequired, Duration deleteVersionAfter,
		Map<String, String> customMetadata) {

	static MetadataUpdate from(JsonNode body, boolean patch) {
		if (body == null) {
			return new MetadataUpdate(null, null, null, null);
		}
		Integer maxVersions = body.has("max_versions") ? body.get("max_versions").asInt() : null;
		Boolean casRequired = body.has("cas_required") ? body.get("cas_required").asBoolean() : null;
		Duration deleteVersionAfter = body.has("delete_version_after")
				? GoDurations.parse(body.get("delete_version_after")) : null;
		Map<String, String> customMetadata = body.has("custom_metadata")
				? CustomMetadataValidator.decode(body.get("custom_metadata"), patch) : null;
		return new MetadataUpdate(maxVersions, casRequired, deleteVersionAfter, customMetadata);
	}

	boolean isEmpty() {
		return this.maxVersions == null && this.casRequired == null && this.deleteVersionAfter == null
				&& this.customMetadata == null;
	}

	void applyTo(KvKey key, boolean patch) {
		validateAgainst(key, patch);
		if (this.maxVersions != null) {
			key.maxVersions = this.maxVersions;
		}
		if (this.casRequired != null) {
			key.casRequired = this.casRequired;
		}
		if (this.deleteVersionAfter != null) {
			key.deleteVersionAfter = this.deleteVersionAfter;
		}
		if (this.customMetadata != null) {
			applyCustomMetadata(key, patch);
		}
	}

	/**
	 * Validates the merged map before touching the key, so a rejected patch changes
	 * nothing.
	 */
	void validateAgainst(KvKey key, boolean patch) {
		if (this.customMetadata != null && patch) {
			CustomMetadataValidator.validate(merged(key, true));
		}
	}

	private void applyCustomMetadata(KvKey key, boolean patch) {
		Map<String, String> merged = merged(key, patch);
		key.customMetadata.clear();
		key.customMetadata.putAll(merged);
	}

	private Map<String, String> merged(KvKey key, boolean patch) {
		Map<String, String> merged = patch ? new LinkedHashMap<>(key.customMetadata) : new LinkedHashMap<>();
		this.customMetadata.forEach((name, value) -> {
			if (value == null) {
				merged.remove(name);
			}
			else {
				merged.put(name, value);
			}
		});
		return merged;
	}

}
