package io.github.genesysrotator.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.IssuedSecrets;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on the sandbox, driven over HTTP as a user would: the demo token, the
 * demo credentials, the Vault and Genesys simulators.
 */
@SandboxServiceTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class CredentialsApiIntegrationTests {

	@Autowired
	private Sandbox sandbox;

	private final HttpClient http = HttpClient.newHttpClient();

	private SandboxConsumer consumer;

	private final List<String> bodies = new ArrayList<>();

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@BeforeEach
	void resetWorld() {
		this.consumer = new SandboxConsumer(this.sandbox);
	}

	@Test
	void demoTokenRotatesTheDualCredentialAndConsumersGetTheStandby() throws Exception {
		HttpResponse<String> rotation = send("POST", "/api/v1/credentials/demo-dual/rotations", Sandbox.API_TOKEN);

		assertThat(rotation.statusCode()).isEqualTo(200);
		assertThat(rotation.body()).contains("\"outcome\"").contains(Sandbox.DUAL_B_ID);
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();

		HttpResponse<String> again = send("POST", "/api/v1/credentials/demo-dual/rotations", Sandbox.API_TOKEN);
		assertThat(again.statusCode()).isEqualTo(429);
		assertThat(again.headers().firstValue("Retry-After")).isPresent();
		assertThat(again.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		HttpResponse<String> history = send("GET", "/api/v1/credentials/demo-dual/rotations", Sandbox.API_TOKEN);
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(history.body()).contains(Sandbox.DUAL_B_ID);

		HttpResponse<String> status = send("GET", "/api/v1/credentials/demo-dual", Sandbox.API_TOKEN);
		assertThat(status.body()).contains("\"activeClientId\":\"" + Sandbox.DUAL_B_ID + "\"");
		assertNoSecretInResponses();
	}

	@Test
	void singleRotationOverTheApiKillsTheOldSecret() throws Exception {
		SandboxConsumer.Published before = this.consumer.read(Sandbox.SINGLE_PATH);
		HttpResponse<String> rotation = send("POST", "/api/v1/credentials/demo-single/rotations", Sandbox.API_TOKEN);

		assertThat(rotation.statusCode()).isEqualTo(200);
		assertThat(rotation.body()).contains("exposureWindow");
		assertThat(this.consumer.tokenWorks(before.clientId(), before.secret())).isFalse();
		assertThat(this.consumer.authenticates(Sandbox.SINGLE_PATH)).isTrue();
		assertNoSecretInResponses();
	}

	@Test
	void requestsWithoutAValidTokenAreRejectedAndChangeNothing() throws Exception {
		assertThat(send("POST", "/api/v1/credentials/demo-dual/rotations", null).statusCode()).isEqualTo(401);
		assertThat(send("POST", "/api/v1/credentials/demo-dual/rotations", "wrong-token").statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/v1/credentials/nope", Sandbox.API_TOKEN).statusCode()).isEqualTo(404);
		assertThat(this.sandbox.genesys().observations().regenerationCounts().values()).allMatch((count) -> count == 0);
	}

	@Test
	void pathsTomcatRefusesBeforeSpringStillGetAProblemThatEchoesNothing() throws Exception {
		for (String path : List.of("/api/v1/credentials/demo%2Fdual", "/api/v1/credentials/demo%00dual",
				"/api/v1/credentials/%C0%AE%C0%AE")) {
			HttpResponse<String> refused = send("GET", path, Sandbox.API_TOKEN);

			assertThat(refused.statusCode()).as(path).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.body()).as(path)
				.contains("\"type\":\"" + ProblemTypes.BASE + ProblemTypes.INVALID_REQUEST + "\"")
				.contains("\"status\":400")
				.doesNotContain("demo", "%", "Tomcat", "<html");
		}
	}

	@Test
	void apiPortAnswersTheProbesWithoutATokenAndNothingMore() throws Exception {
		for (String probe : List.of("/livez", "/readyz")) {
			HttpResponse<String> response = send("GET", probe, null);
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
			IssuedSecrets.assertClean(probe, response.body(), this.sandbox.vaultToken());
		}
		assertThat(send("GET", "/actuator/health", null).statusCode()).as("no actuator on the API port").isIn(401, 404);
		assertThat(send("GET", "/api/v1/credentials", null).statusCode()).isEqualTo(401);
	}

	@Test
	void managementPortServesHealthInfoAndPrometheus() throws Exception {
		HttpResponse<String> health = management("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		HttpResponse<String> prometheus = management("/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		HttpResponse<String> info = management("/actuator/info");
		assertThat(info.statusCode()).isEqualTo(200);
		IssuedSecrets.assertClean("health", health.body(), this.sandbox.vaultToken());
		IssuedSecrets.assertClean("prometheus", prometheus.body(), this.sandbox.vaultToken());
		IssuedSecrets.assertClean("info", info.body(), this.sandbox.vaultToken());
	}

	@Test
	void healthShowsItsDetailsOnlyToAReaderWithAToken() throws Exception {
		HttpResponse<String> anonymous = management("/actuator/health");
		HttpResponse<String> readiness = management("/actuator/health/readiness");
		HttpRequest withToken = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/health"))
			.header("Authorization", "Bearer " + Sandbox.API_TOKEN)
			.build();
		HttpResponse<String> reader = this.http.send(withToken, HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "demo");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details");
		assertThat(reader.statusCode()).isEqualTo(200);
		assertThat(reader.body()).contains("\"components\"", "\"rotation\"", "\"genesys\"", "\"vault\"");
		IssuedSecrets.assertClean("health", reader.body(), this.sandbox.vaultToken());
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, env", "GET, env/spring.cloud.vault.token", "GET, configprops", "GET, beans", "GET, heapdump",
			"GET, threaddump", "GET, loggers", "POST, loggers/ROOT", "GET, mappings", "POST, shutdown", "GET, metrics",
			"GET, scheduledtasks", "GET, conditions", "GET, caches", "GET, sbom" })
	void managementPortHidesEveryOtherEndpointEvenFromAnApiToken(String method, String endpoint) throws Exception {
		for (String token : new String[] { null, Sandbox.API_TOKEN }) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/" + endpoint))
				.method(method, HttpRequest.BodyPublishers.noBody());
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s /actuator/%s with token %s", method, endpoint, token != null)
				.isIn(401, 404);
			IssuedSecrets.assertClean(endpoint, response.body(), this.sandbox.vaultToken());
		}
	}

	@Test
	void orgCoverageNamesTheCredentialManagingEachClientAndNoSecret() throws Exception {
		HttpResponse<String> coverage = send("GET", "/api/v1/orgs/" + Sandbox.ORG + "/clients", Sandbox.API_TOKEN);

		assertThat(coverage.statusCode()).isEqualTo(200);
		JsonNode clients = JsonMapper.builder().build().readTree(coverage.body());
		Map<String, String> managedBy = new HashMap<>();
		clients.forEach((client) -> managedBy.put(client.path("id").asString(),
				client.path("managedBy").isNull() ? "(none)" : client.path("managedBy").asString()));
		assertThat(managedBy).containsEntry(Sandbox.DUAL_A_ID, Sandbox.DUAL)
			.containsEntry(Sandbox.DUAL_B_ID, Sandbox.DUAL)
			.containsEntry(Sandbox.SINGLE_ID, Sandbox.SINGLE)
			.containsEntry(Sandbox.DATA_ACTIONS_A_ID, Sandbox.DATA_ACTIONS)
			.containsEntry(Sandbox.DATA_ACTIONS_B_ID, Sandbox.DATA_ACTIONS)
			.containsEntry(Sandbox.ADMIN_ID, "(none)");
		clients.forEach((client) -> assertThat(client.path("grantType").asString()).isNotEmpty());
		assertThat(send("GET", "/api/v1/orgs/nowhere/clients", Sandbox.API_TOKEN).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/v1/orgs/" + Sandbox.ORG + "/clients", null).statusCode()).isEqualTo(401);
		assertNoSecretInResponses();

		String metrics = management("/actuator/prometheus").body();
		long unmanaged = managedBy.values().stream().filter("(none)"::equals).count();
		assertThat(metrics).contains("rotator_org_oauth_clients{managed=\"true\",org=\"" + Sandbox.ORG + "\"} 5.0")
			.containsPattern("rotator_org_oauth_clients\\{managed=\"false\",org=\"" + Sandbox.ORG + "\"\\} [1-9]");
		assertThat(unmanaged).isPositive();
	}

	private void assertNoSecretInResponses() {
		IssuedSecrets.assertClean("API responses", String.join("\n", this.bodies), this.sandbox.vaultToken());
	}

	private HttpResponse<String> send(String method, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		this.bodies.add(response.headers().map() + "\n" + response.body());
		return response;
	}

	private HttpResponse<String> management(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
