package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.genesysrotator.rotation.RotationResult.PhaseTiming;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviours the fact sheet marks unconfirmed, each switched the other way from the
 * simulator's defaults: rotations must come out right either way.
 */
class SimulatorSwitchesIntegrationTests {

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
	class WhenIssuedTokensAreRevokedByARegeneration extends OnItsOwnSandbox {

		static final Sandbox sandbox = Sandbox.start(0, 0,
				GenesysSimulatorOptions.builder().tokensSurviveRegeneration(false));

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			register(sandbox, registry);
		}

		@AfterAll
		static void stop() {
			sandbox.close();
		}

		@Override
		Sandbox sandbox() {
			return sandbox;
		}

		@Test
		void singleRotationStillPublishesAWorkingSecretAndMeasuresTheWindow() {
			SandboxConsumer consumer = new SandboxConsumer(sandbox);
			SandboxConsumer.Published before = consumer.read(Sandbox.SINGLE_PATH);
			RotationResult result = rotate(this.rotations, Sandbox.SINGLE);

			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(result.exposureWindow()).isPositive();
			assertThat(consumer.authenticates(Sandbox.SINGLE_PATH)).isTrue();
			assertThat(consumer.tokenWorks(before.clientId(), before.secret())).isFalse();
		}

		@Test
		void dualRotationLeavesTheDemotedClientsSecretWorking() {
			SandboxConsumer consumer = new SandboxConsumer(sandbox);
			SandboxConsumer.Published active = consumer.read(Sandbox.DUAL_PATH);
			assertThat(rotate(this.rotations, Sandbox.DUAL).outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(consumer.tokenWorks(active.clientId(), active.secret())).isTrue();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
	class WhenANewSecretTakesTimeToPropagate extends OnItsOwnSandbox {

		static final Duration DELAY = Duration.ofMillis(400);

		/**
		 * Genesys time stands still until a test moves it: a new secret cannot propagate
		 * before then, however slow or fast this machine is.
		 */
		static final MutableClock genesysTime = MutableClock.startingNow();

		static final Sandbox sandbox = Sandbox.start(0, 0,
				GenesysSimulatorOptions.builder().secretPropagationDelay(DELAY).clock(genesysTime));

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			register(sandbox, registry);
		}

		@AfterAll
		static void stop() {
			sandbox.close();
		}

		@Override
		Sandbox sandbox() {
			return sandbox;
		}

		@Test
		void verificationWaitsForPropagationBeforeTheDualPromotion() {
			SandboxConsumer consumer = new SandboxConsumer(sandbox);
			SandboxConsumer.Published before = consumer.read(Sandbox.DUAL_PATH);
			CompletableFuture<RotationResult> rotation = CompletableFuture
				.supplyAsync(() -> rotate(this.rotations, Sandbox.DUAL));

			awaitRefusedGrant(Sandbox.DUAL_B_ID);
			assertThat(rotation).as("still verifying while the secret has not propagated").isNotDone();
			assertThat(consumer.read(Sandbox.DUAL_PATH)).as("nothing published yet").isEqualTo(before);
			genesysTime.advance(DELAY);
			RotationResult result = rotation.join();

			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(result.phases()).extracting(PhaseTiming::phase)
				.containsSubsequence(Phase.VERIFIED, Phase.PROMOTED);
			assertThat(consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
		}

		@Test
		void singleRotationSucceedsOnceTheSecretPropagated() {
			CompletableFuture<RotationResult> rotation = CompletableFuture
				.supplyAsync(() -> rotate(this.rotations, Sandbox.SINGLE));

			awaitRefusedGrant(Sandbox.SINGLE_ID);
			assertThat(rotation).as("still verifying while the secret has not propagated").isNotDone();
			genesysTime.advance(DELAY);
			RotationResult result = rotation.join();

			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(result.exposureWindow()).isPositive();
			assertThat(new SandboxConsumer(sandbox).authenticates(Sandbox.SINGLE_PATH)).isTrue();
		}

		/**
		 * Bounded wait until the verifier's grant with the new secret was refused once.
		 */
		private static void awaitRefusedGrant(String clientId) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (sandbox.genesys()
				.observations()
				.tokenRequests()
				.stream()
				.noneMatch((request) -> clientId.equals(request.clientId()) && !request.accepted())) {
				assertThat(System.nanoTime()).as("a refused token grant for %s", clientId).isLessThan(deadline);
				// A short pause between looks leaves the CPUs to the rotation being
				// watched.
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
			}
		}

	}

	/** A test context on a sandbox of its own, reset before each test. */
	abstract static class OnItsOwnSandbox {

		@Autowired
		RotationService rotations;

		abstract Sandbox sandbox();

		@BeforeEach
		void reset() {
			sandbox().reset();
		}

	}

	static void register(Sandbox sandbox, DynamicPropertyRegistry registry) {
		sandbox.register(registry);
		registry.add("rotator.rotation.verify-interval", () -> "50ms");
		registry.add("rotator.rotation.verify-timeout", () -> "10s");
		registry.add("rotator.schedule.poll", () -> "-");
		registry.add("spring.main.web-application-type", () -> "none");
	}

	static RotationResult rotate(RotationService rotations, String credential) {
		return rotations.rotate(RotationRequest.of(credential, Trigger.API, "test"));
	}

}
