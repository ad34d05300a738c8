package io.github.genesysrotator.sandbox.vault;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.VaultHealth;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What only the simulator can do: seal, faults, a controllable clock, logins,
 * observation.
 */
class VaultSimulatorTests {

	private final MutableClock clock = MutableClock.at(Instant.parse("2026-05-01T10:00:00.123456789Z"));

	private VaultSimulator vault;

	private RawVault raw;

	@BeforeEach
	void start() {
		this.vault = VaultSimulator.builder().clock(this.clock).build().start();
		this.raw = new RawVault(this.vault.uri());
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	@Test
	void sealedVaultRefusesRequestsButStillReportsHealth() {
		this.vault.seal();
		RawVault.Response data = this.raw.get("secret/data/x", this.vault.rootToken());
		assertThat(data.status()).isEqualTo(503);
		assertThat(data.text()).isEqualToIgnoringWhitespace("{\"errors\":[\"Vault is sealed\"]}");
		RawVault.Response health = this.raw.get("sys/health", null);
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.json().path("sealed").asBoolean()).isTrue();
		assertThat(health.json().has("cluster_name")).isFalse();

		VaultHealth springHealth = template(this.vault.rootToken()).opsForSys().health();
		assertThat(springHealth.isSealed()).isTrue();

		this.vault.unseal();
		assertThat(this.raw.get("sys/health", null).status()).isEqualTo(200);
	}

	@Test
	void healthStatusFollowsStateAndQueryOverrides() {
		this.vault.standby(true);
		assertThat(this.raw.get("sys/health", null).status()).isEqualTo(429);
		assertThat(this.raw.get("sys/health?standbyok=true", null).status()).isEqualTo(200);
		assertThat(this.raw.get("sys/health?standbycode=200", null).status()).isEqualTo(200);
		assertThat(this.raw.get("sys/health?standbycode=abc", null).status()).isEqualTo(400);
		this.vault.initialized(false);
		RawVault.Response uninitialised = this.raw.get("sys/health", null);
		assertThat(uninitialised.status()).isEqualTo(501);
		assertThat(uninitialised.json().path("initialized").asBoolean()).isFalse();
	}

	@Test
	void statusFaultAppliesExactlyNTimes() {
		this.vault.faults().add(FaultRule.status("POST", "/v1/secret/data/*", 503, "overloaded", 2));
		Map<String, Object> body = RawVault.data(Map.of("v", "1"));
		assertThat(this.raw.post("secret/data/a", this.vault.rootToken(), body).firstError()).isEqualTo("overloaded");
		assertThat(this.raw.post("secret/data/a", this.vault.rootToken(), body).status()).isEqualTo(503);
		assertThat(this.raw.post("secret/data/a", this.vault.rootToken(), body).status()).isEqualTo(200);
	}

	@Test
	void resetFaultDropsTheConnection() {
		// POST, because java.net.http silently retries an idempotent GET once on a reset.
		this.vault.faults().add(FaultRule.reset("POST", "/v1/secret/*", 1));
		Map<String, Object> body = RawVault.data(Map.of("v", "1"));
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.raw.post("secret/data/a", this.vault.rootToken(), body));
		assertThat(this.vault.requests().all()).extracting(RecordedRequest::status).containsExactly(-1);
		assertThat(this.raw.post("secret/data/a", this.vault.rootToken(), body).status()).isEqualTo(200);
	}

	@Test
	void timeoutFaultNeverAnswers() {
		this.vault.faults().add(FaultRule.timeout(null, "/v1/secret/*", 1));
		RawVault impatient = new RawVault(this.vault.uri(), Duration.ofMillis(300));
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> impatient.get("secret/data/a", this.vault.rootToken()))
			.withCauseInstanceOf(HttpTimeoutException.class);
	}

	@Test
	void adminEndpointInstallsFaultsAndSeals() {
		RawVault admin = new RawVault(this.vault.uri().resolve("/__sim/x"));
		assertThat(send(admin, "POST", "faults", Map.of("type", "status", "method", "GET", "path", "/v1/secret/*",
				"status", 429, "message", "slow down", "times", 1)))
			.isEqualTo(204);
		assertThat(this.raw.get("secret/data/a", this.vault.rootToken()).status()).isEqualTo(429);
		assertThat(send(admin, "POST", "seal", null)).isEqualTo(204);
		assertThat(this.raw.get("secret/data/a", this.vault.rootToken()).status()).isEqualTo(503);
		assertThat(send(admin, "POST", "reset", null)).isEqualTo(204);
		assertThat(this.raw.get("secret/data/a", this.vault.rootToken()).status()).isEqualTo(404);
	}

	@Test
	void deleteVersionAfterMakesAVersionUnreadableOnceTheClockPassesIt() {
		this.raw.post("secret/metadata/lease", this.vault.rootToken(), Map.of("delete_version_after", "60s0ns"));
		RawVault.Response written = this.raw.post("secret/data/lease", this.vault.rootToken(),
				RawVault.data(Map.of("holder", "a"), 0));
		assertThat(written.json().path("data").path("deletion_time").asString())
			.isEqualTo("2026-05-01T10:01:00.123456789Z");
		assertThat(this.raw.get("secret/data/lease", this.vault.rootToken()).status()).isEqualTo(200);

		this.clock.advance(Duration.ofSeconds(61));
		RawVault.Response expired = this.raw.get("secret/data/lease", this.vault.rootToken());
		assertThat(expired.status()).isEqualTo(404);
		assertThat(expired.json().path("data").path("metadata").path("version").asInt()).isEqualTo(1);
		assertThat(this.raw.post("secret/data/lease", this.vault.rootToken(), RawVault.data(Map.of("holder", "b"), 1))
			.status()).isEqualTo(200);
		assertThat(this.raw.get("secret/metadata/lease", this.vault.rootToken())
			.json()
			.path("data")
			.path("delete_version_after")
			.asString()).isEqualTo("1m0s");
	}

	@Test
	void tokensExpireOnTheClockAndRenewSelfExtendsThem() {
		SimToken token = this.vault.createToken(List.of("default"), Duration.ofMinutes(1), true);
		JsonNode lookup = this.raw.get("auth/token/lookup-self", token.id()).json().path("data");
		assertThat(lookup.path("ttl").asLong()).isEqualTo(60);
		assertThat(lookup.path("renewable").asBoolean()).isTrue();

		this.clock.advance(Duration.ofSeconds(50));
		RawVault.Response renewed = this.raw.post("auth/token/renew-self", token.id(), Map.of());
		assertThat(renewed.json().path("auth").path("client_token").asString()).isEqualTo(token.id());
		assertThat(renewed.json().path("auth").path("lease_duration").asLong()).isEqualTo(60);

		this.clock.advance(Duration.ofSeconds(61));
		RawVault.Response expired = this.raw.get("auth/token/lookup-self", token.id());
		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.firstError()).contains("permission denied").contains("invalid token");
	}

	@Test
	void revokeSelfInvalidatesTheToken() {
		String token = this.vault.createToken("default");
		assertThat(this.raw.post("auth/token/revoke-self", token, null).status()).isEqualTo(204);
		assertThat(this.raw.get("auth/token/lookup-self", token).status()).isEqualTo(403);
	}

	@Test
	void loginsIssueTokensWithTheRolePoliciesAndDocumentedErrors() {
		this.vault.putPolicy("reader", "path \"secret/data/app\" { capabilities = [\"read\"] }");
		this.vault.kubernetesRole("rotator", List.of("reader"), Duration.ofHours(1), "good-jwt");
		this.vault.appRole("role-1", "secret-1", List.of("reader"), Duration.ofHours(1));
		this.vault.seed("secret", "app", Map.of("k", "v"), Map.of("managed-by", "genesys-secret-rotator"));

		RawVault.Response kube = this.raw.post("auth/kubernetes/login", null,
				Map.of("role", "rotator", "jwt", "good-jwt"));
		String kubeToken = kube.json().path("auth").path("client_token").asString();
		assertThat(this.raw.get("secret/data/app", kubeToken).status()).isEqualTo(200);
		assertThat(this.raw.post("auth/kubernetes/login", null, Map.of("role", "nope", "jwt", "x")).firstError())
			.isEqualTo("invalid role name \"nope\"");
		assertThat(this.raw.post("auth/kubernetes/login", null, Map.of("role", "rotator", "jwt", "bad")).status())
			.isEqualTo(403);
		assertThat(this.raw.post("auth/kubernetes/login", null, Map.of("role", "rotator")).firstError())
			.isEqualTo("missing jwt");

		RawVault.Response appRole = this.raw.post("auth/approle/login", null,
				Map.of("role_id", "role-1", "secret_id", "secret-1"));
		assertThat(appRole.json().path("auth").path("token_policies").toString()).isEqualTo("[\"reader\"]");
		assertThat(this.raw.post("auth/approle/login", null, Map.of("role_id", "role-1", "secret_id", "wrong"))
			.firstError()).isEqualTo("invalid role or secret ID");
	}

	@Test
	void segmentWildcardPoliciesAndDenyFollowVaultRules() {
		this.vault.putPolicy("apps", """
				path "secret/data/+/config" { capabilities = ["read"] }
				path "secret/data/team/*" { capabilities = ["read", "create"] }
				path "secret/data/team/locked" { capabilities = ["deny"] }
				""");
		String token = this.vault.createToken("apps");
		this.vault.seed("secret", "one/config", Map.of("k", "v"), Map.of());
		this.vault.seed("secret", "team/locked", Map.of("k", "v"), Map.of());
		this.vault.seed("secret", "team/open", Map.of("k", "v"), Map.of());
		assertThat(this.raw.get("secret/data/one/config", token).status()).isEqualTo(200);
		assertThat(this.raw.get("secret/data/one/two/config", token).status()).isEqualTo(403);
		assertThat(this.raw.get("secret/data/team/open", token).status()).isEqualTo(200);
		assertThat(this.raw.get("secret/data/team/locked", token).status()).isEqualTo(403);
		RawVault.Response preflight = this.raw.get("sys/internal/ui/mounts/secret/team/open", token);
		assertThat(preflight.status()).isEqualTo(200);
	}

	@Test
	void requestLogRecordsMethodPathStatusAndToken() {
		this.raw.get("sys/health", null);
		this.raw.get("secret/data/missing", this.vault.rootToken());
		assertThat(this.vault.requests().all())
			.extracting(RecordedRequest::path, RecordedRequest::status, RecordedRequest::hadToken)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("/v1/sys/health", 200, false),
					org.assertj.core.groups.Tuple.tuple("/v1/secret/data/missing", 404, true));
		this.vault.reset();
		assertThat(this.vault.requests().all()).isEmpty();
	}

	@Test
	void bearerTokenAndEmptyNamespaceAreAccepted() {
		this.vault.seed("secret", "a b", Map.of("k", "v"), Map.of());
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		java.net.http.HttpRequest request = java.net.http.HttpRequest
			.newBuilder(this.vault.uri().resolve("/v1/secret/data/a%20b"))
			.header("Authorization", "Bearer " + this.vault.rootToken())
			.header("X-Vault-Namespace", "")
			.build();
		int status = sendQuietly(client, request);
		assertThat(status).isEqualTo(200);
	}

	@Test
	void customMetadataLimitsCollectEveryFailure() {
		RawVault.Response response = this.raw.post("secret/metadata/x", this.vault.rootToken(),
				Map.of("custom_metadata", Map.of("k".repeat(129), "v", "empty", "")));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError()).startsWith("2 errors occurred:\n")
			.contains("length of key \"" + "k".repeat(129) + "\" is 129 but must be 0 < len(key) <= 128")
			.contains("length of value for key \"empty\" is 0 but must be 0 < len(value) <= 512");
	}

	@Test
	void goDurationsParseSpringAndVaultForms() {
		assertThat(GoDurations.parse("0s0ns")).isZero();
		assertThat(GoDurations.parse("3600s0ns")).isEqualTo(Duration.ofHours(1));
		assertThat(GoDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(GoDurations.parse("90")).isEqualTo(Duration.ofSeconds(90));
		assertThat(GoDurations.format(Duration.ofSeconds(12319))).isEqualTo("3h25m19s");
		assertThat(GoDurations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
		assertThat(Envelopes.timestamp(Instant.parse("2026-05-01T10:00:00.100Z"))).isEqualTo("2026-05-01T10:00:00.1Z");
	}

	private VaultTemplate template(String token) {
		return new VaultTemplate(VaultEndpoint.from(this.vault.uri()), new TokenAuthentication(token));
	}

	private static int send(RawVault admin, String method, String route, Object body) {
		return admin.sendAbsolute(method, route, body);
	}

	private static int sendQuietly(java.net.http.HttpClient client, java.net.http.HttpRequest request) {
		try {
			return client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
