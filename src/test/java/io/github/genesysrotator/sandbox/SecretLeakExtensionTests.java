package io.github.genesysrotator.sandbox;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.github.genesysrotator.sandbox.genesys.GenesysSimulator;
import io.github.genesysrotator.sandbox.genesys.GrantType;
import io.github.genesysrotator.sandbox.genesys.OrgHandle;
import io.github.genesysrotator.sandbox.genesys.SeededClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

/**
 * Proves that {@link SecretLeakExtension}, registered for the whole suite, fails a test
 * that prints or logs an issued secret and lets a test that only handles one pass.
 */
class SecretLeakExtensionTests {

	private static final String LAUNCHED_BY_KIT = "secret-leak-demo";

	@Test
	void failsTestsThatPrintOrLogAnIssuedSecretWithoutQuotingIt() {
		EngineExecutionResults results = runQuietly(LeakingTests.class);

		results.testEvents()
			.assertStatistics((stats) -> stats.started(3).succeeded(1).failed(2))
			.assertThatEvents()
			.haveExactly(1, event(test("printsSecret"), finishedWithFailure(instanceOf(AssertionError.class))))
			.haveExactly(1, event(test("logsSecret"), finishedWithFailure(instanceOf(AssertionError.class))))
			.haveExactly(1, event(test("comparesSecretsWithoutPrintingThem"), finishedSuccessfully()));
		results.testEvents().failed().stream().map(Event::getPayload).forEach((payload) -> {
			String message = payload.map(Object::toString).orElseThrow();
			assertThat(message).contains("contains a secret issued by the Genesys simulator");
			assertThatNoException().isThrownBy(() -> IssuedSecrets.assertClean("failure message", message));
		});
	}

	@Test
	void assertCleanFindsASecretInsideLongerBase64WithoutQuotingIt() {
		try (GenesysSimulator simulator = GenesysSimulator.start()) {
			SeededClient client = simulator.createOrg("acme").createClient("consumer", GrantType.CLIENT_CREDENTIALS);
			String body = "{\"blob\":\"QUJD" + client.secret() + "REVG\"}";

			assertThatNoException()
				.isThrownBy(() -> IssuedSecrets.assertClean("body", "{\"id\":\"" + client.id() + "\"}"));
			assertThat(catchLeak(body)).contains("body contains a secret").doesNotContain(client.secret());
			assertThat(catchLeak("token=" + "s.vault-token")).isNull();
			assertThat(catchLeak("x s.vault-token", "s.vault-token")).contains("contains a secret");
		}
	}

	@Test
	void findsSecretsOfTheTwentyToTwentyTwoCharactersGenesysIssuesNow() {
		try (GenesysSimulator simulator = GenesysSimulator.start()) {
			OrgHandle org = simulator.createOrg("acme");
			List<String> secrets = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				secrets.add(org.createClient("consumer-" + i, GrantType.CLIENT_CREDENTIALS).secret());
			}
			assertThat(secrets).allSatisfy((secret) -> assertThat(secret).hasSizeBetween(20, 22));
			String shortest = secrets.stream().filter((secret) -> secret.length() == 20).findFirst().orElseThrow();

			assertThat(catchLeak("rotated, new secret " + shortest + " staged")).contains("body contains a secret")
				.doesNotContain(shortest);
			assertThat(catchLeak("{\"blob\":\"QUJD" + shortest + "REVG\"}")).contains("body contains a secret");
			assertThat(catchLeak("almost " + shortest.substring(1))).as("19 of its characters are not the secret")
				.isNull();
		}
	}

	private static String catchLeak(String text, String... otherSecrets) {
		try {
			IssuedSecrets.assertClean("body", text, otherSecrets);
			return null;
		}
		catch (AssertionError expected) {
			return expected.getMessage();
		}
	}

	// The leaking tests write secrets to standard output: send that to nowhere so that
	// the capture around this test does not see them.
	private static EngineExecutionResults runQuietly(Class<?> testClass) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
		System.setOut(nowhere);
		System.setErr(nowhere);
		try {
			return EngineTestKit.engine("junit-jupiter")
				.configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
				.configurationParameter(LAUNCHED_BY_KIT, "true")
				.selectors(selectClass(testClass))
				.execute();
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	/** Deliberately leaking tests: they only run inside the engine launched above. */
	@ExtendWith(OnlyInsideTheTestKit.class)
	static class LeakingTests {

		@Test
		void printsSecret() {
			try (GenesysSimulator simulator = GenesysSimulator.start()) {
				System.out.println("consumer secret: " + consumerOf(simulator).secret());
			}
		}

		@Test
		void logsSecret() {
			try (GenesysSimulator simulator = GenesysSimulator.start()) {
				LoggerFactory.getLogger(LeakingTests.class).warn("secret {}", consumerOf(simulator).secret());
			}
		}

		@Test
		void comparesSecretsWithoutPrintingThem() {
			try (GenesysSimulator simulator = GenesysSimulator.start()) {
				SeededClient consumer = consumerOf(simulator);
				assertThat(simulator.currentSecret(consumer.id())).contains(consumer.secret());
			}
		}

		private static SeededClient consumerOf(GenesysSimulator simulator) {
			return simulator.createOrg("acme").createClient("consumer", GrantType.CLIENT_CREDENTIALS);
		}

	}

	static class OnlyInsideTheTestKit implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(LAUNCHED_BY_KIT).isPresent()
					? ConditionEvaluationResult.enabled("launched by SecretLeakExtensionTests")
					: ConditionEvaluationResult
						.disabled("a deliberately leaking test, run by SecretLeakExtensionTests");
		}

	}

}
