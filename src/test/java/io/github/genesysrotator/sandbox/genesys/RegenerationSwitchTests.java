package io.github.genesysrotator.sandbox.genesys;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.genesysrotator.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switches for what the fact sheet could not confirm about regeneration, each tested
 * both ways.
 */
class RegenerationSwitchTests {

	private static final String CLIENTS = "/api/v2/oauth/clients";

	private final MutableClock clock = MutableClock.startingNow();

	private GenesysSimulator simulator;

	private SimHttpClient http;

	private SeededClient admin;

	private SeededClient consumer;

	private void start(GenesysSimulatorOptions.Builder options) {
		this.simulator = GenesysSimulator.start(options.clock(this.clock).build());
		this.http = new SimHttpClient(this.simulator.baseUrl());
		OrgHandle org = this.simulator.createOrg("acme");
		this.admin = org.createClientWithPermissions("rotator", OAuthPermission.VIEW, OAuthPermission.EDIT);
		this.consumer = org.createClientWithPermissions("consumer", OAuthPermission.VIEW);
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void tokensSurviveRegenerationByDefault() {
		start(GenesysSimulatorOptions.builder());
		String consumerToken = this.http.accessToken(this.consumer);

		String newSecret = regenerate();

		assertThat(newSecret).isNotEqualTo(this.consumer.secret());
		assertThat(this.http.get(CLIENTS, consumerToken).statusCode()).isEqualTo(200);
	}

	@Test
	void tokensAreRevokedByRegenerationWhenSwitchedOff() {
		start(GenesysSimulatorOptions.builder().tokensSurviveRegeneration(false));
		String consumerToken = this.http.accessToken(this.consumer);

		String newSecret = regenerate();

		HttpResponse<String> response = this.http.get(CLIENTS, consumerToken);
		assertThat(response.statusCode()).isEqualTo(401);
		JsonFixtures.assertMatches(response.body(), "error-bad-credentials.json");
		String freshToken = this.http.accessToken(new SeededClient(this.consumer.id(), newSecret));
		assertThat(this.http.get(CLIENTS, freshToken).statusCode()).isEqualTo(200);
	}

	@Test
	void newSecretWorksImmediatelyWithoutPropagationDelay() {
		start(GenesysSimulatorOptions.builder());

		String newSecret = regenerate();

		assertThat(this.http.token(this.consumer.id(), newSecret).statusCode()).isEqualTo(200);
	}

	@Test
	void newSecretIsRejectedUntilPropagationDelayPassed() {
		start(GenesysSimulatorOptions.builder().secretPropagationDelay(Duration.ofSeconds(10)));

		String newSecret = regenerate();

		HttpResponse<String> early = this.http.token(this.consumer.id(), newSecret);
		assertThat(early.statusCode()).isEqualTo(400);
		JsonFixtures.assertMatches(early.body(), "token-error-invalid-client.json");
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(this.http.token(this.consumer.id(), newSecret).statusCode()).isEqualTo(400);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.http.token(this.consumer.id(), newSecret).statusCode()).isEqualTo(200);
	}

	@Test
	void oldSecretFailsImmediatelyWithoutGrace() {
		start(GenesysSimulatorOptions.builder());

		regenerate();

		assertThat(this.http.token(this.consumer).statusCode()).isEqualTo(400);
	}

	@Test
	void oldSecretWorksDuringGraceThenFails() {
		start(GenesysSimulatorOptions.builder().oldSecretGrace(Duration.ofSeconds(30)));

		String newSecret = regenerate();

		assertThat(this.http.token(this.consumer).statusCode()).isEqualTo(200);
		assertThat(this.http.token(this.consumer.id(), newSecret).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.http.token(this.consumer).statusCode()).isEqualTo(400);
		assertThat(this.http.token(this.consumer.id(), newSecret).statusCode()).isEqualTo(200);
	}

	@Test
	void graceCoversOnlyTheLatestPreviousSecret() {
		start(GenesysSimulatorOptions.builder().oldSecretGrace(Duration.ofSeconds(30)));

		String second = regenerate();
		String third = regenerate();

		assertThat(this.http.token(this.consumer).statusCode()).isEqualTo(400);
		assertThat(this.http.token(this.consumer.id(), second).statusCode()).isEqualTo(200);
		assertThat(this.http.token(this.consumer.id(), third).statusCode()).isEqualTo(200);
	}

	private String regenerate() {
		HttpResponse<String> response = this.http.post(CLIENTS + "/" + this.consumer.id() + "/secret",
				this.http.accessToken(this.admin), null);
		assertThat(response.statusCode()).isEqualTo(200);
		return SimHttpClient.json(response).get("secret").stringValue();
	}

}
