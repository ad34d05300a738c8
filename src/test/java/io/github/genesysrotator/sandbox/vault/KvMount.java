package io.github.genesysrotator.sandbox.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One KV v2 secrets engine mount: data, metadata, delete/undelete/destroy and config,
 * with the plugin's semantics. Every key operation runs under a striped per-key lock
 * (writes exclusive, reads shared), which is what makes check-and-set atomic in Vault.
 */
final class KvMount {

	static final int DEFAULT_MAX_VERSIONS = 10;

	static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";

	static final String CAS_REQUIRED = "check-and-set parameter required for this call";

	private static final int LOCK_STRIPES = 64;

	private final String path;

	private final String accessor = "kv_" + UUID.randomUUID().toString().substring(0, 8);

	private final String uuid = UUID.randomUUID().toString();

	private final Clock clock;

	private final Map<String, KvKey> keys = new ConcurrentHashMap<>();

	private final ReentrantReadWriteLock[] locks = new ReentrantReadWriteLock[LOCK_STRIPES];

	private volatile int maxVersions;

	private volatile boolean casRequired;

	private volatile Duration deleteVersionAfter = Duration.ZERO;

	KvMount(String path, Clock clock) {
		this.path = path;
		this.clock = clock;
		for (int i = 0; i < LOCK_STRIPES; i++) {
			this.locks[i] = new ReentrantReadWriteLock();
		}
	}

	/** The mount path with its trailing slash, e.g. {@code secret/}. */
	String path() {
		return this.path;
	}

	String accessor() {
		return this.accessor;
	}

	String uuid() {
		return this.uuid;
	}

	boolean exists(String key) {
		return this.keys.containsKey(key);
	}

	void clear() {
		this.keys.clear();
		this.maxVersions = 0;
		this.casRequired = false;
		this.deleteVersionAfter = Duration.ZERO;
	}

	// ---- data/<key>

	SimResponse writeData(String key, JsonNode body) {
		JsonNode data = (body != null) ? body.get("data") : null;
		if (data == null || !data.isObject()) {
			throw VaultError.badRequest("no data provided");
		}
		Long cas = casOption(body);
		return withWriteLock(key, () -> {
			KvKey existing = this.keys.get(key);
			checkAndSet(existing, cas);
			Instant now = now();
			KvKey metadata = (existing != null) ? existing : new KvKey(now);
			KvVersion version = metadata.addVersion(now, deletionTime(metadata, now), ((ObjectNode) data).deepCopy(),
					effectiveMaxVersions(metadata));
			this.keys.put(key, metadata);
			return SimResponse.ok(writeResponse(metadata, version));
		});
	}

	SimResponse patchData(String key, JsonNode body) {
		JsonNode patch = (body != null) ? body.get("data") : null;
		if (patch == null || !patch.isObject()) {
			throw VaultError.badRequest("no data provided");
		}
		Long cas = casOption(body);
		return withWriteLock(key, () -> {
			KvKey metadata = this.keys.get(key);
			Instant now = now();
			KvVersion latest = (metadata != null) ? metadata.latest() : null;
			if (latest == null || !latest.isReadable(now)) {
				throw VaultError.emptyBody(404);
			}
			checkAndSet(metadata, cas);
			ObjectNode merged = MergePatch.apply(latest.data.deepCopy(), (ObjectNode) patch);
			KvVersion version = metadata.addVersion(now, deletionTime(metadata, now), merged,
					effectiveMaxVersions(metadata));
			return SimResponse.ok(writeResponse(metadata, version));
		});
	}

	SimResponse readData(String key, String versionParam) {
		long requested = parseVersion(versionParam);
		return withReadLock(key, () -> {
			KvKey metadata = this.keys.get(key);
			if (metadata == null) {
				throw VaultError.notFound();
			}
			long number = (requested > 0) ? requested : metadata.currentVersion;
			KvVersion version = metadata.versions.get(number);
			if (version == null) {
				throw VaultError.notFound();
			}
			ObjectNode versionMetadata = version.versionMetadata();
			versionMetadata.set("custom_metadata", metadata.customMetadataNode());
			versionMetadata.put("version", version.number);
			ObjectNode data = Envelopes.object();
			if (!version.isReadable(now())) {
				// Raw 404 with the whole envelope: Spring Vault detects "deleted" by the
				// text deletion_time in this body.
				data.putNull("data");
				data.set("metadata", versionMetadata);
				return SimResponse.json(404, Envelopes.envelope(data, null, null, ""));
			}
			data.set("data", version.data.deepCopy());
			data.set("metadata", versionMetadata);
			return SimResponse.ok(data);
		});
	}

	/** DELETE data/<key>: soft-deletes the latest version only, unconditionally. */
	SimResponse deleteLatest(String key) {
		return withWriteLock(key, () -> {
			KvKey metadata = this.keys.get(key);
			KvVersion latest = (metadata != null) ? metadata.latest() : null;
			Instant now = now();
			if (latest != null && !latest.destroyed && !latest.isDeleted(now)) {
				latest.deletionTime = now;
			}
			return SimResponse.noContent();
		});
	}

	// ---- delete/, undelete/, destroy/

	SimResponse deleteVersions(String key, JsonNode body) {
		List<Long> numbers = versionsOption(body, "No version number provided");
		return forEachVersion(key, numbers, (metadata, version, now) -> {
			if (!version.destroyed && !version.isDeleted(now)) {
				version.deletionTime = now;
			}
		});
	}

	SimResponse undeleteVersions(String key, JsonNode body) {
		List<Long> numbers = versionsOption(body, "No version number provided");
		return forEachVersion(key, numbers, (metadata, version, now) -> {
			if (!version.destroyed) {
				version.deletionTime = deletionTime(metadata, now);
			}
		});
	}

	SimResponse destroyVersions(String key, JsonNode body) {
		List<Long> numbers = versionsOption(body, "no version number provided");
		return forEachVersion(key, numbers, (metadata, version, now) -> {
			version.destroyed = true;
			version.data = null;
		});
	}

	private SimResponse forEachVersion(String key, List<Long> numbers, VersionAction action) {
		return withWriteLock(key, () -> {
			KvKey metadata = this.keys.get(key);
			if (metadata != null) {
				Instant now = now();
				for (Long number : numbers) {
					KvVersion version = metadata.versions.get(number);
					if (version != null) {
						action.apply(metadata, version, now);
					}
				}
			}
			return SimResponse.noContent();
		});
	}

	// ---- metadata/<key>

	SimResponse readMetadata(String key) {
		return withReadLock(key, () -> {
			KvKey metadata = this.keys.get(key);
			if (metadata == null) {
				throw VaultError.notFound();
			}
			return SimResponse.ok(metadata.toMetadataResponse());
		});
	}

	SimResponse writeMetadata(String key, JsonNode body) {
		MetadataUpdate update = MetadataUpdate.from(body, false);
		if (update.isEmpty()) {
			return SimResponse.noContent();
		}
		return withWriteLock(key, () -> {
			KvKey metadata = this.keys.computeIfAbsent(key, (k) -> new KvKey(now()));
			update.applyTo(metadata, false);
			return SimResponse.noContentOrWarnings(casWarnings(update));
		});
	}

	SimResponse patchMetadata(String key, JsonNode body) {
		MetadataUpdate update = MetadataUpdate.from(body, true);
		return withWriteLock(key, () -> {
			KvKey metadata = this.keys.get(key);
			if (metadata == null) {
				throw VaultError.emptyBody(404);
			}
			update.applyTo(metadata, true);
			return SimResponse.noContentOrWarnings(casWarnings(update));
		});
	}

	SimResponse deleteMetadata(String key) {
		return withWriteLock(key, () -> {
			this.keys.remove(key);
			return SimResponse.noContent();
		});
	}

	/**
	 * LIST metadata/
	 * <dir>
	 * /: direct children, folders with a trailing slash, sorted.
	 */
	SimResponse list(String directory, boolean excludeDeleted) {
		String prefix = (directory.isEmpty() || directory.endsWith("/")) ? directory : directory + "/";
		Instant now = now();
		TreeSet<String> children = new TreeSet<>();
		this.keys.forEach((key, metadata) -> {
			if (!key.startsWith(prefix) || key.length() == prefix.length()) {
				return;
			}
			String rest = key.substring(prefix.length());
			int slash = rest.indexOf('/');
			if (slash >= 0) {
				children.add(rest.substring(0, slash + 1));
			}
			else if (!excludeDeleted || isLatestReadable(metadata, now)) {
				children.add(rest);
			}
		});
		if (children.isEmpty()) {
			throw VaultError.notFound();
		}
		ObjectNode data = Envelopes.object();
		children.forEach(data.putArray("keys")::add);
		return SimResponse.ok(data);
	}

	// ---- config

	SimResponse readConfig() {
		ObjectNode data = Envelopes.object();
		data.put("cas_required", this.casRequired);
		data.put("delete_version_after", GoDurations.format(this.deleteVersionAfter));
		data.put("max_versions", this.maxVersions);
		return SimResponse.ok(data);
	}

	SimResponse writeConfig(JsonNode body) {
		if (body == null) {
			return SimResponse.noContent();
		}
		if (body.has("max_versions")) {
			this.maxVersions = body.get("max_versions").asInt();
		}
		if (body.has("cas_required")) {
			this.casRequired = body.get("cas_required").asBoolean();
		}
		if (body.has("delete_version_after")) {
			this.deleteVersionAfter = GoDurations.parse(body.get("delete_version_after"));
		}
		return SimResponse.noContent();
	}

	/** Direct configuration for tests and seeding, bypassing HTTP. */
	void configure(int maxVersions, boolean casRequired, Duration deleteVersionAfter) {
		this.maxVersions = maxVersions;
		this.casRequired = casRequired;
		this.deleteVersionAfter = deleteVersionAfter;
	}

	// ---- helpers

	private void checkAndSet(KvKey existing, Long cas) {
		boolean required = this.casRequired || (existing != null && existing.casRequired);
		if (cas == null) {
			if (required) {
				throw VaultError.badRequest(CAS_REQUIRED);
			}
			return;
		}
		// Soft-deleted and destroyed versions still count: only DELETE metadata resets to
		// 0.
		long current = (existing != null) ? existing.currentVersion : 0;
		if (cas != current) {
			throw VaultError.badRequest(CAS_MISMATCH);
		}
	}

	private static Long casOption(JsonNode body) {
		JsonNode options = body.get("options");
		if (options == null || !options.isObject() || !options.has("cas")) {
			return null;
		}
		JsonNode cas = options.get("cas");
		try {
			if (cas.isIntegralNumber()) {
				return cas.longValue();
			}
			if (cas.isString()) {
				return Long.parseLong(cas.asString().trim());
			}
		}
		catch (NumberFormatException ex) {
			// falls through to Vault's parse error
		}
		throw VaultError.badRequest("error parsing check-and-set parameter");
	}

	private static List<Long> versionsOption(JsonNode body, String emptyMessage) {
		JsonNode versions = (body != null) ? body.get("versions") : null;
		List<Long> numbers = new ArrayList<>();
		if (versions != null && versions.isArray()) {
			versions.forEach((version) -> numbers.add(Long.parseLong(version.asString().trim())));
		}
		else if (versions != null && versions.isNumber()) {
			numbers.add(versions.longValue());
		}
		else if (versions != null && versions.isString() && !versions.asString().isBlank()) {
			for (String part : versions.asString().split(",")) {
				numbers.add(Long.parseLong(part.trim()));
			}
		}
		if (numbers.isEmpty()) {
			throw VaultError.badRequest(emptyMessage);
		}
		return numbers;
	}

	private static long parseVersion(String versionParam) {
		if (versionParam == null || versionParam.isBlank()) {
			return 0;
		}
		try {
			return Long.parseLong(versionParam.trim());
		}
		catch (NumberFormatException ex) {
			throw VaultError.badRequest("error converting input " + versionParam + " for field \"version\"");
		}
	}

	private int effectiveMaxVersions(KvKey metadata) {
		int effective = Math.max(metadata.maxVersions, this.maxVersions);
		return (effective > 0) ? effective : DEFAULT_MAX_VERSIONS;
	}

	/**
	 * The smaller non-zero of mount and key delete_version_after; a negative mount value
	 * disables it.
	 */
	private Instant deletionTime(KvKey metadata, Instant created) {
		Duration mountValue = this.deleteVersionAfter;
		if (mountValue.isNegative()) {
			return null;
		}
		Duration keyValue = metadata.deleteVersionAfter;
		Duration effective;
		if (mountValue.isZero() || (!keyValue.isZero() && keyValue.compareTo(mountValue) < 0)) {
			effective = keyValue;
		}
		else {
			effective = mountValue;
		}
		return (effective.isZero() || effective.isNegative()) ? null : created.plus(effective);
	}

	private ObjectNode writeResponse(KvKey metadata, KvVersion version) {
		ObjectNode data = Envelopes.object();
		data.put("created_time", Envelopes.timestamp(version.createdTime));
		data.set("custom_metadata", metadata.customMetadataNode());
		data.put("deletion_time", Envelopes.timestamp(version.deletionTime));
		data.put("destroyed", false);
		data.put("version", version.number);
		return data;
	}

	private List<String> casWarnings(MetadataUpdate update) {
		if (this.casRequired && Boolean.FALSE.equals(update.casRequired())) {
			return List
				.of("\"cas_required\" set to false, but is mandated by backend config. This value will be ignored.");
		}
		return List.of();
	}

	private boolean isLatestReadable(KvKey metadata, Instant now) {
		KvVersion latest = metadata.latest();
		return latest != null && latest.isReadable(now);
	}

	private Instant now() {
		return this.clock.instant();
	}

	private SimResponse withWriteLock(String key, Supplier<SimResponse> action) {
		return locked(lockFor(key).writeLock(), action);
	}

	private SimResponse withReadLock(String key, Supplier<SimResponse> action) {
		return locked(lockFor(key).readLock(), action);
	}

	private static SimResponse locked(Lock lock, Supplier<SimResponse> action) {
		lock.lock();
		try {
			return action.get();
		}
		finally {
			lock.unlock();
		}
	}

	private ReentrantReadWriteLock lockFor(String key) {
		return this.locks[Math.floorMod(key.hashCode(), LOCK_STRIPES)];
	}

	@FunctionalInterface
	private interface VersionAction {

		void apply(KvKey metadata, KvVersion version, Instant now);

	}

}
