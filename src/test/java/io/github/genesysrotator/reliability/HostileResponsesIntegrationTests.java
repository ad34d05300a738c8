package io.github.genesysrotator.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotationTestSupport;
import io.github.genesysrotator.rotation.RotationTestSupport.CrashSwitch;
import io.github.genesysrotator.rotation.StateRecordStore;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.IssuedSecrets;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxConsumer.Published;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Genesys answering, but not as its API does (an HTML page, cut JSON, a huge body, extra
 * or missing fields, a wrong content type), at each call a rotation makes, for both
 * strategies, through the production adapter. Each case runs one rotation, lets recovery
 * finish whatever it left in flight, and checks the outcome, that the consumer path
 * authenticates, that no regenerated secret is lost and that no secret reached a message
 * or the log. The rows land in {@code target/reliability/hostile-responses.md}.
 */
@SandboxServiceTest
@Import(RotationTestSupport.Beans.class)
@ExtendWith(OutputCaptureExtension.class)
class HostileResponsesIntegrationTests {

	@Autowired
	private Sandbox sandbox;

	private static final int HUGE = 5 * 1024 * 1024;

	private static final Map<String, String> rows = new TreeMap<>();

	private SandboxConsumer consumer;

	@Autowired
	private RotationService rotations;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CrashSwitch crashSwitch;

	@Autowired
	private CredentialCatalog catalog;

	@Autowired
	private StateRecordStore states;

	/** A call of the rotation and what Genesys sends back instead of its answer. */
	enum Hostile {

		PREFLIGHT_HTML(Operation.GET_CLIENT, (on) -> on.htmlPage(), Outcome.FAILED, 0),

		PREFLIGHT_TRUNCATED(Operation.GET_CLIENT, (on) -> on.truncatedJson(), Outcome.FAILED, 0),

		PREFLIGHT_HUGE(Operation.GET_CLIENT, (on) -> on.hugeBody(HUGE), Outcome.FAILED, 0),

		PREFLIGHT_EXTRA_FIELDS(Operation.GET_CLIENT, (on) -> on.extraFields(), Outcome.SUCCESS, 1),

		PREFLIGHT_TEXT_PLAIN(Operation.GET_CLIENT, (on) -> on.contentType("text/plain"), Outcome.SUCCESS, 1),

		REGENERATE_HTML(Operation.REGENERATE_SECRET, (on) -> on.htmlPage(), Outcome.FAILED, 0),

		/** The secret changed and its answer was cut: the new secret is lost. */
		REGENERATE_TRUNCATED(Operation.REGENERATE_SECRET, (on) -> on.truncatedJson(), Outcome.FAILED, 1),

		REGENERATE_HUGE(Operation.REGENERATE_SECRET, (on) -> on.hugeBody(HUGE), Outcome.FAILED, 0),

		REGENERATE_EXTRA_FIELDS(Operation.REGENERATE_SECRET, (on) -> on.extraFields(), Outcome.SUCCESS, 1),

		/**
		 * The secret changed and the answer does not carry it: the new secret is lost.
		 */
		REGENERATE_WITHOUT_SECRET(Operation.REGENERATE_SECRET, (on) -> on.omitField("secret"), Outcome.FAILED, 1),

		REGENERATE_TEXT_PLAIN(Operation.REGENERATE_SECRET, (on) -> on.contentType("text/plain"), Outcome.SUCCESS, 1),

		VERIFY_HTML(Operation.TOKEN, (on) -> on.htmlPage(), Outcome.FAILED, 1),

		VERIFY_TRUNCATED(Operation.TOKEN, (on) -> on.truncatedJson(), Outcome.FAILED, 1),

		VERIFY_HUGE(Operation.TOKEN, (on) -> on.hugeBody(HUGE), Outcome.FAILED, 1),

		VERIFY_EXTRA_FIELDS(Operation.TOKEN, (on) -> on.extraFields(), Outcome.SUCCESS, 1),

		/** A grant without a token is "not accepted yet": the verifier asks again. */
		VERIFY_WITHOUT_ACCESS_TOKEN(Operation.TOKEN, (on) -> on.omitField("access_token"), Outcome.SUCCESS, 1),

		VERIFY_TEXT_PLAIN(Operation.TOKEN, (on) -> on.contentType("text/plain"), Outcome.SUCCESS, 1);

		final Operation operation;

		final Function<FaultRule.Builder, FaultRule> rule;

		final Outcome outcome;

		final int regenerations;

		Hostile(Operation operation, Function<FaultRule.Builder, FaultRule> rule, Outcome outcome, int regenerations) {
			this.operation = operation;
			this.rule = rule;
			this.outcome = outcome;
			this.regenerations = regenerations;
		}

	}

	record Case(Strategy strategy, Hostile hostile) {

		String credential() {
			return FaultMatrix.credential(this.strategy);
		}

		String consumerPath() {
			return FaultMatrix.consumerPath(this.strategy);
		}

		String target() {
			return FaultMatrix.targetClient(this.strategy);
		}

		/**
		 * A failed single regeneration leaves its publication in doubt: recovery either
		 * regenerates again (the secret changed and was lost) or finds the published
		 * secret still works and closes the journal.
		 */
		List<Outcome> expectedRecovery() {
			if (this.strategy == Strategy.SINGLE && this.hostile.operation == Operation.REGENERATE_SECRET
					&& this.hostile.outcome == Outcome.FAILED) {
				return List.of((this.hostile.regenerations > 0) ? Outcome.SUCCESS : Outcome.SKIPPED);
			}
			return List.of();
		}

		/**
		 * Dual regenerated the standby and could not read its new secret: nobody uses the
		 * standby (and a rollback verifies before it publishes), so nothing is recovered;
		 * the next rotation regenerates it again.
		 */
		boolean losesTheStandbySecret() {
			return this.strategy == Strategy.DUAL && this.hostile.operation == Operation.REGENERATE_SECRET
					&& this.hostile.outcome == Outcome.FAILED && this.hostile.regenerations > 0;
		}

		@Override
		public String toString() {
			return this.strategy.name().toLowerCase() + " | " + this.hostile.name().toLowerCase().replace('_', ' ');
		}

	}

	static Stream<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (Strategy strategy : Strategy.values()) {
			for (Hostile hostile : Hostile.values()) {
				cases.add(new Case(strategy, hostile));
			}
		}
		return cases.stream();
	}

	@BeforeEach
	void resetWorld() {
		this.consumer = new SandboxConsumer(this.sandbox);
		this.clock.reset();
		this.crashSwitch.disarm();
	}

	@AfterAll
	static void writeReport() throws IOException {
		Path report = Path.of("target", "reliability", "hostile-responses.md");
		Files.createDirectories(report.getParent());
		List<String> lines = new ArrayList<>();
		lines.add("| strategy | hostile response | run | recovery | regenerations | consumer at rest |");
		lines.add("|---|---|---|---|---|---|");
		lines.addAll(rows.values());
		Files.write(report, lines);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void hostileResponse(Case hostileCase, CapturedOutput output) {
		Published before = this.consumer.read(hostileCase.consumerPath());
		inject(hostileCase);

		RotationResult run = this.rotations.rotate(
				new RotationRequest(hostileCase.credential(), Trigger.API, "hostile", Mode.ROUTINE, false, null, null));
		this.crashSwitch.disarm();
		this.sandbox.genesys().faults().clear();
		List<RotationResult> recovered = this.rotations.recoverAbandoned();

		assertThat(run.outcome()).as("outcome (%s)", run.errorMessage()).isEqualTo(hostileCase.hostile().outcome);
		if (run.outcome() == Outcome.FAILED) {
			assertThat(run.errorCode()).isEqualTo("genesys-rejected");
		}
		int regenerations = this.sandbox.genesys().observations().regenerationCount(hostileCase.target());
		long byRecovery = recovered.stream().mapToLong((result) -> result.regeneratedClientIds().size()).sum();
		assertThat(regenerations - byRecovery).as("regenerations by the run")
			.isEqualTo(hostileCase.hostile().regenerations);
		assertThat(recovered).extracting(RotationResult::outcome)
			.as("recovery of what the run left in flight")
			.containsExactlyElementsOf(hostileCase.expectedRecovery());
		if (hostileCase.losesTheStandbySecret()) {
			assertThat(rotate(hostileCase).outcome()).as("the next rotation regenerates the standby again")
				.isEqualTo(Outcome.SUCCESS);
		}
		Invariants invariants = new Invariants(this.catalog.get(hostileCase.credential()), this.sandbox, this.consumer,
				this.states, this.clock.instant());
		invariants.noRegeneratedSecretLost();
		invariants.recordAtRest();
		assertThat(this.consumer.authenticates(hostileCase.consumerPath())).as("consumer path authenticates").isTrue();
		assertThat(this.consumer.read(hostileCase.consumerPath()).version()).isGreaterThanOrEqualTo(before.version());
		for (RotationResult result : allOf(run, recovered)) {
			IssuedSecrets.assertClean("result message", String.valueOf(result.errorMessage()));
		}
		IssuedSecrets.assertClean("log", output.getAll());

		rows.put(key(hostileCase),
				"| " + String.join(" | ", hostileCase.strategy().name().toLowerCase(),
						hostileCase.hostile().name().toLowerCase().replace('_', ' '), describe(run),
						recovered.isEmpty()
								? (hostileCase.losesTheStandbySecret() ? "next rotation: success" : "none needed")
								: describe(recovered.get(0)),
						String.valueOf(regenerations), "authenticates") + " |");
	}

	/**
	 * Token faults strike once the rotation began, so that they hit its verification and
	 * not a check before it; the others at once.
	 */
	private void inject(Case hostileCase) {
		FaultRule rule = hostileCase.hostile().rule
			.apply(FaultRule.on(hostileCase.hostile().operation).forClient(hostileCase.target()).times(1));
		if (hostileCase.hostile().operation == Operation.TOKEN) {
			this.crashSwitch.runAt(Phase.REGENERATING, () -> this.sandbox.genesys().faults().add(rule));
		}
		else {
			this.sandbox.genesys().faults().add(rule);
		}
	}

	private RotationResult rotate(Case hostileCase) {
		return this.rotations.rotate(
				new RotationRequest(hostileCase.credential(), Trigger.API, "hostile", Mode.ROUTINE, false, null, null));
	}

	private static List<RotationResult> allOf(RotationResult run, List<RotationResult> recovered) {
		List<RotationResult> all = new ArrayList<>(recovered);
		all.add(run);
		return all;
	}

	private static String describe(RotationResult result) {
		return result.outcome().label() + ((result.errorCode() != null) ? " (" + result.errorCode() + ")" : "");
	}

	private static String key(Case hostileCase) {
		return hostileCase.strategy().ordinal() + "-" + String.format("%02d", hostileCase.hostile().ordinal());
	}

}
