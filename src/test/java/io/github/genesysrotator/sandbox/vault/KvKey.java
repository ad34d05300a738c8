package io.github.genesysrotator.sandbox.vault;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.node.ObjectNode;

/**
 * The metadata of one KV v2 key and its retained versions (the plugin's
 * {@code KeyMetadata}). Mutated only under the key's write lock.
 */
final class KvKey {

	final Instant createdTime;

	Instant updatedTime;

	long currentVersion;

	long oldestVersion;

	int maxVersions;

	boolean casRequired;

	Duration deleteVersionAfter = Duration.ZERO;

	/** Empty means unset; Vault prints {@code null} for an empty protobuf map. */
	Map<String, String> customMetadata = new LinkedHashMap<>();

	final TreeMap<Long, KvVersion> versions = new TreeMap<>();

	KvKey(Instant createdTime) {
		this.createdTime = createdTime;
		this.updatedTime = createdTime;
	}

	/**
	 * {@code KeyMetadata.AddVersion}: bump the current version and evict old ones only
	 * now, never when max_versions is lowered. oldest_version starts at 0 and lags one
	 * write behind, exactly as Vault does.
	 */
	KvVersion addVersion(Instant now, Instant deletionTime, ObjectNode data, int effectiveMaxVersions) {
		this.currentVersion++;
		KvVersion version = new KvVersion(this.currentVersion, now, deletionTime, data);
		this.versions.put(this.currentVersion, version);
		this.updatedTime = now;
		if (this.currentVersion - this.oldestVersion >= effectiveMaxVersions) {
			long evictUpTo = this.currentVersion - effectiveMaxVersions;
			this.versions.headMap(evictUpTo, true).clear();
			this.oldestVersion = evictUpTo + 1;
		}
		return version;
	}

	KvVersion latest() {
		return this.versions.get(this.currentVersion);
	}

	ObjectNode customMetadataNode() {
		if (this.customMetadata.isEmpty()) {
			return null;
		}
		ObjectNode node = Envelopes.object();
		this.customMetadata.forEach(node::put);
		return node;
	}

	ObjectNode toMetadataResponse() {
		ObjectNode data = Envelopes.object();
		data.put("cas_required", this.casRequired);
		data.put("created_time", Envelopes.timestamp(this.createdTime));
		data.put("current_version", this.currentVersion);
		data.set("custom_metadata", customMetadataNode());
		data.put("delete_version_after", GoDurations.format(this.deleteVersionAfter));
		data.put("max_versions", this.maxVersions);
		data.put("oldest_version", this.oldestVersion);
		data.put("updated_time", Envelopes.timestamp(this.updatedTime));
		ObjectNode versionsNode = data.putObject("versions");
		this.versions.forEach((number, version) -> versionsNode.set(Long.toString(number), version.versionMetadata()));
		return data;
	}

}
