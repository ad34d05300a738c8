package io.github.genesysrotator.sandbox.genesys;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /__sim/} admin path, driven only over HTTP as a demo script would.
 */
class AdminApiTests {

	private GenesysSimulator simulator;

	private SimHttpClient http;

	@BeforeEach
	void start() {
		this.simulator = GenesysSimulator.start();
		this.http = new SimHttpClient(this.simulator.baseUrl());
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void seedsInjectsFaultsAndReportsOverHttp() throws Exception {
		String orgId = admin("POST", "/__sim/orgs", "{\"name\":\"acme\"}").get("id").stringValue();
		JsonNode rotator = admin("POST", "/__sim/orgs/" + orgId + "/clients",
				"{\"name\":\"rotator\",\"permissions\":[\"oauth:client:view\",\"oauth:client:edit\"]}");
		SeededClient admin = new SeededClient(rotator.get("id").stringValue(), rotator.get("secret").stringValue());
		String token = this.http.accessToken(admin);
		String secretPath = "/api/v2/oauth/clients/" + admin.id() + "/secret";

		JsonNode rule = admin("POST", "/__sim/faults",
				"{\"operation\":\"REGENERATE_SECRET\",\"type\":\"STATUS\",\"status\":503,\"times\":1}");
		assertThat(rule.get("type").stringValue()).isEqualTo("STATUS");
		assertThat(admin("GET", "/__sim/faults", null).get("rules")).hasSize(1);
		assertThat(this.http.post(secretPath, token, null).statusCode()).isEqualTo(503);
		HttpResponse<String> regenerated = this.http.post(secretPath, token, null);
		assertThat(regenerated.statusCode()).isEqualTo(200);
		String newSecret = SimHttpClient.json(regenerated).get("secret").stringValue();

		JsonNode observations = admin("GET", "/__sim/observations", null);
		assertThat(observations.get("regenerations").get(admin.id()).intValue()).isEqualTo(1);
		assertThat(observations.get("tokenRequests").get(0).get("accepted").booleanValue()).isTrue();
		assertThat(observations.get("apiRequests").valueStream().map((r) -> r.get("status").intValue()))
			.containsExactly(200, 503, 200);
		assertThat(admin("GET", "/__sim/secrets", null).get("issuedSecrets").valueStream().map(JsonNode::stringValue))
			.containsExactly(admin.secret(), newSecret);
		assertThat(admin("GET", "/__sim/clients/" + admin.id() + "/secret", null).get("secret").stringValue())
			.isEqualTo(newSecret);

		assertThat(send("POST", "/__sim/reset", null).statusCode()).isEqualTo(204);
		assertThat(admin("GET", "/__sim/observations", null).get("apiRequests")).isEmpty();
	}

	@Test
	void setsGlobalLatencyAndClearsFaults() throws Exception {
		assertThat(send("PUT", "/__sim/latency", "{\"latencyMs\":25}").statusCode()).isEqualTo(204);
		admin("POST", "/__sim/faults", "{\"operation\":\"ANY\",\"type\":\"TIMEOUT\"}");
		assertThat(admin("GET", "/__sim/faults", null).get("globalLatencyMs").intValue()).isEqualTo(25);

		assertThat(send("DELETE", "/__sim/faults", null).statusCode()).isEqualTo(204);

		assertThat(this.simulator.faults().activeRules()).isEmpty();
		assertThat(this.simulator.faults().globalLatency()).isZero();
	}

	@Test
	void addsMalformedResponseRules() throws Exception {
		JsonNode omit = admin("POST", "/__sim/faults",
				"{\"operation\":\"TOKEN\",\"type\":\"OMIT_FIELD\",\"detail\":\"access_token\",\"times\":1}");
		JsonNode relabel = admin("POST", "/__sim/faults",
				"{\"operation\":\"REGENERATE_SECRET\",\"type\":\"CONTENT_TYPE\",\"detail\":\"text/plain\"}");
		JsonNode huge = admin("POST", "/__sim/faults", "{\"operation\":\"GET_CLIENT\",\"type\":\"HUGE_BODY\"}");
		for (String type : new String[] { "HTML_PAGE", "TRUNCATED_JSON", "EXTRA_FIELDS" }) {
			admin("POST", "/__sim/faults", "{\"operation\":\"LIST_CLIENTS\",\"type\":\"" + type + "\"}");
		}

		assertThat(omit.get("detail").stringValue()).isEqualTo("access_token");
		assertThat(relabel.get("detail").stringValue()).isEqualTo("text/plain");
		assertThat(huge.get("bodyBytes").intValue()).isEqualTo(5 * 1024 * 1024);
		assertThat(this.simulator.faults().activeRules().values()).extracting(FaultRule::type)
			.containsExactly(FaultType.OMIT_FIELD, FaultType.CONTENT_TYPE, FaultType.HUGE_BODY, FaultType.HTML_PAGE,
					FaultType.TRUNCATED_JSON, FaultType.EXTRA_FIELDS);
		assertThat(send("POST", "/__sim/faults", "{\"operation\":\"TOKEN\",\"type\":\"OMIT_FIELD\"}").statusCode())
			.as("OMIT_FIELD needs its field")
			.isEqualTo(400);
	}

	@Test
	void rejectsInvalidRulesWithBadRequest() throws Exception {
		HttpResponse<String> response = send("POST", "/__sim/faults", "{\"operation\":\"NOPE\",\"type\":\"TIMEOUT\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.simulator.faults().activeRules()).isEmpty();
	}

	private JsonNode admin(String method, String path, String body) throws Exception {
		HttpResponse<String> response = send(method, path, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return SimHttpClient.json(response);
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest request = this.http.request(path)
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.build();
		return this.http.sendRaw(request);
	}

}
