package io.github.genesysrotator.vault;

import io.github.genesysrotator.rotation.RotatorProperties;

/** Where things live inside the rotator's KV v2 mount. */
final class KvPaths {

	private final String mount;

	private final String statePrefix;

	KvPaths(RotatorProperties.Vault vault) {
		this.mount = vault.kvMount();
		this.statePrefix = vault.statePrefix();
	}

	String mount() {
		return this.mount;
	}

	String stateRecord(String credential) {
		return this.statePrefix + "/" + credential;
	}

	/** The API path Vault policies and capability checks use for a key's data. */
	String dataPath(String path) {
		return this.mount + "/data/" + path;
	}

	/** The API path of a key's metadata. */
	String metadataPath(String path) {
		return this.mount + "/metadata/" + path;
	}

}
