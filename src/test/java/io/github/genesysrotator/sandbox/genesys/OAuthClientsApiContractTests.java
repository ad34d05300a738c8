package io.github.genesysrotator.sandbox.genesys;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthClientsApiContractTests {

	private static final String CLIENTS = "/api/v2/oauth/clients";

	private GenesysSimulator simulator;

	private SimHttpClient http;

	private OrgHandle org;

	private SeededClient consumer;

	private String adminToken;

	@BeforeEach
	void start() {
		start(GenesysSimulatorOptions.defaults());
	}

	private void start(GenesysSimulatorOptions options) {
		this.simulator = GenesysSimulator.start(options);
		this.http = new SimHttpClient(this.simulator.baseUrl());
		this.org = this.simulator.createOrg("acme");
		this.consumer = this.org.createClient("consumer", GrantType.CLIENT_CREDENTIALS,
				this.org.createRole(List.of("analytics:conversationDetail:view")));
		SeededClient admin = this.org.createClientWithPermissions("rotator", OAuthPermission.values());
		this.adminToken = this.http.accessToken(admin);
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void getReturnsClientWithoutSecret() {
		HttpResponse<String> response = this.http.get(CLIENTS + "/" + this.consumer.id(), this.adminToken);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ININ-Correlation-Id")).isPresent();
		JsonFixtures.assertMatches(response.body(), "oauth-client.json");
		JsonNode client = SimHttpClient.json(response);
		assertThat(client.get("id").stringValue()).isEqualTo(this.consumer.id());
		assertThat(client.get("selfUri").stringValue()).isEqualTo(CLIENTS + "/" + this.consumer.id());
		assertThat(response.body()).doesNotContain(this.consumer.secret());
	}

	@Test
	void listReturnsOnePageOfTheOrgsClientsWithoutSecrets() {
		this.simulator.createOrg("other").createClient("foreign", GrantType.CLIENT_CREDENTIALS);

		HttpResponse<String> response = this.http.get(CLIENTS, this.adminToken);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonFixtures.assertMatches(response.body(), "oauth-client-listing.json");
		JsonNode listing = SimHttpClient.json(response);
		assertThat(listing.get("total").intValue()).isEqualTo(2);
		assertThat(listing.get("entities").valueStream().map((client) -> client.get("name").stringValue()))
			.containsExactly("consumer", "rotator");
		assertThat(listing.get("entities").valueStream()).noneMatch((client) -> client.has("secret"));
	}

	@Test
	void createReturns200WithSecretThatMintsTokens() {
		HttpResponse<String> response = this.http.post(CLIENTS, this.adminToken, """
				{"name":"created-by-api","description":"made over HTTP","authorizedGrantType":"CLIENT-CREDENTIALS",
				 "accessTokenValiditySeconds":3600,"roleDivisions":[{"roleId":"%s","divisionId":"*"}]}
				""".formatted(this.org.createRole(OAuthPermission.VIEW)));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonFixtures.assertMatches(response.body(), "oauth-client-created.json");
		JsonNode created = SimHttpClient.json(response);
		SeededClient credentials = new SeededClient(created.get("id").stringValue(),
				created.get("secret").stringValue());
		HttpResponse<String> token = this.http.token(credentials);
		assertThat(SimHttpClient.json(token).get("expires_in").intValue()).isEqualTo(3599);
		assertThat(this.simulator.observations().issuedSecrets()).contains(credentials.secret());
	}

	@Test
	void createValidatesRequiredFieldsAndValidityRange() {
		List<String> invalidBodies = List.of("{\"authorizedGrantType\":\"CLIENT-CREDENTIALS\"}", "{\"name\":\"x\"}",
				"{\"name\":\"x\",\"authorizedGrantType\":\"CLIENT_CREDENTIALS\"}",
				"{\"name\":\"x\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\",\"accessTokenValiditySeconds\":299}",
				"{\"name\":\"x\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\",\"accessTokenValiditySeconds\":172801}",
				"not json");

		for (String body : invalidBodies) {
			HttpResponse<String> response = this.http.post(CLIENTS, this.adminToken, body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			JsonFixtures.assertMatches(response.body(), "error-bad-request.json");
		}
	}

	@Test
	void putReplacesTheWholeClientAndReturnsNoSecret() {
		HttpResponse<String> response = this.http.put(CLIENTS + "/" + this.consumer.id(), this.adminToken, """
				{"name":"renamed","authorizedGrantType":"CLIENT-CREDENTIALS","roleDivisions":[],"state":"active"}
				""");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode client = SimHttpClient.json(response);
		assertThat(client.get("name").stringValue()).isEqualTo("renamed");
		assertThat(client.get("roleDivisions")).isEmpty();
		assertThat(client.has("secret")).isFalse();
		assertThat(client.get("modifiedBy").get("name").stringValue()).isEqualTo("rotator");
		assertThat(this.http.token(this.consumer).statusCode()).as("secret unchanged by PUT").isEqualTo(200);
	}

	@Test
	void deleteRequiresInactiveStateThenClientIsGone() {
		String path = CLIENTS + "/" + this.consumer.id();
		HttpResponse<String> active = this.http.delete(path, this.adminToken);
		assertThat(active.statusCode()).isEqualTo(400);
		JsonFixtures.assertMatches(active.body(), "error-bad-request.json");

		this.http.put(path, this.adminToken,
				"{\"name\":\"consumer\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\",\"state\":\"inactive\"}");
		assertThat(this.http.delete(path, this.adminToken).statusCode()).isEqualTo(204);

		HttpResponse<String> gone = this.http.get(path, this.adminToken);
		assertThat(gone.statusCode()).isEqualTo(404);
		JsonFixtures.assertMatches(gone.body(), "error-not-found.json");
	}

	@Test
	void regenerateReturnsNewSecretAndOldOneStopsWorking() {
		HttpResponse<String> response = this.http.post(CLIENTS + "/" + this.consumer.id() + "/secret", this.adminToken,
				null);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode client = SimHttpClient.json(response);
		String newSecret = client.get("secret").stringValue();
		assertThat(newSecret).isNotEqualTo(this.consumer.secret()).hasSizeBetween(20, 22).matches("[A-Za-z0-9_-]+");
		assertThat(client.get("id").stringValue()).isEqualTo(this.consumer.id());
		JsonFixtures.assertMatches(this.http.token(this.consumer).body(), "token-error-invalid-client.json");
		assertThat(this.http.token(this.consumer.id(), newSecret).statusCode()).isEqualTo(200);
		assertThat(this.simulator.currentSecret(this.consumer.id())).hasValue(newSecret);
		assertThat(this.simulator.observations().regenerationCount(this.consumer.id())).isEqualTo(1);
		assertThat(this.simulator.observations().issuedSecrets()).contains(this.consumer.secret(), newSecret);
	}

	@ParameterizedTest
	@EnumSource(SecretAbsence.class)
	void secretAbsenceIsConfigurableForGetPutAndList(SecretAbsence absence) {
		stop();
		start(GenesysSimulatorOptions.builder().secretAbsence(absence).build());
		String path = CLIENTS + "/" + this.consumer.id();

		List<JsonNode> clients = List.of(SimHttpClient.json(this.http.get(path, this.adminToken)),
				SimHttpClient.json(this.http.put(path, this.adminToken,
						"{\"name\":\"consumer\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\"}")),
				SimHttpClient.json(this.http.get(CLIENTS, this.adminToken)).get("entities").get(0));

		for (JsonNode client : clients) {
			switch (absence) {
				case OMITTED -> assertThat(client.has("secret")).isFalse();
				case NULL -> assertThat(client.get("secret").isNull()).isTrue();
				case EMPTY_STRING -> assertThat(client.get("secret").stringValue()).isEmpty();
			}
		}
	}

	@Test
	void clientsOfOtherOrgsAreNotFound() {
		SeededClient foreign = this.simulator.createOrg("other").createClient("foreign", GrantType.CLIENT_CREDENTIALS);
		String path = CLIENTS + "/" + foreign.id();

		assertThat(this.http.get(path, this.adminToken).statusCode()).isEqualTo(404);
		assertThat(this.http.post(path + "/secret", this.adminToken, null).statusCode()).isEqualTo(404);
		assertThat(this.http.get(CLIENTS + "/no-such-id", this.adminToken).statusCode()).isEqualTo(404);
		assertThat(this.http.token(foreign).statusCode()).as("foreign secret untouched").isEqualTo(200);
	}

	@Test
	void missingBearerTokenIs401AuthenticationRequired() {
		HttpResponse<String> response = this.http.get(CLIENTS, null);

		assertThat(response.statusCode()).isEqualTo(401);
		JsonFixtures.assertMatches(response.body(), "error-authentication-required.json");
		assertThat(response.headers().firstValue("ININ-Correlation-Id"))
			.hasValue(SimHttpClient.json(response).get("contextId").stringValue());
	}

	@Test
	void unknownBearerTokenIs401BadCredentials() {
		HttpResponse<String> response = this.http.get(CLIENTS, "not-a-token");

		assertThat(response.statusCode()).isEqualTo(401);
		JsonFixtures.assertMatches(response.body(), "error-bad-credentials.json");
	}

	@Test
	void tokensOfADisabledClientAre401BadCredentials() {
		SeededClient reader = this.org.createClientWithPermissions("reader", OAuthPermission.VIEW);
		String token = this.http.accessToken(reader);

		this.org.setState(reader.id(), ClientState.DISABLED);
		JsonFixtures.assertMatches(this.http.get(CLIENTS, token).body(), "error-bad-credentials.json");

		this.org.setState(reader.id(), ClientState.ACTIVE);
		assertThat(this.http.get(CLIENTS, token).statusCode()).as("disabling revoked for good").isEqualTo(401);
	}

	@Test
	void eachEndpointRequiresItsPermission() {
		SeededClient viewer = this.org.createClientWithPermissions("viewer", OAuthPermission.VIEW);
		SeededClient editor = this.org.createClientWithPermissions("editor", OAuthPermission.EDIT);
		String viewerToken = this.http.accessToken(viewer);
		String editorToken = this.http.accessToken(editor);
		String path = CLIENTS + "/" + this.consumer.id();
		String body = "{\"name\":\"x\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\"}";

		assertForbidden(this.http.post(path + "/secret", viewerToken, null), "oauth:client:edit");
		assertForbidden(this.http.put(path, viewerToken, body), "oauth:client:edit");
		assertForbidden(this.http.post(CLIENTS, viewerToken, body), "oauth:client:add");
		assertForbidden(this.http.delete(path, viewerToken), "oauth:client:delete");
		assertForbidden(this.http.get(path, editorToken), "oauth:client:view");
		assertForbidden(this.http.get(CLIENTS, editorToken), "oauth:client:view");
		assertThat(this.http.get(path, viewerToken).statusCode()).isEqualTo(200);
		assertThat(this.http.post(path + "/secret", editorToken, null).statusCode()).isEqualTo(200);
	}

	@Test
	void roleDriftTakesEffectOnTheNextRequest() {
		SeededClient viewer = this.org.createClientWithPermissions("viewer", OAuthPermission.VIEW);
		String token = this.http.accessToken(viewer);

		this.org.setRoleDivisions(viewer.id(), List.of());

		assertForbidden(this.http.get(CLIENTS, token), "oauth:client:view");
	}

	private static void assertForbidden(HttpResponse<String> response, String permission) {
		assertThat(response.statusCode()).isEqualTo(403);
		JsonFixtures.assertMatches(response.body(), "error-missing-permissions.json");
		assertThat(SimHttpClient.json(response).get("message").stringValue()).contains(permission);
	}

}
