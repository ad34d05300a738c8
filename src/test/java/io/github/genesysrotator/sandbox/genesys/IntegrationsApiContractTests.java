package io.github.genesysrotator.sandbox.genesys;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.genesysrotator.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrations API of the simulator over HTTP: integration credentials, Data Actions
 * integrations and action executions, with every switch both ways.
 */
class IntegrationsApiContractTests {

	private static final String CREDENTIALS = "/api/v2/integrations/credentials";

	private static final String CREDENTIAL_ID = "11111111-0000-4000-8000-000000000001";

	private static final String INTEGRATION_ID = "22222222-0000-4000-8000-000000000001";

	private static final String ACTION_ID = "custom_-_33333333-0000-4000-8000-000000000001";

	private final MutableClock clock = MutableClock.startingNow();

	private GenesysSimulator simulator;

	private SimHttpClient http;

	private OrgHandle org;

	private SeededClient used;

	private SeededClient other;

	private String adminToken;

	private void start(UnaryOperator<GenesysSimulatorOptions.Builder> options) {
		this.simulator = GenesysSimulator
			.start(options.apply(GenesysSimulatorOptions.builder().clock(this.clock)).build());
		this.http = new SimHttpClient(this.simulator.baseUrl());
		this.org = this.simulator.createOrg("acme");
		String role = this.org.createRole(List.of("conversation:call:view"));
		this.used = this.org.createClient("data-actions-a", GrantType.CLIENT_CREDENTIALS, role);
		this.other = this.org.createClient("data-actions-b", GrantType.CLIENT_CREDENTIALS, role);
		this.org.createIntegrationCredential(CREDENTIAL_ID, "Data actions", this.used.id(), this.used.secret());
		this.org.createDataActionsIntegration(INTEGRATION_ID, "Web services", CREDENTIAL_ID);
		this.org.createDataAction(ACTION_ID, "Look up caller", INTEGRATION_ID);
		String admin = this.org.createRole(List.of(IntegrationPermission.VIEW.value(),
				IntegrationPermission.EDIT.value(), IntegrationPermission.ADD.value(),
				IntegrationPermission.ACTION_VIEW.value(), IntegrationPermission.ACTION_EXECUTE.value()));
		this.adminToken = this.http.accessToken(this.org.createClient("admin", GrantType.CLIENT_CREDENTIALS, admin));
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void getRedactsTheSecretButShowsTheClientIdByDefault() {
		start(UnaryOperator.identity());
		HttpResponse<String> response = this.http.get(CREDENTIALS + "/" + CREDENTIAL_ID, this.adminToken);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = SimHttpClient.json(response);
		assertThat(body.path("type").path("name").stringValue()).isEqualTo("pureCloudOAuthClient");
		assertThat(body.path("credentialFields").path("clientId").stringValue()).isEqualTo(this.used.id());
		assertThat(body.path("credentialFields").has("clientSecret")).isFalse();
		assertThat(response.body()).doesNotContain(this.used.secret());
	}

	@Test
	void getRedactsTheClientIdTooWhenSwitched() {
		start((options) -> options.integrationClientIdRedacted(true));
		HttpResponse<String> response = this.http.get(CREDENTIALS + "/" + CREDENTIAL_ID, this.adminToken);

		assertThat(SimHttpClient.json(response).path("credentialFields").has("clientId")).isFalse();
		assertThat(response.body()).doesNotContain(this.used.id());
	}

	@Test
	void putIsAFullReplaceThatDropsOmittedFields() {
		start(UnaryOperator.identity());
		HttpResponse<String> response = this.http.put(CREDENTIALS + "/" + CREDENTIAL_ID, this.adminToken,
				"{\"name\":\"Data actions\",\"type\":{\"name\":\"pureCloudOAuthClient\"},"
						+ "\"credentialFields\":{\"clientSecret\":\"" + this.other.secret() + "\"}}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SimHttpClient.json(response).path("id").stringValue()).isEqualTo(CREDENTIAL_ID);
		assertThat(response.body()).doesNotContain(this.other.secret());
		assertThat(this.simulator.integrationCredentialFields(CREDENTIAL_ID).orElseThrow())
			.containsOnlyKeys("clientSecret");
		assertThat(execute().statusCode()).as("the credential lost its client id").isEqualTo(400);
	}

	@Test
	void putKeepsOmittedFieldsWhenSwitchedToMerge() {
		start((options) -> options.integrationCredentialPutMerges(true));
		this.http.put(CREDENTIALS + "/" + CREDENTIAL_ID, this.adminToken,
				"{\"name\":\"Data actions\",\"type\":{\"name\":\"pureCloudOAuthClient\"},"
						+ "\"credentialFields\":{\"clientSecret\":\"changed\"}}");

		assertThat(this.simulator.integrationCredentialFields(CREDENTIAL_ID).orElseThrow())
			.containsEntry("clientId", this.used.id())
			.containsEntry("clientSecret", "changed");
	}

	@Test
	void putWithoutNameOrTypeIsAValidationError() {
		start(UnaryOperator.identity());
		HttpResponse<String> response = this.http.put(CREDENTIALS + "/" + CREDENTIAL_ID, this.adminToken,
				"{\"credentialFields\":{\"clientId\":\"x\",\"clientSecret\":\"y\"}}");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = SimHttpClient.json(response);
		assertThat(error.path("code").stringValue()).isEqualTo("bad.request");
		assertThat(error.path("status").asInt()).isEqualTo(400);
		assertThat(this.simulator.integrationCredentialFields(CREDENTIAL_ID).orElseThrow()).containsEntry("clientId",
				this.used.id());
	}

	@Test
	void putWithoutEditPermissionIsForbidden() {
		start(UnaryOperator.identity());
		String viewer = this.http.accessToken(this.org.createClient("viewer", GrantType.CLIENT_CREDENTIALS,
				this.org.createRole(List.of(IntegrationPermission.VIEW.value()))));

		HttpResponse<String> response = this.http.put(CREDENTIALS + "/" + CREDENTIAL_ID, viewer, fullBody(this.other));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("integrations:integration:edit");
		assertThat(this.http.get(CREDENTIALS + "/" + CREDENTIAL_ID, viewer).statusCode()).isEqualTo(200);
	}

	@Test
	void listingPagesWithACursor() {
		start(UnaryOperator.identity());
		this.http.post(CREDENTIALS, this.adminToken, fullBody(this.other));
		this.http.post(CREDENTIALS, this.adminToken, fullBody(this.other));

		JsonNode first = SimHttpClient.json(this.http.get(CREDENTIALS + "/listing?pageSize=2", this.adminToken));
		assertThat(first.path("entities")).hasSize(2);
		String cursor = first.path("cursor").stringValue();
		JsonNode second = SimHttpClient
			.json(this.http.get(CREDENTIALS + "/listing?pageSize=2&after=" + cursor, this.adminToken));

		assertThat(second.path("entities")).hasSize(1);
		assertThat(second.has("cursor")).isFalse();
		assertThat(first.path("entities").get(0).path("id").stringValue()).isEqualTo(CREDENTIAL_ID);
		assertThat(this.http.get(CREDENTIALS + "/listing?pageSize=201", this.adminToken).statusCode()).isEqualTo(400);
	}

	@Test
	void typesDescribeTheOAuthClientCredential() {
		start(UnaryOperator.identity());
		JsonNode types = SimHttpClient.json(this.http.get(CREDENTIALS + "/types", this.adminToken));

		assertThat(types.path("entities").get(0).path("name").stringValue()).isEqualTo("pureCloudOAuthClient");
		assertThat(types.path("entities").get(0).path("required").toString()).contains("clientId", "clientSecret");
	}

	@Test
	void integrationsPointAtTheirCredential() {
		start(UnaryOperator.identity());
		JsonNode listing = SimHttpClient.json(this.http
			.get("/api/v2/integrations?integrationType=purecloud-data-actions&expand=config.current", this.adminToken));
		JsonNode config = SimHttpClient
			.json(this.http.get("/api/v2/integrations/" + INTEGRATION_ID + "/config/current", this.adminToken));
		JsonNode actions = SimHttpClient.json(this.http.get("/api/v2/integrations/actions", this.adminToken));

		assertThat(listing.path("entities")
			.get(0)
			.path("config")
			.path("current")
			.path("credentials")
			.path("pureCloudOAuthClient")
			.path("id")
			.stringValue()).isEqualTo(CREDENTIAL_ID);
		assertThat(config.path("credentials").path("pureCloudOAuthClient").path("id").stringValue())
			.isEqualTo(CREDENTIAL_ID);
		assertThat(actions.path("entities").get(0).path("id").stringValue()).isEqualTo(ACTION_ID);
		assertThat(actions.path("entities").get(0).path("integrationId").stringValue()).isEqualTo(INTEGRATION_ID);
	}

	@Test
	void anActionRunsAsTheClientItsCredentialHolds() {
		start(UnaryOperator.identity());
		HttpResponse<String> response = execute();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SimHttpClient.json(response).path("authenticatedAs").stringValue()).isEqualTo(this.used.id());
	}

	@ParameterizedTest(name = "cache token: {0}")
	@ValueSource(booleans = { true, false })
	void anActionsCallCountsInTheUsageOfTheClientItsCredentialHolds(boolean cache) {
		start((options) -> options.dataActionsCacheToken(cache));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);

		assertThat(execute().statusCode()).isEqualTo(200);
		assertThat(execute().statusCode()).isEqualTo(200);

		assertThat(this.simulator.usage().requests(this.used.id(), today))
			.as("one API call per execution, whoever's token it used")
			.isEqualTo(2);
		assertThat(this.simulator.usage().requests(this.other.id(), today)).isZero();
	}

	@ParameterizedTest(name = "cache token: {0}")
	@ValueSource(booleans = { true, false })
	void aCredentialThatNoLongerAuthenticatesFailsTheActionUnlessATokenIsCached(boolean cache) {
		start((options) -> options.dataActionsCacheToken(cache));
		assertThat(execute().statusCode()).isEqualTo(200);
		regenerate(this.used.id());

		HttpResponse<String> response = execute();
		JsonNode test = SimHttpClient
			.json(this.http.post("/api/v2/integrations/actions/" + ACTION_ID + "/test", this.adminToken, "{}"));

		// Tokens survive a regeneration by default: only a cached one keeps working.
		assertThat(response.statusCode()).isEqualTo(cache ? 200 : 400);
		assertThat(test.path("success").asBoolean()).isEqualTo(cache);
		if (!cache) {
			JsonNode error = SimHttpClient.json(response);
			assertThat(error.path("message").stringValue()).startsWith("INVALID_CREDENTIALS");
			assertThat(error.path("details").get(0).path("errorCode").stringValue()).isEqualTo("ACTION.AUTHENTICATION");
			assertThat(test.path("operations").get(0).path("success").asBoolean()).isFalse();
		}
	}

	@Test
	void aCachedTokenThatStopsWorkingIsReplacedWithinTheExecution() {
		start((options) -> options.tokensSurviveRegeneration(false));
		assertThat(execute().statusCode()).isEqualTo(200);
		this.http.put(CREDENTIALS + "/" + CREDENTIAL_ID, this.adminToken, fullBody(this.other));
		regenerate(this.used.id());

		HttpResponse<String> response = execute();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SimHttpClient.json(response).path("authenticatedAs").stringValue()).isEqualTo(this.other.id());
	}

	@Test
	void anUpdateReachesTheIntegrationAfterTheDelay() {
		start((options) -> options.dataActionsCacheToken(false)
			.integrationCredentialUpdateDelay(Duration.ofSeconds(5)));
		this.http.put(CREDENTIALS + "/" + CREDENTIAL_ID, this.adminToken, fullBody(this.other));

		String before = SimHttpClient.json(execute()).path("authenticatedAs").stringValue();
		this.clock.advance(Duration.ofSeconds(5));
		String after = SimHttpClient.json(execute()).path("authenticatedAs").stringValue();

		assertThat(before).isEqualTo(this.used.id());
		assertThat(after).isEqualTo(this.other.id());
	}

	@Test
	void executingNeedsTheExecutePermission() {
		start(UnaryOperator.identity());
		String viewer = this.http.accessToken(this.org.createClient("viewer", GrantType.CLIENT_CREDENTIALS,
				this.org.createRole(List.of(IntegrationPermission.VIEW.value()))));

		HttpResponse<String> response = this.http.post("/api/v2/integrations/actions/" + ACTION_ID + "/execute", viewer,
				"{}");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("integrations:action:execute");
	}

	private HttpResponse<String> execute() {
		return this.http.post("/api/v2/integrations/actions/" + ACTION_ID + "/execute", this.adminToken, "{}");
	}

	private void regenerate(String clientId) {
		String admin = this.http.accessToken(this.org.createClientWithPermissions("oauth-admin", OAuthPermission.EDIT));
		assertThat(this.http.post("/api/v2/oauth/clients/" + clientId + "/secret", admin, null).statusCode())
			.isEqualTo(200);
	}

	private static String fullBody(SeededClient client) {
		return SimJson.object()
			.put("name", "Data actions").<tools.jackson.databind.node.ObjectNode>set("type",
					SimJson.object().put("name", "pureCloudOAuthClient"))
			.set("credentialFields",
					SimJson.MAPPER.valueToTree(Map.of("clientId", client.id(), "clientSecret", client.secret())))
			.toString();
	}

}
