package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.genesysrotator.rotation.RotationResult.PhaseTiming;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.SandboxSetup;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviours the fact sheet marks unconfirmed, each switched the other way from the
 * simulator's defaults: rotations must come out right either way.
 */
class SimulatorSwitchesIntegrationTests {

	static final String VERIFY_TIMEOUT = "rotator.rotation.verify-timeout=10s";

	static final Duration DELAY = Duration.ofMillis(400);

	/** The Genesys simulator's time when secrets propagate slowly. */
	static final MutableClock genesysTime = MutableClock.startingNow();

	@Nested
	@SandboxServiceTest(setup = TokensRevokedByARegeneration.class, properties = VERIFY_TIMEOUT)
	class WhenIssuedTokensAreRevokedByARegeneration extends OnItsOwnSandbox {

		@Test
		void singleRotationStillPublishesAWorkingSecretAndMeasuresTheWindow() {
			SandboxConsumer consumer = new SandboxConsumer(this.sandbox);
			SandboxConsumer.Published before = consumer.read(Sandbox.SINGLE_PATH);
			RotationResult result = rotate(this.rotations, Sandbox.SINGLE);

			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(result.exposureWindow()).isPositive();
			assertThat(consumer.authenticates(Sandbox.SINGLE_PATH)).isTrue();
			assertThat(consumer.tokenWorks(before.clientId(), before.secret())).isFalse();
		}

		@Test
		void dualRotationLeavesTheDemotedClientsSecretWorking() {
			SandboxConsumer consumer = new SandboxConsumer(this.sandbox);
			SandboxConsumer.Published active = consumer.read(Sandbox.DUAL_PATH);
			assertThat(rotate(this.rotations, Sandbox.DUAL).outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(consumer.tokenWorks(active.clientId(), active.secret())).isTrue();
		}

	}

	@Nested
	@SandboxServiceTest(setup = SecretsPropagateSlowly.class, properties = VERIFY_TIMEOUT)
	class WhenANewSecretTakesTimeToPropagate extends OnItsOwnSandbox {

		@Test
		void verificationWaitsForPropagationBeforeTheDualPromotion() {
			SandboxConsumer consumer = new SandboxConsumer(this.sandbox);
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
			assertThat(new SandboxConsumer(this.sandbox).authenticates(Sandbox.SINGLE_PATH)).isTrue();
		}

		/**
		 * Bounded wait until the verifier's grant with the new secret was refused once.
		 */
		private void awaitRefusedGrant(String clientId) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (this.sandbox.genesys()
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

	/** A test context on a sandbox of its own. */
	abstract static class OnItsOwnSandbox {

		@Autowired
		Sandbox sandbox;

		@Autowired
		RotationService rotations;

	}

	/** Issued tokens die when their client's secret is regenerated. */
	static final class TokensRevokedByARegeneration implements SandboxSetup {

		@Override
		public GenesysSimulatorOptions.Builder genesys(GenesysSimulatorOptions.Builder options) {
			return options.tokensSurviveRegeneration(false);
		}

	}

	/**
	 * A new secret propagates {@link #DELAY} of Genesys time after its regeneration, and
	 * Genesys time stands still until a test moves it: a new secret cannot propagate
	 * before then, however slow or fast this machine is.
	 */
	static final class SecretsPropagateSlowly implements SandboxSetup {

		@Override
		public GenesysSimulatorOptions.Builder genesys(GenesysSimulatorOptions.Builder options) {
			return options.secretPropagationDelay(DELAY).clock(genesysTime);
		}

	}

	static RotationResult rotate(RotationService rotations, String credential) {
		return rotations.rotate(RotationRequest.of(credential, Trigger.API, "test"));
	}

}
