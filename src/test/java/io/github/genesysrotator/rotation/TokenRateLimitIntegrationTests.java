package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.SandboxSetup;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import io.github.genesysrotator.sandbox.genesys.TokenRequestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login host's own rate limit on token grants (400 {@code invalid_request} "rate
 * limit exceeded; ...") hits a rotation between its regeneration and its verification,
 * because other applications of the org used up the org's grants: the rotation waits it
 * out and succeeds once the limit lifts, and no consumer is left without a working secret
 * meanwhile.
 */
@SandboxServiceTest(setup = TokenRateLimitIntegrationTests.RateLimitedLoginHost.class,
		properties = { "rotator.rotation.verify-timeout=20s", "rotator.genesys.initial-backoff=50ms",
				"rotator.genesys.max-backoff=500ms" })
class TokenRateLimitIntegrationTests {

	/** Grants per org per window; the window lasts one minute of Genesys time. */
	static final int GRANTS_PER_WINDOW = 5;

	/** Genesys time stands still until a test moves it: the limit lifts only then. */
	static final MutableClock genesysTime = MutableClock.startingNow();

	@Autowired
	Sandbox sandbox;

	@Autowired
	RotationService rotations;

	@Autowired
	GenesysOAuthClients genesys;

	@Autowired
	MeterRegistry registry;

	@BeforeEach
	void reset() {
		// The admin token is cached before the org's grants run out: the limit meets the
		// rotation at its verification, after the regeneration.
		this.genesys.listClients(Sandbox.ORG);
	}

	@Test
	void dualRotationWaitsOutTheLimitWhileConsumersKeepTheActiveSecret() {
		SandboxConsumer consumer = new SandboxConsumer(this.sandbox);
		SandboxConsumer.Published before = consumer.read(Sandbox.DUAL_PATH);
		useUpTheOrgsGrants(consumer);
		CompletableFuture<RotationResult> rotation = CompletableFuture
			.supplyAsync(() -> this.rotations.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.API, "test")));

		double limitedBefore = rateLimitedCount();
		awaitRateLimitedGrant(Sandbox.DUAL_B_ID);
		assertThat(rotation).as("still verifying while grants are limited").isNotDone();
		await("rotator_genesys_token_rate_limited_total{org} above " + limitedBefore,
				() -> rateLimitedCount() > limitedBefore);
		assertThat(consumer.read(Sandbox.DUAL_PATH)).as("nothing published yet").isEqualTo(before);
		assertThat(this.sandbox.genesys().currentSecret(before.clientId())).as("the published secret still works")
			.hasValue(before.secret());
		genesysTime.advance(Duration.ofMinutes(1));
		RotationResult result = rotation.join();

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
		assertThat(consumer.tokenWorks(before.clientId(), before.secret())).as("the demoted client still works")
			.isTrue();
	}

	@Test
	void singleRotationWaitsOutTheLimitWithTheNewSecretPublished() {
		SandboxConsumer consumer = new SandboxConsumer(this.sandbox);
		useUpTheOrgsGrants(consumer);
		CompletableFuture<RotationResult> rotation = CompletableFuture
			.supplyAsync(() -> this.rotations.rotate(RotationRequest.of(Sandbox.SINGLE, Trigger.API, "test")));

		awaitRateLimitedGrant(Sandbox.SINGLE_ID);
		assertThat(rotation).as("still verifying while grants are limited").isNotDone();
		assertThat(this.sandbox.genesys().currentSecret(Sandbox.SINGLE_ID))
			.as("what consumers read is the secret Genesys accepts")
			.hasValue(consumer.read(Sandbox.SINGLE_PATH).secret());
		genesysTime.advance(Duration.ofMinutes(1));
		RotationResult result = rotation.join();

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(consumer.authenticates(Sandbox.SINGLE_PATH)).isTrue();
	}

	private double rateLimitedCount() {
		Counter counter = this.registry.find("rotator.genesys.token.rate.limited").tag("org", Sandbox.ORG).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** Other applications of the org make grants until the login host limits them. */
	private void useUpTheOrgsGrants(SandboxConsumer consumer) {
		for (int i = 0; i <= GRANTS_PER_WINDOW && rateLimitedGrants(null) == 0; i++) {
			consumer.tokenStatus(Sandbox.ADMIN_ID, "not-the-admin-secret");
		}
		assertThat(rateLimitedGrants(null)).as("the org's grants are used up").isPositive();
	}

	/** Bounded wait until a grant for this client was refused by the rate limit. */
	private void awaitRateLimitedGrant(String clientId) {
		await("a rate-limited token grant for " + clientId, () -> rateLimitedGrants(clientId) > 0);
	}

	/** Polls {@code condition} every 5 ms for up to 30 s. */
	private static void await(String description, BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(description).isLessThan(deadline);
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
		}
	}

	/**
	 * Rate-limited grants for a client, or for any client when {@code clientId} is null.
	 */
	private long rateLimitedGrants(String clientId) {
		return this.sandbox.genesys()
			.observations()
			.tokenRequests()
			.stream()
			.filter(TokenRequestRecord::rateLimited)
			.filter((request) -> clientId == null || clientId.equals(request.clientId()))
			.count();
	}

	/** The login host limits the org's grants per window of {@code genesysTime}. */
	static final class RateLimitedLoginHost implements SandboxSetup {

		@Override
		public GenesysSimulatorOptions.Builder genesys(GenesysSimulatorOptions.Builder options) {
			return options.tokenGrantsPerWindow(GRANTS_PER_WINDOW).clock(genesysTime);
		}

	}

}
