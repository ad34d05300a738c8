package io.github.genesysrotator.sandbox.genesys;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.genesysrotator.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage per OAuth client and the usage jobs API (fact sheet 9.3), over HTTP: who is
 * counted, which days are reported, how a job moves, pages and fails.
 */
class UsageApiContractTests {

	private static final Instant DAY_ONE_NOON = Instant.parse("2026-03-02T12:00:00Z");

	private final MutableClock clock = MutableClock.at(DAY_ONE_NOON);

	private GenesysSimulator simulator;

	private SimHttpClient http;

	private SeededClient rotator;

	private SeededClient consumer;

	@BeforeEach
	void start() {
		this.simulator = GenesysSimulator.start(GenesysSimulatorOptions.builder().clock(this.clock).build());
		this.http = new SimHttpClient(this.simulator.baseUrl());
		OrgHandle org = this.simulator.createOrg("acme");
		this.rotator = org.createClientWithPermissions("rotator", OAuthPermission.VIEW, OAuthPermission.USAGE_VIEW);
		this.consumer = org.createClientWithPermissions("consumer", OAuthPermission.VIEW);
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void countsApiRequestsPerClientAndDayByStatusClassButNotTokenRequests() {
		String token = this.http.accessToken(this.consumer);
		this.http.get("/api/v2/oauth/clients", token);
		this.http.get("/api/v2/oauth/clients/" + this.consumer.id(), token);
		this.http.post("/api/v2/oauth/clients/" + this.consumer.id() + "/secret", token, null);
		this.clock.advance(Duration.ofDays(1));
		String rotatorToken = this.http.accessToken(this.rotator);

		JsonNode rows = succeeded(this.consumer.id(), rotatorToken, "2026-03-01T00:00:00Z/2026-03-03T00:00:00Z");

		assertThat(rows).hasSize(1);
		JsonNode day = rows.get(0);
		assertThat(day.get("date").stringValue()).isEqualTo("2026-03-02");
		assertThat(day.get("requestCount").longValue()).isEqualTo(3);
		assertThat(day.get("status200").longValue()).isEqualTo(2);
		assertThat(day.get("status400").longValue()).as("403: the consumer may not regenerate").isEqualTo(1);
		assertThat(this.simulator.usage().requests(this.rotator.id(), LocalDate.parse("2026-03-02")))
			.as("the token requests made no API call")
			.isZero();
	}

	@Test
	void neverReportsTheCurrentDayAndWaitsForThePublicationLag() {
		String token = this.http.accessToken(this.consumer);
		this.http.get("/api/v2/oauth/clients", token);
		String rotatorToken = this.http.accessToken(this.rotator);
		String interval = "2026-03-02T00:00:00Z/2026-03-04T00:00:00Z";
		assertThat(succeeded(this.consumer.id(), rotatorToken, interval)).as("today is never reported").isEmpty();

		this.simulator.usage().publicationLag(Duration.ofHours(6));
		this.clock.set(Instant.parse("2026-03-03T05:00:00Z"));
		assertThat(succeeded(this.consumer.id(), rotatorToken, interval)).as("not published yet").isEmpty();
		this.clock.set(Instant.parse("2026-03-03T06:00:00Z"));
		assertThat(succeeded(this.consumer.id(), rotatorToken, interval)).hasSize(1);
	}

	@Test
	void aJobIsQueuedThenRunningThenSucceeded() {
		this.simulator.usage().jobPolls(2);
		String token = this.http.accessToken(this.rotator);
		HttpResponse<String> submitted = submit(this.consumer.id(), token, "2026-03-01T00:00:00Z/2026-03-02T00:00:00Z");
		assertThat(submitted.statusCode()).isBetween(200, 299);
		JsonNode job = SimHttpClient.json(submitted);
		assertThat(job.get("resultsUri").stringValue()).endsWith("/jobs/" + job.get("id").stringValue());
		assertThat(job.has("selfUri")).isTrue();

		String results = job.get("resultsUri").stringValue();
		assertThat(status(this.http.get(results, token))).isEqualTo("Queued");
		assertThat(status(this.http.get(results, token))).isEqualTo("Running");
		assertThat(status(this.http.get(results, token))).isEqualTo("Succeeded");
		assertThat(this.simulator.usage().jobsSubmitted()).isEqualTo(1);
	}

	@Test
	void pagesWithACursor() {
		for (int day = 1; day <= 5; day++) {
			this.simulator.usage().record(this.consumer.id(), LocalDate.of(2026, 2, day), day);
		}
		this.simulator.usage().jobPolls(0);
		String token = this.http.accessToken(this.rotator);
		String results = SimHttpClient
			.json(submit(this.consumer.id(), token, "2026-02-01T00:00:00Z/2026-03-01T00:00:00Z"))
			.get("resultsUri")
			.stringValue();

		JsonNode first = SimHttpClient.json(this.http.get(results + "?pageSize=2", token));
		assertThat(first.get("entities")).hasSize(2);
		JsonNode second = SimHttpClient.json(this.http.get(first.get("nextUri").stringValue(), token));
		JsonNode third = SimHttpClient.json(this.http.get(second.get("nextUri").stringValue(), token));

		assertThat(third.get("entities")).hasSize(1);
		assertThat(third.has("nextUri")).isFalse();
		assertThat(third.get("entities").get(0).get("requestCount").longValue()).isEqualTo(5);
	}

	@Test
	void failsOnDemand() {
		this.simulator.usage().failJobs(true).jobPolls(0);
		String token = this.http.accessToken(this.rotator);
		String results = SimHttpClient
			.json(submit(this.consumer.id(), token, "2026-03-01T00:00:00Z/2026-03-02T00:00:00Z"))
			.get("resultsUri")
			.stringValue();

		JsonNode answer = SimHttpClient.json(this.http.get(results, token));

		assertThat(answer.get("queryStatus").stringValue()).isEqualTo("Failed");
		assertThat(answer.get("errorBody").get("status").intValue()).isEqualTo(500);
	}

	@Test
	void needsUsageClientViewAndAClientOfTheCallersOrg() {
		String consumerToken = this.http.accessToken(this.consumer);
		HttpResponse<String> refused = submit(this.consumer.id(), consumerToken,
				"2026-03-01T00:00:00Z/2026-03-02T00:00:00Z");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(SimHttpClient.json(refused).get("code").stringValue()).isEqualTo("missing.any.permissions");
		assertThat(SimHttpClient.json(refused).get("message").stringValue()).contains("usage:client:view");

		String token = this.http.accessToken(this.rotator);
		SeededClient stranger = this.simulator.createOrg("other").createClientWithPermissions("x");
		assertThat(submit(stranger.id(), token, "2026-03-01T00:00:00Z/2026-03-02T00:00:00Z").statusCode())
			.isEqualTo(404);
		assertThat(submit(this.consumer.id(), token, "not an interval").statusCode()).isEqualTo(400);
		assertThat(this.http.get(jobs(this.consumer.id()) + "/no-such-job", token).statusCode()).isEqualTo(404);
	}

	@Test
	void injectedFaultsAnswerInFrontOfTheServiceAndAreNotCounted() {
		this.simulator.faults().add(FaultRule.on(Operation.USAGE_QUERY).times(1).status(503));
		String token = this.http.accessToken(this.rotator);

		assertThat(submit(this.consumer.id(), token, "2026-03-01T00:00:00Z/2026-03-02T00:00:00Z").statusCode())
			.isEqualTo(503);
		assertThat(submit(this.consumer.id(), token, "2026-03-01T00:00:00Z/2026-03-02T00:00:00Z").statusCode())
			.isBetween(200, 299);
		assertThat(this.simulator.usage().requests(this.rotator.id(), today()))
			.as("the usage API's own calls count; the faulted one does not")
			.isEqualTo(1);
	}

	@Test
	void theSwitchesAreSetOverTheAdminRouteAndABadValueChangesNothing() {
		HttpResponse<String> set = this.http.put("/__sim/usage", null,
				"{\"publicationLagMinutes\":720,\"jobPolls\":3,\"failJobs\":true}");
		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(SimHttpClient.json(set).get("publicationLagMinutes").longValue()).isEqualTo(720);
		assertThat(this.simulator.usage().publicationLag()).isEqualTo(Duration.ofHours(12));
		assertThat(this.simulator.usage().jobPolls()).isEqualTo(3);
		assertThat(this.simulator.usage().failJobs()).isTrue();

		HttpResponse<String> bad = this.http.put("/__sim/usage", null, "{\"failJobs\":false,\"jobPolls\":-1}");

		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("jobPolls");
		assertThat(this.simulator.usage().failJobs()).as("the valid field of a bad request changed nothing").isTrue();
		assertThat(this.simulator.usage().jobPolls()).isEqualTo(3);
	}

	private JsonNode succeeded(String clientId, String token, String interval) {
		this.simulator.usage().jobPolls(0);
		String results = SimHttpClient.json(submit(clientId, token, interval)).get("resultsUri").stringValue();
		JsonNode answer = SimHttpClient.json(this.http.get(results, token));
		assertThat(answer.get("queryStatus").stringValue()).isEqualTo("Succeeded");
		return answer.get("entities");
	}

	private HttpResponse<String> submit(String clientId, String token, String interval) {
		return this.http.post(jobs(clientId), token,
				"{\"interval\":\"" + interval + "\",\"granularity\":\"Day\",\"metrics\":[\"Requests\"]}");
	}

	private static String jobs(String clientId) {
		return "/api/v2/usage/client/" + clientId + "/aggregates/query/jobs";
	}

	private static String status(HttpResponse<String> response) {
		return SimHttpClient.json(response).get("queryStatus").stringValue();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
