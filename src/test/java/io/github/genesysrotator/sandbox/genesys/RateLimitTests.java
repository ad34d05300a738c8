package io.github.genesysrotator.sandbox.genesys;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.genesysrotator.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTests {

	private static final String CLIENTS = "/api/v2/oauth/clients";

	private final MutableClock clock = MutableClock.startingNow();

	private GenesysSimulator simulator;

	private SimHttpClient http;

	private OrgHandle org;

	private SeededClient reader;

	private void start(GenesysSimulatorOptions.Builder options) {
		this.simulator = GenesysSimulator.start(options.clock(this.clock).build());
		this.http = new SimHttpClient(this.simulator.baseUrl());
		this.org = this.simulator.createOrg("acme");
		this.reader = this.org.createClientWithPermissions("reader", OAuthPermission.VIEW);
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void everyApiResponseCarriesRateLimitHeaders() {
		start(GenesysSimulatorOptions.builder());
		String token = this.http.accessToken(this.reader);

		HttpResponse<String> first = this.http.get(CLIENTS, token);
		HttpResponse<String> notFound = this.http.get(CLIENTS + "/missing", token);

		assertThat(first.headers().firstValue("inin-ratelimit-count")).hasValue("1");
		assertThat(first.headers().firstValue("inin-ratelimit-allowed")).hasValue("300");
		assertThat(first.headers().firstValue("inin-ratelimit-reset")).hasValue("60");
		assertThat(notFound.headers().firstValue("inin-ratelimit-count")).hasValue("2");
	}

	@Test
	void overTheLimitIs429WithIntegerRetryAfterUntilTheWindowResets() {
		start(GenesysSimulatorOptions.builder().rateLimitPerMinute(2));
		String token = this.http.accessToken(this.reader);
		this.http.get(CLIENTS, token);
		this.clock.advance(Duration.ofSeconds(15));
		this.http.get(CLIENTS, token);

		HttpResponse<String> limited = this.http.get(CLIENTS, token);

		assertThat(limited.statusCode()).isEqualTo(429);
		JsonFixtures.assertMatches(limited.body(), "error-too-many-requests.json");
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("45");
		assertThat(SimHttpClient.json(limited).get("message").stringValue())
			.isEqualTo("Rate limit exceeded the maximum. Retry the request in [45] seconds");
		assertThat(limited.headers().firstValue("inin-ratelimit-count")).hasValue("3");
		this.clock.advance(Duration.ofSeconds(45));
		assertThat(this.http.get(CLIENTS, token).statusCode()).isEqualTo(200);
	}

	@Test
	void limitIsPerAccessToken() {
		start(GenesysSimulatorOptions.builder().rateLimitPerMinute(1));
		String first = this.http.accessToken(this.reader);
		String second = this.http.accessToken(this.reader);

		assertThat(this.http.get(CLIENTS, first).statusCode()).isEqualTo(200);
		assertThat(this.http.get(CLIENTS, first).statusCode()).isEqualTo(429);
		assertThat(this.http.get(CLIENTS, second).statusCode()).isEqualTo(200);
	}

	@Test
	void timeScaleCompressesTheWindow() {
		start(GenesysSimulatorOptions.builder().rateLimitPerMinute(1).timeScale(60));
		String token = this.http.accessToken(this.reader);
		this.http.get(CLIENTS, token);

		HttpResponse<String> limited = this.http.get(CLIENTS, token);

		assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.http.get(CLIENTS, token).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenEndpointIsNotRateLimitedByDefault() {
		start(GenesysSimulatorOptions.builder().rateLimitPerMinute(1));

		assertThat(this.http.token(this.reader).statusCode()).isEqualTo(200);
		assertThat(this.http.token(this.reader).statusCode()).isEqualTo(200);
	}

	@Test
	void grantsOverTheOrgsTokenLimitAre400InvalidRequestRateLimitExceededWithoutRetryAfter() {
		start(GenesysSimulatorOptions.builder().tokenGrantsPerWindow(2));
		SeededClient other = this.simulator.createOrg("acme-2").createClient("other", GrantType.CLIENT_CREDENTIALS);
		SeededClient sameOrg = this.org.createClient("same-org", GrantType.CLIENT_CREDENTIALS);
		assertThat(this.http.token(this.reader).statusCode()).isEqualTo(200);
		assertThat(this.http.token(sameOrg.id(), "wrong secret").statusCode()).as("a refused grant counts too")
			.isEqualTo(400);

		HttpResponse<String> limited = this.http.token(sameOrg);

		assertThat(limited.statusCode()).isEqualTo(400);
		JsonFixtures.assertMatches(limited.body(), "token-error-rate-limited.json");
		assertThat(SimHttpClient.json(limited).get("error_description").stringValue())
			.startsWith("rate limit exceeded;");
		assertThat(limited.headers().map()).doesNotContainKey("retry-after").doesNotContainKey("inin-ratelimit-count");
		assertThat(this.http.token(other).statusCode()).as("another org has a budget of its own").isEqualTo(200);
		assertThat(this.simulator.observations().tokenRequests()).filteredOn(TokenRequestRecord::rateLimited)
			.extracting(TokenRequestRecord::clientId)
			.containsExactly(sameOrg.id());
	}

	@Test
	void theTokenLimitLiftsWhenItsWindowEndsAndLeavesTheApiLimitAlone() {
		start(GenesysSimulatorOptions.builder().tokenGrantsPerWindow(1).rateLimitPerMinute(1).timeScale(60));
		String token = this.http.accessToken(this.reader);
		assertThat(this.http.token(this.reader).statusCode()).isEqualTo(400);
		this.http.get(CLIENTS, token);

		HttpResponse<String> apiLimited = this.http.get(CLIENTS, token);

		assertThat(apiLimited.statusCode()).as("the API keeps its 429").isEqualTo(429);
		assertThat(apiLimited.headers().firstValue("Retry-After")).hasValue("1");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.http.token(this.reader).statusCode()).isEqualTo(200);
	}

}
