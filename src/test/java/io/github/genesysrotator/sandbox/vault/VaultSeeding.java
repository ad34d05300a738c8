package io.github.genesysrotator.sandbox.vault;

import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.node.ObjectNode;

/**
 * Pre-seeds a KV v2 secret over Vault's HTTP API, so the same call works against the
 * simulator and a real Vault (demo data, sandbox start-up, container tests).
 */
public final class VaultSeeding {

	private VaultSeeding() {
	}

	/**
	 * Write {@code data} as a new version of {@code <mount>/data/<path>} and, when not
	 * empty, merge {@code customMetadata} into the key's metadata.
	 * @param vault base address, e.g. {@code http://127.0.0.1:8200}
	 * @param token a token allowed to write data and metadata
	 * @param mount the KV v2 mount, e.g. {@code secret}
	 * @param path the key
	 * @param data the secret data
	 * @param customMetadata custom metadata (e.g. {@code managed-by}), may be empty
	 * @return the version written
	 */
	public static int putSecret(URI vault, String token, String mount, String path, Map<String, ?> data,
			Map<String, String> customMetadata) {
		RawVault raw = new RawVault(vault);
		RawVault.Response written = raw.post(mount + "/data/" + path, token, RawVault.data(data));
		if (written.status() != 200) {
			throw new IllegalStateException(
					"Seeding " + mount + "/" + path + " failed: " + written.status() + " " + written.text());
		}
		if (!customMetadata.isEmpty()) {
			RawVault.Response metadata = raw.send("PATCH", mount + "/metadata/" + path, token,
					Map.of("custom_metadata", customMetadata), "application/merge-patch+json");
			if (metadata.status() != 204) {
				throw new IllegalStateException("Seeding custom metadata of " + mount + "/" + path + " failed: "
						+ metadata.status() + " " + metadata.text());
			}
		}
		return written.json().path("data").path("version").asInt();
	}

	/**
	 * Read the data of {@code <mount>/data/<path>}, change it, and write it back as a new
	 * version with check-and-set on the version read.
	 * @param vault base address, e.g. {@code http://127.0.0.1:8200}
	 * @param token a token allowed to read and write the key
	 * @param mount the KV v2 mount, e.g. {@code secret}
	 * @param path the key
	 * @param change edits the data in place
	 * @return the version written
	 */
	public static int rewriteSecret(URI vault, String token, String mount, String path, Consumer<ObjectNode> change) {
		RawVault raw = new RawVault(vault);
		RawVault.Response read = raw.get(mount + "/data/" + path, token);
		if (read.status() != 200) {
			throw new IllegalStateException("Reading " + mount + "/" + path + " failed: " + read.status());
		}
		ObjectNode data = (ObjectNode) read.json().path("data").path("data");
		change.accept(data);
		int version = read.json().path("data").path("metadata").path("version").asInt();
		RawVault.Response written = raw.post(mount + "/data/" + path, token,
				Map.of("data", data, "options", Map.of("cas", version)));
		if (written.status() != 200) {
			throw new IllegalStateException(
					"Rewriting " + mount + "/" + path + " failed: " + written.status() + " " + written.firstError());
		}
		return written.json().path("data").path("version").asInt();
	}

}
