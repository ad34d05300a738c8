package io.github.genesysrotator.sandbox.vault;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.VaultVersionedKeyValueOperations;
import org.springframework.vault.support.VaultHealth;
import org.springframework.vault.support.VaultMetadataRequest;
import org.springframework.vault.support.VaultResponse;
import org.springframework.vault.support.Versioned;
import org.springframework.vault.support.Versioned.Version;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of vault-api.md §9, written once and run against the simulator and, where
 * Docker exists, a real Vault. Every test works under its own random key prefix so runs
 * against a shared container do not interfere.
 */
abstract class AbstractVaultConformanceTests {

	static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";

	static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

	private RawVault raw;

	private VaultTemplate template;

	private VaultVersionedKeyValueOperations kv;

	private String prefix;

	protected abstract URI vaultUri();

	protected abstract String rootToken();

	@BeforeEach
	void connect() {
		this.raw = new RawVault(vaultUri());
		this.template = new VaultTemplate(VaultEndpoint.from(vaultUri()), new TokenAuthentication(rootToken()));
		this.kv = this.template.opsForVersionedKeyValue("secret");
		this.prefix = "conformance-" + UUID.randomUUID().toString().substring(0, 8) + "/";
	}

	@Test
	void putThenGetRoundTripsDataInTheStandardEnvelope() {
		String key = this.prefix + "round-trip";
		Versioned.Metadata written = this.kv.put(key, Map.of("client_id", "abc", "client_secret", "s3cr3t"));
		assertThat(written.getVersion().getVersion()).isEqualTo(1);

		RawVault.Response response = this.raw.get("secret/data/" + key, rootToken());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode body = response.json();
		assertThat(body.get("renewable").asBoolean()).isFalse();
		assertThat(body.get("lease_duration").asInt()).isZero();
		assertThat(body.has("wrap_info")).isTrue();
		assertThat(body.path("data").path("data").path("client_secret").asString()).isEqualTo("s3cr3t");
		JsonNode metadata = body.path("data").path("metadata");
		assertThat(metadata.path("created_time").asString()).matches(TIMESTAMP);
		assertThat(metadata.path("deletion_time").asString()).isEmpty();
		assertThat(metadata.path("destroyed").asBoolean()).isFalse();
		assertThat(metadata.path("version").asInt()).isEqualTo(1);
		assertThat(metadata.get("custom_metadata").isNull()).isTrue();

		Versioned<Map<String, Object>> read = this.kv.get(key);
		assertThat(read.getRequiredData()).containsEntry("client_id", "abc");
		assertThat(read.getVersion().getVersion()).isEqualTo(1);
	}

	@Test
	void casZeroTwiceFailsTheSecondTimeWithVaultsExactMessage() {
		String key = this.prefix + "cas-zero";
		this.kv.put(key, Versioned.create(Map.of("holder", "a")));
		assertThatExceptionOfType(VaultException.class)
			.isThrownBy(() -> this.kv.put(key, Versioned.create(Map.of("holder", "b"))))
			.withMessageContaining(CAS_MISMATCH);

		RawVault.Response raw = this.raw.post("secret/data/" + key, rootToken(), RawVault.data(Map.of("x", "y"), 0));
		assertThat(raw.status()).isEqualTo(400);
		assertThat(raw.text()).isEqualToIgnoringWhitespace("{\"errors\":[\"" + CAS_MISMATCH + "\"]}");
	}

	@Test
	void staleCasIsRejected() {
		String key = this.prefix + "stale";
		this.kv.put(key, Map.of("v", "1"));
		this.kv.put(key, Map.of("v", "2"));
		assertThatExceptionOfType(VaultException.class)
			.isThrownBy(() -> this.kv.put(key, Versioned.create(Map.of("v", "3"), Version.from(1))))
			.withMessageContaining(CAS_MISMATCH);
		assertThat(this.kv.put(key, Versioned.create(Map.of("v", "3"), Version.from(2))).getVersion().getVersion())
			.isEqualTo(3);
	}

	@Test
	void casOnAMissingKeyIsRejected() {
		RawVault.Response response = this.raw.post("secret/data/" + this.prefix + "missing", rootToken(),
				RawVault.data(Map.of("v", "1"), 3));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError()).isEqualTo(CAS_MISMATCH);
	}

	@Test
	void softDeletedLatestStillCountsForCas() {
		String key = this.prefix + "soft-deleted";
		this.kv.put(key, Map.of("v", "1"));
		assertThat(this.raw.send("DELETE", "secret/data/" + key, rootToken(), null, null).status()).isEqualTo(204);

		RawVault.Response deleted = this.raw.get("secret/data/" + key, rootToken());
		assertThat(deleted.status()).isEqualTo(404);
		assertThat(deleted.json().has("errors")).isFalse();
		assertThat(deleted.json().path("data").get("data").isNull()).isTrue();
		assertThat(deleted.json().path("data").path("metadata").path("deletion_time").asString()).matches(TIMESTAMP);
		Versioned<Map<String, Object>> read = this.kv.get(key);
		assertThat(read).isNotNull();
		assertThat(read.hasData()).isFalse();
		assertThat(read.getRequiredMetadata().getDeletedAt()).isNotNull();

		RawVault.Response casZero = this.raw.post("secret/data/" + key, rootToken(),
				RawVault.data(Map.of("v", "2"), 0));
		assertThat(casZero.status()).isEqualTo(400);
		assertThat(casZero.firstError()).isEqualTo(CAS_MISMATCH);
		RawVault.Response casOne = this.raw.post("secret/data/" + key, rootToken(), RawVault.data(Map.of("v", "2"), 1));
		assertThat(casOne.status()).isEqualTo(200);
		assertThat(casOne.json().path("data").path("version").asInt()).isEqualTo(2);
	}

	@Test
	void destroyedVersionReadsAsNotFoundWithDestroyedMetadata() {
		String key = this.prefix + "destroyed";
		this.kv.put(key, Map.of("v", "1"));
		assertThat(this.raw.post("secret/destroy/" + key, rootToken(), Map.of("versions", List.of(1))).status())
			.isEqualTo(204);
		RawVault.Response response = this.raw.get("secret/data/" + key, rootToken());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("data").path("metadata").path("destroyed").asBoolean()).isTrue();
		assertThat(response.text()).contains("deletion_time");
		Versioned<Map<String, Object>> read = this.kv.get(key);
		assertThat(read.hasData()).isFalse();
		assertThat(read.getRequiredMetadata().isDestroyed()).isTrue();
	}

	@Test
	void elevenWritesMoveOldestVersionAndEvictVersionOne() {
		String key = this.prefix + "eleven";
		for (int write = 1; write <= 11; write++) {
			this.kv.put(key, Map.of("write", Integer.toString(write)));
			int expectedOldest = (write < 10) ? 0 : write - 9;
			assertThat(metadata(key).path("oldest_version").asInt()).as("oldest after write %d", write)
				.isEqualTo(expectedOldest);
		}
		JsonNode metadata = metadata(key);
		assertThat(metadata.path("current_version").asInt()).isEqualTo(11);
		assertThat(metadata.path("versions").propertyNames()).hasSize(10).contains("2", "11").doesNotContain("1");

		RawVault.Response evicted = this.raw.get("secret/data/" + key + "?version=1", rootToken());
		assertThat(evicted.status()).isEqualTo(404);
		assertThat(evicted.text()).isEqualToIgnoringWhitespace("{\"errors\":[]}");
		assertThat(this.kv.get(key, Version.from(1))).isNull();
	}

	@Test
	void effectiveMaxVersionsIsTheLargerOfKeyAndMount() {
		String key = this.prefix + "max-versions";
		this.raw.post("secret/config", rootToken(), Map.of("max_versions", 5));
		try {
			this.raw.post("secret/metadata/" + key, rootToken(), Map.of("max_versions", 2));
			for (int write = 1; write <= 7; write++) {
				this.kv.put(key, Map.of("write", Integer.toString(write)));
			}
			JsonNode metadata = metadata(key);
			assertThat(metadata.path("max_versions").asInt()).isEqualTo(2);
			assertThat(metadata.path("versions").propertyNames()).containsExactlyInAnyOrder("3", "4", "5", "6", "7");
		}
		finally {
			this.raw.post("secret/config", rootToken(), Map.of("max_versions", 0));
		}
	}

	@Test
	void customMetadataWithSixtyFiveKeysIsRejectedAsOneMultierror() {
		Map<String, String> custom = new LinkedHashMap<>();
		for (int i = 0; i < 65; i++) {
			custom.put("k" + i, "v");
		}
		RawVault.Response response = this.raw.post("secret/metadata/" + this.prefix + "too-many", rootToken(),
				Map.of("custom_metadata", custom));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError()).isEqualTo(
				"1 error occurred:\n\t* custom_metadata validation failed: payload must contain at most 64 keys, provided 65\n\n");
	}

	@Test
	void springMetadataWriteWithoutCustomMetadataClearsIt() {
		String key = this.prefix + "custom";
		this.kv.put(key, Map.of("v", "1"));
		this.raw.post("secret/metadata/" + key, rootToken(),
				Map.of("custom_metadata", Map.of("managed-by", "genesys-secret-rotator")));
		VaultResponse before = this.template.read("secret/metadata/" + key);
		assertThat(before.getRequiredData().get("custom_metadata"))
			.isEqualTo(Map.of("managed-by", "genesys-secret-rotator"));
		assertThat(this.kv.get(key).getRequiredMetadata().getCustomMetadata()).containsKey("managed-by");

		this.kv.opsForKeyValueMetadata().put(key, VaultMetadataRequest.builder().build());
		VaultResponse after = this.template.read("secret/metadata/" + key);
		Object cleared = after.getRequiredData().get("custom_metadata");
		assertThat(cleared == null || ((Map<?, ?>) cleared).isEmpty()).as("custom_metadata %s", cleared).isTrue();
	}

	@Test
	void listingShowsFoldersWithSlashAndAnEmptyDirectoryIsNotFound() {
		this.kv.put(this.prefix + "app/a", Map.of("v", "1"));
		this.kv.put(this.prefix + "app/dir/b", Map.of("v", "1"));
		assertThat(this.kv.list(this.prefix + "app")).containsExactly("a", "dir/");
		RawVault.Response listVerb = this.raw.send("LIST", "secret/metadata/" + this.prefix + "app", rootToken(), null,
				null);
		assertThat(listVerb.status()).isEqualTo(200);
		assertThat(listVerb.json().path("data").path("keys").toString()).isEqualTo("[\"a\",\"dir/\"]");

		RawVault.Response empty = this.raw.get("secret/metadata/" + this.prefix + "empty/?list=true", rootToken());
		assertThat(empty.status()).isEqualTo(404);
		assertThat(empty.text()).isEqualToIgnoringWhitespace("{\"errors\":[]}");
		assertThat(this.kv.list(this.prefix + "empty")).isEmpty();
	}

	@Test
	void uiMountsPreflightDescribesKvVersionTwoOrRefuses() {
		RawVault.Response mount = this.raw.get("sys/internal/ui/mounts/secret/" + this.prefix + "x", rootToken());
		assertThat(mount.status()).isEqualTo(200);
		assertThat(mount.json().path("data").path("path").asString()).isEqualTo("secret/");
		assertThat(mount.json().path("data").path("options").path("version").asString()).isEqualTo("2");

		RawVault.Response unmounted = this.raw.get("sys/internal/ui/mounts/nowhere/x", rootToken());
		assertThat(unmounted.status()).isEqualTo(403);
		assertThat(unmounted.firstError()).startsWith("preflight capability check returned 403");
	}

	@Test
	void healthIsUnauthenticatedAndCarriesAllFields() {
		RawVault.Response response = this.raw.get("sys/health", null);
		assertThat(response.status()).isEqualTo(200);
		JsonNode health = response.json();
		assertThat(health.path("initialized").asBoolean()).isTrue();
		assertThat(health.path("sealed").asBoolean()).isFalse();
		assertThat(health.path("standby").asBoolean()).isFalse();
		assertThat(health.path("server_time_utc").isIntegralNumber()).isTrue();
		assertThat(health.has("performance_standby")).isTrue();
		assertThat(health.path("version").asString()).isNotEmpty();
		assertThat(this.raw.send("HEAD", "sys/health", null, null, null).text()).isEmpty();

		VaultHealth springHealth = this.template.opsForSys().health();
		assertThat(springHealth.isInitialized()).isTrue();
		assertThat(springHealth.isSealed()).isFalse();
	}

	@Test
	void lookupSelfDescribesTheRootToken() {
		RawVault.Response response = this.raw.get("auth/token/lookup-self", rootToken());
		assertThat(response.status()).isEqualTo(200);
		JsonNode data = response.json().path("data");
		assertThat(data.path("id").asString()).isEqualTo(rootToken());
		assertThat(data.path("policies").toString()).isEqualTo("[\"root\"]");
		assertThat(data.path("ttl").asLong()).isZero();
		assertThat(data.path("type").asString()).isEqualTo("service");
	}

	@Test
	void missingOrUnknownTokenIsForbiddenNeverUnauthorized() {
		RawVault.Response unknown = this.raw.get("secret/data/" + this.prefix + "x", "no-such-token");
		assertThat(unknown.status()).isEqualTo(403);
		assertThat(unknown.firstError()).contains("permission denied");
		RawVault.Response none = this.raw.get("secret/data/" + this.prefix + "x", null);
		assertThat(none.status()).isEqualTo(403);
		assertThat(none.firstError()).contains("permission denied");
	}

	@Test
	void patchMergesIntoANewVersionAndNeedsMergePatchContentType() {
		String key = this.prefix + "patched";
		this.kv.put(key, Map.of("a", "1", "b", "2"));
		RawVault.Response patched = this.raw.send("PATCH", "secret/data/" + key, rootToken(),
				Map.of("data", Map.of("b", "3")), "application/merge-patch+json");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().path("data").path("version").asInt()).isEqualTo(2);
		assertThat(this.kv.get(key).getRequiredData()).containsEntry("a", "1").containsEntry("b", "3");

		RawVault.Response wrongType = this.raw.send("PATCH", "secret/data/" + key, rootToken(),
				Map.of("data", Map.of("b", "4")), "application/json");
		assertThat(wrongType.status()).isEqualTo(415);
	}

	@Test
	void metadataPatchMergesCustomMetadataAndKeepsTheOtherSettings() {
		String key = this.prefix + "marked";
		this.kv.put(key, Map.of("a", "1"));
		this.raw.post("secret/metadata/" + key, rootToken(), Map.of("max_versions", 4, "cas_required", true,
				"delete_version_after", "1h", "custom_metadata", Map.of("owner", "team-a", "stale", "x")));
		Map<String, Object> custom = new LinkedHashMap<>();
		custom.put("managed-by", "genesys-secret-rotator");
		custom.put("stale", null);

		RawVault.Response patched = this.raw.send("PATCH", "secret/metadata/" + key, rootToken(),
				Map.of("custom_metadata", custom), "application/merge-patch+json");

		assertThat(patched.status()).isEqualTo(204);
		JsonNode metadata = metadata(key);
		assertThat(metadata.path("max_versions").asInt()).isEqualTo(4);
		assertThat(metadata.path("cas_required").asBoolean()).isTrue();
		assertThat(metadata.path("delete_version_after").asString()).isEqualTo("1h0m0s");
		assertThat(metadata.path("current_version").asInt()).as("a metadata patch adds no version").isEqualTo(1);
		assertThat(metadata.path("custom_metadata").propertyNames()).containsExactlyInAnyOrder("owner", "managed-by");
		assertThat(metadata.path("custom_metadata").path("managed-by").asString()).isEqualTo("genesys-secret-rotator");
		RawVault.Response missing = this.raw.send("PATCH", "secret/metadata/" + this.prefix + "missing", rootToken(),
				Map.of("custom_metadata", Map.of("k", "v")), "application/merge-patch+json");
		assertThat(missing.status()).isEqualTo(404);
	}

	@Test
	void kvVersionOnePathsGetTheInvalidPathWarning() {
		RawVault.Response response = this.raw.get("secret/" + this.prefix + "x", rootToken());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("warnings").path(0).asString())
			.startsWith("Invalid path for a versioned K/V secrets engine")
			.endsWith("use 'vault kv get' for this operation.");
	}

	@Test
	void policyTokensSeeOnlyTheirPathsAndCapabilitiesSelfAgrees() {
		String policyName = "conformance-" + UUID.randomUUID().toString().substring(0, 8);
		String policy = "path \"secret/data/" + this.prefix
				+ "app/*\" { capabilities = [\"create\", \"read\", \"update\"] }\n" + "path \"secret/metadata/"
				+ this.prefix + "app/*\" { capabilities = [\"read\", \"list\"] }\n";
		assertThat(this.raw.post("sys/policies/acl/" + policyName, rootToken(), Map.of("policy", policy)).status())
			.isEqualTo(204);
		RawVault.Response created = this.raw.post("auth/token/create", rootToken(),
				Map.of("policies", List.of(policyName), "ttl", "1h"));
		assertThat(created.status()).isEqualTo(200);
		String token = created.json().path("auth").path("client_token").asString();

		assertThat(this.raw.post("secret/data/" + this.prefix + "app/one", token, RawVault.data(Map.of("v", "1"), 0))
			.status()).isEqualTo(200);
		assertThat(this.raw.get("secret/data/" + this.prefix + "app/one", token).status()).isEqualTo(200);
		RawVault.Response outside = this.raw.get("secret/data/" + this.prefix + "other", token);
		assertThat(outside.status()).isEqualTo(403);
		assertThat(outside.firstError()).contains("permission denied");
		assertThat(this.raw.send("DELETE", "secret/data/" + this.prefix + "app/one", token, null, null).status())
			.isEqualTo(403);

		String allowed = "secret/data/" + this.prefix + "app/one";
		RawVault.Response capabilities = this.raw.post("sys/capabilities-self", token,
				Map.of("paths", List.of(allowed, "secret/data/elsewhere")));
		JsonNode data = capabilities.json().path("data");
		assertThat(data.path(allowed).toString()).isEqualTo("[\"create\",\"read\",\"update\"]");
		assertThat(data.path("secret/data/elsewhere").toString()).isEqualTo("[\"deny\"]");
		RawVault.Response rootCapabilities = this.raw.post("sys/capabilities-self", rootToken(),
				Map.of("paths", List.of(allowed)));
		assertThat(rootCapabilities.json().path("data").path("capabilities").toString()).isEqualTo("[\"root\"]");
	}

	@Test
	void seedingHelperWritesDataAndCustomMetadata() {
		String key = this.prefix + "seeded";
		int version = VaultSeeding.putSecret(vaultUri(), rootToken(), "secret", key, Map.of("client_id", "abc"),
				Map.of("managed-by", "genesys-secret-rotator", "credential", "main"));
		assertThat(version).isEqualTo(1);
		Versioned<Map<String, Object>> read = this.kv.get(key);
		assertThat(read.getRequiredData()).containsEntry("client_id", "abc");
		assertThat(read.getRequiredMetadata().getCustomMetadata()).containsEntry("managed-by", "genesys-secret-rotator")
			.containsEntry("credential", "main");
	}

	private JsonNode metadata(String key) {
		RawVault.Response response = this.raw.get("secret/metadata/" + key, rootToken());
		assertThat(response.status()).isEqualTo(200);
		return response.json().path("data");
	}

}
