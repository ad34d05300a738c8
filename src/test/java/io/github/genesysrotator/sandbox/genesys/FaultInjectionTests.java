package io.github.genesysrotator.sandbox.genesys;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

class FaultInjectionTests {

	private static final String CLIENTS = "/api/v2/oauth/clients";

	private GenesysSimulator simulator;

	private SimHttpClient http;

	private SeededClient consumer;

	private String adminToken;

	@BeforeEach
	void start() {
		this.simulator = GenesysSimulator.start();
		this.http = new SimHttpClient(this.simulator.baseUrl(), Duration.ofMillis(500));
		OrgHandle org = this.simulator.createOrg("acme");
		this.consumer = org.createClient("consumer", GrantType.CLIENT_CREDENTIALS);
		this.adminToken = this.http.accessToken(org.createClientWithPermissions("rotator", OAuthPermission.values()));
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void injectedStatusAnswersErrorBodyWithoutChangingState() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).status(503));

		HttpResponse<String> failed = regenerate();

		assertThat(failed.statusCode()).isEqualTo(503);
		JsonFixtures.assertMatches(failed.body(), "error-service-unavailable.json");
		assertThat(this.simulator.observations().regenerationCount(this.consumer.id())).isZero();
		assertThat(this.simulator.currentSecret(this.consumer.id())).hasValue(this.consumer.secret());
		assertThat(regenerate().statusCode()).as("rule used up").isEqualTo(200);
	}

	@Test
	void tooManyRequestsBurstCarriesIntegerRetryAfter() {
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).times(2).tooManyRequests(7));

		for (int i = 0; i < 2; i++) {
			HttpResponse<String> limited = getConsumer();
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
			JsonFixtures.assertMatches(limited.body(), "error-too-many-requests.json");
		}
		assertThat(getConsumer().statusCode()).isEqualTo(200);
	}

	@Test
	void connectionResetFailsTheExchangeWithoutAnswer() {
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).connectionReset());

		Throwable failure = catchThrowable(() -> this.http.sendRaw(getConsumerRequest()));

		assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
		assertThat(this.simulator.observations().apiRequests()).last()
			.satisfies((record) -> assertThat(record.fault()).isEqualTo(FaultType.CONNECTION_RESET))
			.satisfies((record) -> assertThat(record.status()).isZero());
	}

	@Test
	void timeoutNeverAnswers() {
		this.simulator.faults().add(FaultRule.on(Operation.ANY).forClient(this.consumer.id()).timeout());

		Throwable failure = catchThrowable(() -> this.http.sendRaw(getConsumerRequest()));

		assertThat(failure).isInstanceOf(HttpTimeoutException.class);
	}

	@Test
	void latencyDelaysTheAnswer() {
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).latency(Duration.ofMillis(300)));
		long started = System.nanoTime();

		HttpResponse<String> response = getConsumer();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void globalLatencyDelaysEveryRequest() {
		this.simulator.faults().globalLatency(Duration.ofMillis(200));
		long started = System.nanoTime();

		this.http.token(this.consumer);
		getConsumer();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void applyThenDropPerformsTheRegenerationButResetsTheConnection() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).applyThenDrop());

		Throwable failure = catchThrowable(() -> this.http.sendRaw(this.http.request(secretPath())
			.header("Authorization", "Bearer " + this.adminToken)
			.POST(BodyPublishers.noBody())
			.build()));

		assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
		assertThat(this.simulator.observations().regenerationCount(this.consumer.id())).isEqualTo(1);
		assertThat(this.simulator.currentSecret(this.consumer.id())).isPresent()
			.get()
			.isNotEqualTo(this.consumer.secret());
		assertThat(this.http.token(this.consumer).statusCode()).as("old secret is dead").isEqualTo(400);
	}

	@Test
	void htmlPageAnswers200HtmlWithoutProcessing() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).htmlPage());

		HttpResponse<String> page = regenerate();

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).startsWith("<!DOCTYPE html>");
		assertThat(this.simulator.observations().regenerationCount(this.consumer.id())).isZero();
		assertThat(this.simulator.observations().apiRequests()).last()
			.satisfies((record) -> assertThat(record.fault()).isEqualTo(FaultType.HTML_PAGE));
	}

	@Test
	void truncatedJsonProcessesAndSendsAValidPrefix() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).truncatedJson());

		HttpResponse<String> cut = regenerate();

		assertThat(cut.statusCode()).isEqualTo(200);
		assertThat(cut.body()).startsWith("{");
		assertThat(SimJson.parseObject(cut.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
		String secret = this.simulator.currentSecret(this.consumer.id()).orElseThrow();
		assertThat(secret).isNotEqualTo(this.consumer.secret());
		assertThat(cut.body()).as("the prefix does not carry the whole new secret").doesNotContain(secret);
		assertThat(this.simulator.observations().regenerationCount(this.consumer.id())).isEqualTo(1);
	}

	@Test
	void hugeBodyIsAWellFormedJsonArrayOfTheRequestedSize() {
		int size = 5 * 1024 * 1024;
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).times(1).hugeBody(size));

		HttpResponse<String> huge = getConsumer();

		assertThat(huge.statusCode()).isEqualTo(200);
		assertThat(huge.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(huge.body()).hasSize(size).startsWith("[").endsWith("]");
		assertThat(huge.body().substring(1, size - 1)).isBlank();
	}

	@Test
	void extraFieldsKeepTheRealAnswer() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).extraFields());

		HttpResponse<String> extended = regenerate();

		JsonNode body = SimHttpClient.json(extended);
		assertThat(body.get("secret").stringValue()).isEqualTo(this.simulator.currentSecret(this.consumer.id()).get());
		assertThat(body.get("unexpectedField").isString()).isTrue();
		assertThat(body.get("unexpectedObject").get("nested").booleanValue()).isTrue();
	}

	@Test
	void omitFieldProcessesAndDropsTheField() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).omitField("secret"));
		this.simulator.faults()
			.add(FaultRule.on(Operation.TOKEN).forClient(this.consumer.id()).times(1).omitField("access_token"));

		HttpResponse<String> regenerated = regenerate();
		HttpResponse<String> token = this.http.token(this.consumer.id(),
				this.simulator.currentSecret(this.consumer.id()).get());

		assertThat(regenerated.statusCode()).isEqualTo(200);
		assertThat(SimHttpClient.json(regenerated).has("secret")).isFalse();
		assertThat(SimHttpClient.json(regenerated).get("id").stringValue()).isEqualTo(this.consumer.id());
		assertThat(this.simulator.observations().regenerationCount(this.consumer.id())).isEqualTo(1);
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(SimHttpClient.json(token).has("access_token")).isFalse();
		assertThat(SimHttpClient.json(token).has("token_type")).isTrue();
	}

	@Test
	void contentTypeRelabelsTheRealAnswer() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).contentType("text/plain"));

		HttpResponse<String> relabelled = regenerate();

		assertThat(relabelled.headers().firstValue("Content-Type")).hasValue("text/plain");
		assertThat(SimHttpClient.json(relabelled).get("secret").stringValue())
			.isEqualTo(this.simulator.currentSecret(this.consumer.id()).get());
	}

	@Test
	void tokenFaultsTargetTheClientIdOfTheRequest() {
		SeededClient other = this.simulator.createOrg("other").createClient("other", GrantType.CLIENT_CREDENTIALS);
		this.simulator.faults().add(FaultRule.on(Operation.TOKEN).forClient(this.consumer.id()).status(500));

		assertThat(this.http.token(this.consumer).statusCode()).isEqualTo(500);
		assertThat(this.http.token(other).statusCode()).isEqualTo(200);
	}

	@Test
	void clearingRemovesRulesAndResetKeepsIssuedSecrets() {
		String ruleId = this.simulator.faults().add(FaultRule.on(Operation.ANY).status(502));
		assertThat(this.simulator.faults().activeRules()).containsKey(ruleId);
		assertThat(getConsumer().statusCode()).isEqualTo(502);

		this.simulator.reset();

		assertThat(this.simulator.faults().activeRules()).isEmpty();
		assertThat(getConsumer().statusCode()).isEqualTo(200);
		assertThat(this.simulator.observations().apiRequests()).hasSize(1);
		assertThat(this.simulator.observations().issuedSecrets()).contains(this.consumer.secret());
	}

	@Test
	void requestLogRecordsOperationStatusAndFault() {
		this.simulator.faults().add(FaultRule.on(Operation.LIST_CLIENTS).times(1).status(500));
		this.http.get(CLIENTS, this.adminToken);
		this.http.get(CLIENTS, this.adminToken);

		assertThat(this.simulator.observations().apiRequests())
			.extracting(ApiRequestRecord::operation, ApiRequestRecord::status, ApiRequestRecord::fault)
			.containsExactly(tuple(Operation.TOKEN, 200, null), tuple(Operation.LIST_CLIENTS, 500, FaultType.STATUS),
					tuple(Operation.LIST_CLIENTS, 200, null));
	}

	private HttpResponse<String> regenerate() {
		return this.http.post(secretPath(), this.adminToken, null);
	}

	private String secretPath() {
		return CLIENTS + "/" + this.consumer.id() + "/secret";
	}

	private HttpResponse<String> getConsumer() {
		return this.http.get(CLIENTS + "/" + this.consumer.id(), this.adminToken);
	}

	private HttpRequest getConsumerRequest() {
		return this.http.request(CLIENTS + "/" + this.consumer.id())
			.header("Authorization", "Bearer " + this.adminToken)
			.GET()
			.build();
	}

}
