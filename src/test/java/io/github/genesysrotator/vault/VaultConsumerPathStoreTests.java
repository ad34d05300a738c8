package io.github.genesysrotator.vault;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.genesysrotator.rotation.ClientSecret;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.ErrorCode;
import io.github.genesysrotator.rotation.OrgEndpoints;
import io.github.genesysrotator.rotation.Publication;
import io.github.genesysrotator.rotation.PublicationConflictException;
import io.github.genesysrotator.rotation.RotationException;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.sandbox.vault.VaultSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.SimpleSessionManager;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.ClientHttpRequestFactoryFactory;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.ClientOptions;
import org.springframework.vault.support.SslConfiguration;
import org.springframework.vault.support.Versioned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The consumer-path adapter against the Vault simulator over HTTP: what it leaves in the
 * key's metadata, how it writes under {@code cas_required}, the chart's policy, and how
 * Vault's answers become the rotation's errors.
 */
class VaultConsumerPathStoreTests {

	private static final String PATH = "genesys/billing-bot";

	private static final String METADATA = "secret/metadata/" + PATH;

	private static final Path CHART_POLICY = Path.of(System.getProperty("basedir", ""))
		.toAbsolutePath()
		.resolve("helm/genesys-secret-rotator/files/vault/rotator-policy.hcl");

	private static VaultSimulator vault;

	private VaultTemplate root;

	@BeforeAll
	static void startVault() {
		vault = VaultSimulator.builder().build().start();
	}

	@AfterAll
	static void stopVault() {
		vault.close();
	}

	@BeforeEach
	void resetVault() {
		vault.reset();
		this.root = template(vault.rootToken());
	}

	@Test
	void theOwnershipMarkLeavesTheOperatorsMetadataSettingsAsTheyWere() {
		int seeded = vault.seed("secret", PATH, Map.of("client_id", "a"), Map.of("owner", "team-billing"));
		this.root.write(METADATA, Map.of("max_versions", 3, "cas_required", true, "delete_version_after", "720h"));

		store(vault.rootToken()).publish(publication("b"), seeded);

		Map<String, Object> metadata = this.root.read(METADATA).getRequiredData();
		assertThat(metadata).containsEntry("max_versions", 3)
			.containsEntry("cas_required", true)
			.containsEntry("delete_version_after", "720h0m0s");
		assertThat(metadata.get("custom_metadata")).isEqualTo(
				Map.of("owner", "team-billing", "managed-by", "genesys-secret-rotator", "credential", "billing-bot"));
	}

	@Test
	void publishesUnderCasRequiredOnTheKeyAndOnTheMount() {
		int seeded = vault.seed("secret", PATH, Map.of("client_id", "a"), Map.of());
		this.root.write(METADATA, Map.of("cas_required", true));
		VaultConsumerPathStore store = store(vault.rootToken());

		long first = store.publish(publication("b"), seeded);
		long second = store.publish(publication("a"), first);

		assertThat(second).isEqualTo(seeded + 2);
		assertThat(store.read(PATH).orElseThrow().clientId()).isEqualTo("a");
		vault.configureMount("secret", 0, true, Duration.ZERO);
		Publication newPath = new Publication("genesys/new-bot", "new-bot", "c", ClientSecret.of("s3cret-new"),
				endpoints(), Instant.now(), "rotation-c", Instant.now().plus(Duration.ofDays(30)));
		assertThat(store.publish(newPath, 0)).as("first version of a new path under a CAS-only mount").isEqualTo(1);
	}

	@Test
	void theChartsPolicyAllowsEverythingThePublicationDoes() throws IOException {
		vault.putPolicy("genesys-secret-rotator", Files.readString(CHART_POLICY));
		String token = vault.createToken("genesys-secret-rotator");
		int seeded = vault.seed("secret", PATH, Map.of("client_id", "a"), Map.of());
		VaultConsumerPathStore store = store(token);

		assertThat(store.canWrite(PATH)).isTrue();
		store.publish(publication("b"), seeded);

		assertThat(store.read(PATH).orElseThrow().managed()).isTrue();
	}

	@Test
	void aLostCheckAndSetRaceIsAPublicationConflict() {
		int seeded = vault.seed("secret", PATH, Map.of("client_id", "a"), Map.of());

		assertThatExceptionOfType(PublicationConflictException.class)
			.isThrownBy(() -> store(vault.rootToken()).publish(publication("b"), seeded - 1));
	}

	@Test
	void errorsAreReadFromVaultsHttpAnswerNotFromTheExceptionMessage() {
		int seeded = vault.seed("secret", PATH, Map.of("client_id", "a"), Map.of());
		VaultException casMismatch = catchThrowableOfType(VaultException.class,
				() -> this.root.opsForVersionedKeyValue("secret")
					.put(PATH, Versioned.create(Map.of("client_id", "b"), Versioned.Version.from(seeded + 1))));
		VaultException forbidden = catchThrowableOfType(VaultException.class,
				() -> template("not-a-token").opsForVersionedKeyValue("secret").get(PATH));
		VaultException rewordedCas = new VaultException("Vault said no", casMismatch.getCause());
		VaultException rewordedForbidden = new VaultException("Vault said no", forbidden.getCause());

		assertThat(VaultErrors.isCasMismatch(casMismatch)).isTrue();
		assertThat(VaultErrors.isCasMismatch(rewordedCas)).isTrue();
		assertThat(VaultErrors.isCasMismatch(rewordedForbidden)).isFalse();
		RotationException translated = VaultErrors.translate("read", rewordedForbidden);
		assertThat(translated).isInstanceOfSatisfying(DependencyRejectedException.class,
				(rejected) -> assertThat(rejected.status()).isEqualTo(403));
		assertThat(translated.errorCode()).isEqualTo(ErrorCode.VAULT_REJECTED);
	}

	private static VaultConsumerPathStore store(String token) {
		return new VaultConsumerPathStore(template(token),
				new KvPaths(new RotatorProperties.Vault("secret", "genesys-rotator/state")));
	}

	/** Built as Spring Cloud Vault builds the service's: its HTTP client can PATCH. */
	private static VaultTemplate template(String token) {
		return new VaultTemplate(VaultEndpoint.from(vault.uri()),
				ClientHttpRequestFactoryFactory.create(new ClientOptions(), SslConfiguration.unconfigured()),
				new SimpleSessionManager(new TokenAuthentication(token)));
	}

	private static Publication publication(String clientId) {
		return new Publication(PATH, "billing-bot", clientId, ClientSecret.of("s3cret-" + clientId), endpoints(),
				Instant.now(), "rotation-" + clientId, Instant.now().plus(Duration.ofDays(30)));
	}

	private static OrgEndpoints endpoints() {
		return new OrgEndpoints("us_east_1", URI.create("https://api.mypurecloud.com"),
				URI.create("https://login.mypurecloud.com"));
	}

}
