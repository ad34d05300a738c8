package io.github.genesysrotator.sandbox.genesys;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.genesysrotator.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TokenEndpointContractTests {

	private final MutableClock clock = MutableClock.startingNow();

	private GenesysSimulator simulator;

	private SimHttpClient http;

	private OrgHandle org;

	@BeforeEach
	void start() {
		this.simulator = GenesysSimulator.start(GenesysSimulatorOptions.builder().clock(this.clock).build());
		this.http = new SimHttpClient(this.simulator.baseUrl());
		this.org = this.simulator.createOrg("acme");
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void issuesOpaqueBearerTokenExpiringOneSecondBeforeValidity() {
		SeededClient client = this.org.createClient("consumer", GrantType.CLIENT_CREDENTIALS);

		HttpResponse<String> response = this.http.token(client);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("ININ-Correlation-Id")).isPresent();
		JsonFixtures.assertMatches(response.body(), "token-success.json");
		assertThat(SimHttpClient.json(response).get("access_token").stringValue()).hasSize(80);
	}

	@Test
	void acceptsUtf8BasicCredentialsOnly() {
		SeededClient client = this.org.createClient("consumer", GrantType.CLIENT_CREDENTIALS);

		HttpResponse<String> response = this.http.tokenRaw(SimHttpClient.basic(client.id(), client.secret()),
				SimHttpClient.FORM + "; charset=UTF-8", "grant_type=client_credentials");

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsWrongSecretWith400InvalidClient() {
		SeededClient client = this.org.createClient("consumer", GrantType.CLIENT_CREDENTIALS);

		HttpResponse<String> response = this.http.token(client.id(), client.secret() + "x");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonFixtures.assertMatches(response.body(), "token-error-invalid-client.json");
	}

	@Test
	void rejectsUnknownClientLikeWrongSecret() {
		HttpResponse<String> response = this.http.token("8f0f2a55-8c2e-4a8e-9c1e-000000000000", "whatever");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonFixtures.assertMatches(response.body(), "token-error-invalid-client.json");
	}

	@Test
	void rejectsDisabledAndInactiveClients() {
		SeededClient disabled = this.org.createClient("disabled", GrantType.CLIENT_CREDENTIALS);
		SeededClient inactive = this.org.createClient("inactive", GrantType.CLIENT_CREDENTIALS);
		this.org.setState(disabled.id(), ClientState.DISABLED);
		this.org.setState(inactive.id(), ClientState.INACTIVE);

		JsonFixtures.assertMatches(this.http.token(disabled).body(), "token-error-invalid-client.json");
		JsonFixtures.assertMatches(this.http.token(inactive).body(), "token-error-invalid-client.json");
	}

	@Test
	void rejectsClientsOfOtherGrantTypesAsUnauthorizedClient() {
		SeededClient codeClient = this.org.createClient("web-app", GrantType.CODE);

		HttpResponse<String> response = this.http.token(codeClient);

		assertThat(response.statusCode()).isEqualTo(400);
		JsonFixtures.assertMatches(response.body(), "token-error-unauthorized-client.json");
	}

	@Test
	void rejectsOtherGrantTypeValues() {
		SeededClient client = this.org.createClient("consumer", GrantType.CLIENT_CREDENTIALS);

		HttpResponse<String> response = this.http.tokenRaw(SimHttpClient.basic(client.id(), client.secret()),
				SimHttpClient.FORM, "grant_type=password");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonFixtures.assertMatches(response.body(), "token-error-unsupported-grant-type.json");
	}

	@Test
	void rejectsMissingOrGarbledBasicHeaderAsInvalidClient() {
		HttpResponse<String> missing = this.http.tokenRaw(null, SimHttpClient.FORM, "grant_type=client_credentials");
		HttpResponse<String> garbled = this.http.tokenRaw("Basic %%%not-base64", SimHttpClient.FORM,
				"grant_type=client_credentials");
		HttpResponse<String> noColon = this.http.tokenRaw("Basic bm9jb2xvbg==", SimHttpClient.FORM,
				"grant_type=client_credentials");

		for (HttpResponse<String> response : new HttpResponse[] { missing, garbled, noColon }) {
			assertThat(response.statusCode()).isEqualTo(400);
			JsonFixtures.assertMatches(response.body(), "token-error-invalid-client.json");
		}
	}

	@Test
	void acceptsFormCredentialsByDefault() {
		SeededClient client = this.org.createClient("consumer", GrantType.CLIENT_CREDENTIALS);

		HttpResponse<String> response = this.http.tokenRaw(null, SimHttpClient.FORM,
				"grant_type=client_credentials&client_id=" + client.id() + "&client_secret=" + client.secret());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsFormCredentialsWhenSwitchedOff() {
		this.simulator.close();
		this.simulator = GenesysSimulator
			.start(GenesysSimulatorOptions.builder().formCredentialsAccepted(false).build());
		this.http = new SimHttpClient(this.simulator.baseUrl());
		SeededClient client = this.simulator.createOrg("acme").createClient("consumer", GrantType.CLIENT_CREDENTIALS);

		HttpResponse<String> response = this.http.tokenRaw(null, SimHttpClient.FORM,
				"grant_type=client_credentials&client_id=" + client.id() + "&client_secret=" + client.secret());

		assertThat(response.statusCode()).isEqualTo(400);
		JsonFixtures.assertMatches(response.body(), "token-error-invalid-client.json");
	}

	@Test
	void tokenExpiresAfterItsValidity() {
		SeededClient reader = this.org.createClientWithPermissions("reader", OAuthPermission.VIEW);
		String token = this.http.accessToken(reader);

		this.clock.advance(Duration.ofSeconds(86399));
		assertThat(this.http.get("/api/v2/oauth/clients", token).statusCode()).isEqualTo(200);

		this.clock.advance(Duration.ofSeconds(1));
		HttpResponse<String> expired = this.http.get("/api/v2/oauth/clients", token);
		assertThat(expired.statusCode()).isEqualTo(401);
		JsonFixtures.assertMatches(expired.body(), "error-bad-credentials.json");
	}

	@Test
	void recordsTokenRequestOutcomes() {
		SeededClient client = this.org.createClient("consumer", GrantType.CLIENT_CREDENTIALS);
		this.http.token(client);
		this.http.token(client.id(), "wrong");

		assertThat(this.simulator.observations().tokenRequests())
			.extracting(TokenRequestRecord::clientId, TokenRequestRecord::accepted, TokenRequestRecord::error)
			.containsExactly(tuple(client.id(), true, null), tuple(client.id(), false, "invalid_client"));
		assertThat(this.simulator.observations().tokenRequests())
			.allSatisfy((record) -> assertThat(record.timestamp()).isEqualTo(this.clock.instant()));
	}

}
