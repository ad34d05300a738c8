package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.genesysrotator.rotation.RotationTestSupport.CrashSwitch;
import io.github.genesysrotator.rotation.RotationTestSupport.SimulatedCrash;
import io.github.genesysrotator.rotation.RotationTestSupport.Replicas;
import io.github.genesysrotator.rotation.RotationTestSupport.UncommittedRecorder;
import io.github.genesysrotator.sandbox.ConsumerProbe;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.vault.VaultSeeding;
import io.github.genesysrotator.sandbox.SandboxConsumer.Published;
import io.github.genesysrotator.sandbox.IssuedSecrets;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rotation engine against the Genesys Cloud and Vault simulators over real HTTP,
 * through the production adapters.
 */
@SandboxServiceTest
@Import(RotationTestSupport.Beans.class)
@ExtendWith(OutputCaptureExtension.class)
class RotationServiceIntegrationTests {

	@Autowired
	private Sandbox sandbox;

	private SandboxConsumer consumer;

	@Autowired
	private RotationService rotations;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CrashSwitch crashSwitch;

	@Autowired
	private UncommittedRecorder uncommitted;

	@Autowired
	private CredentialCatalog catalog;

	@Autowired
	private RotatorProperties properties;

	@Autowired
	private StateRecordStore states;

	@Autowired
	private Replicas replicas;

	@BeforeEach
	void resetWorld() {
		this.consumer = new SandboxConsumer(this.sandbox);
		this.clock.reset();
		this.crashSwitch.disarm();
		this.uncommitted.signals.clear();
	}

	@Test
	void dualRotationKeepsEveryConsumerAuthenticatingAndPublishesTheStandby() throws Exception {
		Published before = this.consumer.read(Sandbox.DUAL_PATH);
		ConsumerProbe probe = new ConsumerProbe(this.consumer, Sandbox.DUAL_PATH, 100_000);
		RotationResult result = rotate(Sandbox.DUAL);
		ConsumerProbe.Report report = probe.stop();

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(result.regeneratedClientIds()).containsExactly(Sandbox.DUAL_B_ID);
		assertThat(report.attempts()).isPositive();
		assertThat(report.failures()).isEmpty();
		Published after = this.consumer.read(Sandbox.DUAL_PATH);
		assertThat(after.clientId()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(after.version()).isEqualTo(before.version() + 1);
		assertThat(after.keys()).containsKeys("client_id", "client_secret", "region", "api_base_url", "login_base_url",
				"rotated_at", "rotation_id");
		assertThat(this.consumer.tokenWorks(before.clientId(), before.secret())).as("demoted client keeps working")
			.isTrue();
		assertThat(this.rotations.status(Sandbox.DUAL).phase()).isEqualTo(Phase.IDLE);
	}

	@Test
	void secondDualRotationInsideTheGracePeriodIsRefusedWithoutTouchingGenesys() {
		rotate(Sandbox.DUAL);
		RotationResult second = this.rotations.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.SCHEDULE, "scheduler"));

		assertThat(second.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(second.errorCode()).isEqualTo("grace-period");
		assertThat(second.retryAfter()).isPositive();
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_A_ID)).isZero();

		this.clock.advance(Duration.ofMinutes(2));
		RotationResult third = rotate(Sandbox.DUAL);
		assertThat(third.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(third.regeneratedClientIds()).containsExactly(Sandbox.DUAL_A_ID);
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
	}

	@Test
	void singleRotationPublishesAWorkingSecretAndRecordsTheExposureWindow() {
		Published before = this.consumer.read(Sandbox.SINGLE_PATH);
		RotationResult result = rotate(Sandbox.SINGLE);

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(result.exposureWindow()).isNotNull().isPositive();
		assertThat(this.consumer.authenticates(Sandbox.SINGLE_PATH)).isTrue();
		assertThat(this.consumer.tokenWorks(before.clientId(), before.secret())).as("old secret is dead").isFalse();
		assertThat(result.phases()).extracting(RotationResult.PhaseTiming::phase)
			.containsExactly(Phase.REGENERATING, Phase.PROMOTED, Phase.STAGED, Phase.VERIFIED, Phase.IDLE);
	}

	@Test
	void regenerationWhoseResponseIsLostIsRepeatedAndTheLastSecretIsPublished() {
		this.sandbox.genesys()
			.faults()
			.add(FaultRule.on(Operation.REGENERATE_SECRET).forClient(Sandbox.SINGLE_ID).times(1).applyThenDrop());
		RotationResult result = rotate(Sandbox.SINGLE);

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.SINGLE_ID)).isEqualTo(2);
		assertThat(this.consumer.read(Sandbox.SINGLE_PATH).secret())
			.isEqualTo(this.sandbox.genesys().currentSecret(Sandbox.SINGLE_ID).orElseThrow());
		assertThat(this.consumer.authenticates(Sandbox.SINGLE_PATH)).isTrue();
	}

	@Test
	void genesysRateLimitAndServerErrorsAreRetriedWithinBounds() {
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).tooManyRequests(1));
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.GET_CLIENT).times(2).status(503));
		RotationResult result = rotate(Sandbox.DUAL);

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_B_ID)).isEqualTo(1);
	}

	@Test
	void permanentGenesysFailureLeavesTheActiveCredentialUntouched() {
		Published before = this.consumer.read(Sandbox.DUAL_PATH);
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).status(503));
		RotationResult result = rotate(Sandbox.DUAL);

		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.errorCode()).isEqualTo("genesys-unavailable");
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).version()).isEqualTo(before.version());
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
		assertThat(this.rotations.status(Sandbox.DUAL).phase()).isEqualTo(Phase.FAILED);
	}

	@Test
	void sealedVaultBeforeRegenerationChangesNothingAtGenesys() {
		this.sandbox.vault().seal();
		try {
			RotationResult result = rotate(Sandbox.DUAL);
			assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(result.errorCode()).isEqualTo("vault-unavailable");
		}
		finally {
			this.sandbox.vault().unseal();
		}
		assertThat(this.sandbox.genesys().observations().regenerationCounts().values()).allMatch((count) -> count == 0);
	}

	@Test
	void vaultOutageAfterRegenerationHoldsTheSecretUntilVaultReturns() {
		this.crashSwitch.runAt(Phase.REGENERATING,
				() -> this.sandbox.vault()
					.faults()
					.add(io.github.genesysrotator.sandbox.vault.FaultRule.status("POST",
							"/v1/secret/data/genesys-rotator/state/" + Sandbox.DUAL, 503, "Vault is sealed", 5)));
		RotationResult result = rotate(Sandbox.DUAL);

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.uncommitted.signals).containsExactly(true, false);
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = Phase.class, names = { "REGENERATING", "STAGED", "VERIFIED", "PROMOTED" })
	void dualCrashAtEveryPhaseIsRecoveredByAFreshInstanceWithoutAConsumerFailure(Phase crashAt) throws Exception {
		ConsumerProbe probe = new ConsumerProbe(this.consumer, Sandbox.DUAL_PATH, 100_000);
		crashAndRecover(Sandbox.DUAL, crashAt);
		ConsumerProbe.Report report = probe.stop();

		assertThat(report.failures()).isEmpty();
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_B_ID);
	}

	@ParameterizedTest
	@EnumSource(value = Phase.class, names = { "REGENERATING", "PROMOTED", "STAGED", "VERIFIED" })
	void singleCrashAtEveryPhaseIsRecoveredByAFreshInstance(Phase crashAt) {
		crashAndRecover(Sandbox.SINGLE, crashAt);
	}

	@Test
	void twoReplicasRotatingTheSameCredentialRegenerateExactlyOnce() throws Exception {
		RotationService other = this.replicas.start("replica-2");
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<RotationResult>> results = new ArrayList<>();
			for (RotationService replica : List.of(this.rotations, other)) {
				results.add(pool.submit(() -> {
					start.await();
					return replica.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.API, "race"));
				}));
			}
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<RotationResult> result : results) {
				outcomes.add(result.get().outcome());
			}
			assertThat(outcomes).containsOnlyOnce(Outcome.SUCCESS);
			assertThat(outcomes).containsAnyOf(Outcome.BUSY, Outcome.SKIPPED);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_B_ID)).isEqualTo(1);
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_A_ID)).isZero();
	}

	@Test
	void compromiseModePromotesTheStandbyAndKillsTheLeakedSecret() {
		Published leaked = this.consumer.read(Sandbox.DUAL_PATH);
		rotateAt(Sandbox.DUAL, Mode.COMPROMISE);

		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
		assertThat(this.consumer.tokenWorks(leaked.clientId(), leaked.secret())).isFalse();
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_A_ID)).isEqualTo(1);
	}

	@Test
	void dryRunReportsThePlanAndChangesNothing() {
		Published before = this.consumer.read(Sandbox.DUAL_PATH);
		RotationResult result = this.rotations
			.rotate(new RotationRequest(Sandbox.DUAL, Trigger.API, "test", Mode.ROUTINE, true, null, null));

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(result.dryRun()).isTrue();
		assertThat(result.plan()).anyMatch((step) -> step.contains(Sandbox.DUAL_B_ID));
		assertThat(this.sandbox.genesys().observations().regenerationCounts().values()).allMatch((count) -> count == 0);
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).version()).isEqualTo(before.version());
	}

	@Test
	void aFailedRotationIsNextDueOnlyAfterTheFailureBackoff() {
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).status(500));
		RotationResult failed = rotate(Sandbox.DUAL);
		assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
		Duration backoff = this.properties.schedule().failureBackoff();

		assertThat(this.rotations.status(Sandbox.DUAL).nextDue()).as("held back by the failure")
			.isAfter(failed.startedAt().plus(backoff));
		this.clock.advance(backoff);
		assertThat(this.rotations.status(Sandbox.DUAL).nextDue()).as("due again once the backoff passed")
			.isBeforeOrEqualTo(this.clock.instant());
	}

	@Test
	void singleDryRunPlansThePublicationBeforeTheVerification() {
		RotationResult result = this.rotations
			.rotate(new RotationRequest(Sandbox.SINGLE, Trigger.API, "test", Mode.ROUTINE, true, null, null));

		assertThat(result.plan()).hasSize(3);
		assertThat(result.plan().get(0)).contains("regenerate", Sandbox.SINGLE_ID);
		assertThat(result.plan().get(1)).contains("publish", "exposure window");
		assertThat(result.plan().get(2)).contains("verify");
		assertThat(this.sandbox.genesys().observations().regenerationCounts().values()).allMatch((count) -> count == 0);
	}

	@Test
	void rollbackRepublishesThePreviousClient() {
		Published original = this.consumer.read(Sandbox.DUAL_PATH);
		rotate(Sandbox.DUAL);
		RotationResult rollback = this.rotations.rollback(Sandbox.DUAL, "test");

		assertThat(rollback.outcome()).isEqualTo(Outcome.SUCCESS);
		Published after = this.consumer.read(Sandbox.DUAL_PATH);
		assertThat(after.clientId()).isEqualTo(original.clientId());
		assertThat(after.secret()).isEqualTo(original.secret());
		assertThat(this.rotations.history(Sandbox.DUAL)).first()
			.extracting(StateRecord.HistoryEntry::action)
			.isEqualTo(RotationAction.ROLLBACK);
	}

	@Test
	void aConsumerPathHoldingAnotherValueStopsTheRotationWithoutRepeatingIt() {
		String pasted = "pasted-secret-in-the-client-id-field";
		VaultSeeding.putSecret(this.sandbox.vaultUri(), this.sandbox.vaultToken(), "secret", Sandbox.DUAL_PATH,
				Map.of("client_id", pasted, "client_secret", "whatever"),
				Map.of("managed-by", "genesys-secret-rotator"));

		RotationResult result = rotate(Sandbox.DUAL);

		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.errorCode()).isEqualTo("preflight-failed");
		assertThat(result.errorMessage()).contains("not a client id").doesNotContain(pasted);
		assertThat(this.sandbox.genesys().observations().regenerationCounts().values()).allMatch((count) -> count == 0);
	}

	@Test
	void noIssuedSecretAppearsInLogsOrResults(CapturedOutput output) {
		List<String> rendered = new ArrayList<>();
		rendered.add(rotate(Sandbox.DUAL).toString());
		rendered.add(rotate(Sandbox.SINGLE).toString());
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).status(500));
		this.clock.advance(Duration.ofMinutes(2));
		rendered.add(rotate(Sandbox.DUAL).toString());
		rendered.add(this.rotations.statuses().toString());
		rendered.add(this.rotations.history(Sandbox.DUAL).toString());

		assertThat(this.sandbox.genesys().observations().issuedSecrets()).isNotEmpty();
		IssuedSecrets.assertClean("results", String.join("\n", rendered));
		IssuedSecrets.assertClean("logs", output.getAll());
	}

	/**
	 * Success, failure, busy, skipped, recovered, and per strategy abandoned (single) or
	 * rolled back (dual): whatever wrote a history entry, the entry names its rotation.
	 */
	@ParameterizedTest
	@EnumSource(Strategy.class)
	void everyHistoryEntryNamesItsRotationHowEverItEnded(Strategy strategy) {
		String credential = (strategy == Strategy.DUAL) ? Sandbox.DUAL : Sandbox.SINGLE;
		assertThat(rotate(credential).outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(rotate(credential).outcome()).as("grace period or cool-down").isEqualTo(Outcome.SKIPPED);
		this.clock.advance(Duration.ofMinutes(2));
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).status(500));
		assertThat(rotate(credential).outcome()).isEqualTo(Outcome.FAILED);
		this.sandbox.genesys().faults().clear();
		if (strategy == Strategy.SINGLE) {
			assertThat(this.rotations.recoverAbandoned()).singleElement()
				.extracting(RotationResult::errorCode)
				.isEqualTo("abandoned");
		}
		this.crashSwitch.armAt(Phase.STAGED);
		assertThatThrownBy(() -> rotate(credential)).isInstanceOf(SimulatedCrash.class);
		assertThat(
				this.replicas.start("replica-2").rotate(RotationRequest.of(credential, Trigger.API, "other")).outcome())
			.isEqualTo(Outcome.BUSY);
		this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));
		assertThat(this.replicas.start("replica-2").recoverAbandoned()).singleElement()
			.extracting(RotationResult::outcome)
			.isEqualTo(Outcome.SUCCESS);
		if (strategy == Strategy.DUAL) {
			assertThat(this.rotations.rollback(credential, "operator").outcome()).isEqualTo(Outcome.SUCCESS);
		}

		List<StateRecord.HistoryEntry> history = this.rotations.history(credential);
		assertThat(history).extracting(StateRecord.HistoryEntry::outcome)
			.contains(Outcome.SUCCESS, Outcome.FAILED,
					(strategy == Strategy.SINGLE) ? Outcome.SKIPPED : Outcome.SUCCESS);
		assertThat(history).extracting(StateRecord.HistoryEntry::trigger).contains(Trigger.API, Trigger.RECOVERY);
		assertThat(history).allSatisfy((entry) -> {
			assertThat(entry.rotationId()).as("rotation id of %s", entry).isNotBlank();
			assertThat(entry.trigger()).as("trigger of %s", entry).isNotNull();
			assertThat(entry.actor()).as("actor of %s", entry).isNotBlank();
			assertThat(entry.mode()).as("mode of %s", entry).isNotNull();
			assertThat(entry.clientId()).as("client of %s", entry).isNotBlank();
		});
	}

	private void crashAndRecover(String credential, Phase crashAt) {
		this.crashSwitch.armAt(crashAt);
		assertThatThrownBy(() -> rotate(credential)).isInstanceOf(SimulatedCrash.class);
		assertThat(this.states.read(credential).orElseThrow().value().phase().inFlight())
			.as("record left in flight at %s", crashAt)
			.isTrue();

		RotationService fresh = this.replicas.start("replica-2");
		assertThat(fresh.recoverAbandoned()).as("lease still live").isEmpty();
		this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));
		List<RotationResult> recovered = fresh.recoverAbandoned();

		assertThat(recovered).hasSize(1);
		assertThat(recovered.get(0).trigger()).isEqualTo(Trigger.RECOVERY);
		assertThat(recovered.get(0).outcome()).isIn(Outcome.SUCCESS, Outcome.SKIPPED);
		assertThat(fresh.status(credential).phase()).isEqualTo(Phase.IDLE);
		assertThat(this.consumer.authenticates(this.catalog.get(credential).vaultPath())).isTrue();
	}

	private RotationResult rotate(String credential) {
		return rotateAt(credential, Mode.ROUTINE);
	}

	private RotationResult rotateAt(String credential, Mode mode) {
		return this.rotations.rotate(new RotationRequest(credential, Trigger.API, "test", mode, false, null, null));
	}

}
