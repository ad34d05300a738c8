package io.github.genesysrotator.sandbox.vault;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/** One version of a KV v2 secret. Mutated only under its key's write lock. */
final class KvVersion {

	final long number;

	final Instant createdTime;

	Instant deletionTime;

	boolean destroyed;

	ObjectNode data;

	KvVersion(long number, Instant createdTime, Instant deletionTime, ObjectNode data) {
		this.number = number;
		this.createdTime = createdTime;
		this.deletionTime = deletionTime;
		this.data = data;
	}

	/**
	 * Deleted means the deletion time has passed; a future one (delete_version_after) is
	 * still readable.
	 */
	boolean isDeleted(Instant now) {
		return this.deletionTime != null && !this.deletionTime.isAfter(now);
	}

	boolean isReadable(Instant now) {
		return !this.destroyed && !isDeleted(now);
	}

	/** The per-version metadata both the data and the metadata endpoints show. */
	ObjectNode versionMetadata() {
		ObjectNode metadata = Envelopes.object();
		metadata.put("created_time", Envelopes.timestamp(this.createdTime));
		metadata.put("deletion_time", Envelopes.timestamp(this.deletionTime));
		metadata.put("destroyed", this.destroyed);
		return metadata;
	}

}
