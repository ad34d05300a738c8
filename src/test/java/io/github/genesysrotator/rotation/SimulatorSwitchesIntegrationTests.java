package io.github.genesysrotator.rotation;

import java.time.Duration;

import io.github.genesysrotator.rotation.RotationResult.PhaseTiming;
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

		static final Sandbox sandbox = Sandbox.start(0, 0,
				GenesysSimulatorOptions.builder().secretPropagationDelay(DELAY));

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
			RotationResult result = rotate(this.rotations, Sandbox.DUAL);

			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(between(result, Phase.STAGED, Phase.VERIFIED)).isGreaterThanOrEqualTo(DELAY.minusMillis(50));
			long rejected = sandbox.genesys()
				.observations()
				.tokenRequests()
				.stream()
				.filter((request) -> Sandbox.DUAL_B_ID.equals(request.clientId()) && !request.accepted())
				.count();
			assertThat(rejected).as("token grants refused during propagation").isPositive();
			assertThat(new SandboxConsumer(sandbox).authenticates(Sandbox.DUAL_PATH)).isTrue();
		}

		@Test
		void singleRotationSucceedsOnceTheSecretPropagated() {
			RotationResult result = rotate(this.rotations, Sandbox.SINGLE);

			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(result.exposureWindow()).isPositive();
			assertThat(new SandboxConsumer(sandbox).authenticates(Sandbox.SINGLE_PATH)).isTrue();
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
		sandbox.serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("rotator.rotation.verify-interval", () -> "50ms");
		registry.add("rotator.rotation.verify-timeout", () -> "10s");
		registry.add("rotator.schedule.poll", () -> "-");
		registry.add("spring.main.web-application-type", () -> "none");
	}

	static RotationResult rotate(RotationService rotations, String credential) {
		return rotations.rotate(RotationRequest.of(credential, Trigger.API, "test"));
	}

	static Duration between(RotationResult result, Phase from, Phase to) {
		return Duration.between(at(result, from), at(result, to));
	}

	private static java.time.Instant at(RotationResult result, Phase phase) {
		return result.phases()
			.stream()
			.filter((timing) -> timing.phase() == phase)
			.findFirst()
			.map(PhaseTiming::at)
			.orElseThrow();
	}

}
