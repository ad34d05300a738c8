package io.github.genesysrotator.rotation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.genesysrotator.rotation.RotationTestSupport.Replicas;
import io.github.genesysrotator.rotation.RotationTestSupport.SimulatedCrash;
import io.github.genesysrotator.rotation.StateRecord.TargetPublication;
import io.github.genesysrotator.sandbox.DataActionRunner;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.SandboxSetup;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Integration credentials as publication targets, over the simulators: the demo Data
 * Actions credential (no Vault path), and the demo dual credential publishing to a Vault
 * path and an integration credential.
 */
@SandboxServiceTest(setup = IntegrationCredentialTargetsIntegrationTests.ConsumersOnIntegrationCredentials.class)
@Import(RotationTestSupport.Beans.class)
class IntegrationCredentialTargetsIntegrationTests {

	@Autowired
	private Sandbox sandbox;

	/** A second integration credential, used by consumers of the demo dual credential. */
	private static final String DUAL_INTEGRATION_CREDENTIAL = "00000000-0000-4000-8000-00000000ce02";

	/** A third one, used by consumers of the demo single credential. */
	private static final String SINGLE_INTEGRATION_CREDENTIAL = "00000000-0000-4000-8000-00000000ce03";

	private SandboxConsumer consumer;

	private DataActionRunner dataAction;

	@Autowired
	private RotationService rotations;

	@Autowired
	private MutableClock clock;

	@Autowired
	private RotatorProperties properties;

	@Autowired
	private StateRecordStore states;

	@Autowired
	private Replicas replicas;

	@BeforeEach
	void resetWorld() {
		this.consumer = new SandboxConsumer(this.sandbox);
		this.dataAction = new DataActionRunner(this.sandbox);
		this.clock.reset();
	}

	@Test
	void dualPublishesToTheIntegrationCredentialWhileTheDataActionKeepsWorking() {
		assertThat(this.dataAction.execute().authenticatedAs()).isEqualTo(Sandbox.DATA_ACTIONS_A_ID);

		RotationResult result = rotate(Sandbox.DATA_ACTIONS);

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(result.regeneratedClientIds()).containsExactly(Sandbox.DATA_ACTIONS_B_ID);
		assertThat(fields(Sandbox.INTEGRATION_CREDENTIAL_ID)).containsEntry("clientId", Sandbox.DATA_ACTIONS_B_ID)
			.containsEntry("clientSecret",
					this.sandbox.genesys().currentSecret(Sandbox.DATA_ACTIONS_B_ID).orElseThrow());
		assertThat(this.dataAction.execute().succeeded()).isTrue();
		StateRecord record = this.states.read(Sandbox.DATA_ACTIONS).orElseThrow().value();
		assertThat(record.publications())
			.containsOnlyKeys("integration-credential:" + Sandbox.INTEGRATION_CREDENTIAL_ID);
		assertThat(record.publishedBy(result.rotationId(),
				PublicationTarget.integrationCredential(Sandbox.INTEGRATION_CREDENTIAL_ID), Sandbox.DATA_ACTIONS_B_ID))
			.isTrue();
		assertThat(putsTo(Sandbox.INTEGRATION_CREDENTIAL_ID)).isEqualTo(1);
	}

	@Test
	void theNextRotationRegeneratesTheDemotedClientAndTheActionFollows() {
		rotate(Sandbox.DATA_ACTIONS);
		this.clock.advance(this.properties.credentials().get(Sandbox.DATA_ACTIONS).gracePeriod().plusSeconds(1));

		RotationResult second = rotate(Sandbox.DATA_ACTIONS);

		assertThat(second.regeneratedClientIds()).containsExactly(Sandbox.DATA_ACTIONS_A_ID);
		assertThat(fields(Sandbox.INTEGRATION_CREDENTIAL_ID)).containsEntry("clientId", Sandbox.DATA_ACTIONS_A_ID);
		assertThat(this.dataAction.execute().succeeded()).isTrue();
	}

	@Test
	void dualWithBothTargetsWritesEachOnce() {
		RotationResult result = rotate(Sandbox.DUAL);

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(fields(DUAL_INTEGRATION_CREDENTIAL)).containsEntry("clientId", Sandbox.DUAL_B_ID)
			.containsEntry("clientSecret", this.consumer.read(Sandbox.DUAL_PATH).secret());
		assertThat(putsTo(DUAL_INTEGRATION_CREDENTIAL)).isEqualTo(1);
		assertThat(this.states.read(Sandbox.DUAL).orElseThrow().value().publications()).containsOnlyKeys(
				"integration-credential:" + DUAL_INTEGRATION_CREDENTIAL, "vault-path:" + Sandbox.DUAL_PATH);
		assertThat(this.rotations.status(Sandbox.DUAL).targets())
			.extracting((target) -> target.target().type(), (target) -> target.last().clientId(),
					(target) -> target.last().rotationId())
			.containsExactly(tuple("integration-credential", Sandbox.DUAL_B_ID, result.rotationId()),
					tuple("vault-path", Sandbox.DUAL_B_ID, result.rotationId()));
		assertThat(this.rotations.history(Sandbox.DUAL).get(0).targets()).as("the history entry lists its targets")
			.extracting(TargetPublication::target, TargetPublication::rotationId)
			.containsExactly(tuple("integration-credential:" + DUAL_INTEGRATION_CREDENTIAL, result.rotationId()),
					tuple("vault-path:" + Sandbox.DUAL_PATH, result.rotationId()));
	}

	@Test
	void singleWritesVaultThenTheIntegrationCredentialAndItsExposureWindowCoversBoth() {
		long vaultBefore = this.consumer.read(Sandbox.SINGLE_PATH).version();

		RotationResult result = rotate(Sandbox.SINGLE);

		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
		String secret = this.sandbox.genesys().currentSecret(Sandbox.SINGLE_ID).orElseThrow();
		assertThat(this.consumer.read(Sandbox.SINGLE_PATH).version()).isEqualTo(vaultBefore + 1);
		assertThat(this.consumer.read(Sandbox.SINGLE_PATH).secret()).isEqualTo(secret);
		assertThat(fields(SINGLE_INTEGRATION_CREDENTIAL)).containsEntry("clientId", Sandbox.SINGLE_ID)
			.containsEntry("clientSecret", secret);
		assertThat(putsTo(SINGLE_INTEGRATION_CREDENTIAL)).isEqualTo(1);
		assertThat(result.exposureWindow()).isPositive();
		StateRecord record = this.states.read(Sandbox.SINGLE).orElseThrow().value();
		TargetPublication integration = record.publications()
			.get("integration-credential:" + SINGLE_INTEGRATION_CREDENTIAL);
		TargetPublication vault = record.publications().get("vault-path:" + Sandbox.SINGLE_PATH);
		assertThat(integration.publishedAt()).as("Vault first, then the integration credential")
			.isAfterOrEqualTo(vault.publishedAt());
	}

	@Test
	void aCrashBetweenTheTwoTargetsIsFinishedByAFreshReplicaWritingOnlyWhatIsMissing() {
		long vaultBefore = this.consumer.read(Sandbox.DUAL_PATH).version();
		AtomicBoolean crashBeforeVault = new AtomicBoolean(true);
		ConsumerPathStore crashing = new CrashingConsumerPath(crashBeforeVault);
		RotationService doomed = this.replicas.start("replica-1", sandboxGenesys(), crashing, this.states);

		boolean crashed = false;
		try {
			doomed.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.API, "test"));
		}
		catch (SimulatedCrash ex) {
			crashed = true;
		}
		assertThat(crashed).isTrue();
		assertThat(putsTo(DUAL_INTEGRATION_CREDENTIAL)).isEqualTo(1);
		this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));

		RotationResult recovered = this.replicas.start("replica-2")
			.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.API, "test"));

		assertThat(recovered.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(recovered.trigger()).isEqualTo(Trigger.RECOVERY);
		assertThat(putsTo(DUAL_INTEGRATION_CREDENTIAL)).as("the integration credential is not written again")
			.isEqualTo(1);
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_B_ID)).isEqualTo(1);
		// The fence of the takeover, then the one publication.
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).version()).isEqualTo(vaultBefore + 2);
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_B_ID);
	}

	@Test
	void aRefusedPutFailsTheRotationBeforeAnythingIsPublished() {
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.UPDATE_INTEGRATION_CREDENTIAL).status(403));
		try {
			long vaultBefore = this.consumer.read(Sandbox.DUAL_PATH).version();

			RotationResult result = rotate(Sandbox.DUAL);

			assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(result.errorMessage()).contains(DUAL_INTEGRATION_CREDENTIAL, "integrations:integration:edit");
			assertThat(this.rotations.status(Sandbox.DUAL).phase()).isEqualTo(Phase.FAILED);
			assertThat(this.consumer.read(Sandbox.DUAL_PATH).version()).isEqualTo(vaultBefore);
			assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).as("the previous client still works").isTrue();
			assertThat(fields(DUAL_INTEGRATION_CREDENTIAL)).containsEntry("clientId", Sandbox.DUAL_A_ID);
		}
		finally {
			this.sandbox.genesys().faults().clear();
		}
	}

	@Test
	void aRefusedReadNamesTheViewPermissionInTheDryRunAndTheRotationAndChangesNothing() {
		sandbox.genesys().faults().add(FaultRule.on(Operation.GET_INTEGRATION_CREDENTIAL).status(403));
		try {
			long vaultBefore = this.consumer.read(Sandbox.DUAL_PATH).version();

			RotationResult dryRun = this.rotations
				.rotate(new RotationRequest(Sandbox.DUAL, Trigger.API, "test", Mode.ROUTINE, true, null, null));
			RotationResult rotation = rotate(Sandbox.DUAL);

			assertThat(List.of(dryRun, rotation)).allSatisfy((result) -> {
				assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(result.errorMessage()).contains(DUAL_INTEGRATION_CREDENTIAL,
						"integrations:integration:view");
			});
			assertThat(sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_B_ID)).isZero();
			assertThat(putsTo(DUAL_INTEGRATION_CREDENTIAL)).isZero();
			assertThat(this.consumer.read(Sandbox.DUAL_PATH).version()).isEqualTo(vaultBefore);
			assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).as("the credential stays usable").isTrue();
		}
		finally {
			sandbox.genesys().faults().clear();
		}
	}

	@Test
	void dryRunListsEveryTarget() {
		RotationResult result = this.rotations
			.rotate(new RotationRequest(Sandbox.DUAL, Trigger.API, "test", Mode.ROUTINE, true, null, null));

		assertThat(String.join("\n", result.plan())).contains("integration credential " + DUAL_INTEGRATION_CREDENTIAL,
				"Vault path " + Sandbox.DUAL_PATH);
		assertThat(putsTo(DUAL_INTEGRATION_CREDENTIAL)).isZero();
	}

	@Test
	void rollbackRepublishesToEveryTarget() {
		rotate(Sandbox.DUAL);

		RotationResult rollback = this.rotations.rollback(Sandbox.DUAL, "test");

		assertThat(rollback.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(fields(DUAL_INTEGRATION_CREDENTIAL)).containsEntry("clientId", Sandbox.DUAL_A_ID);
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_A_ID);
		assertThat(putsTo(DUAL_INTEGRATION_CREDENTIAL)).isEqualTo(2);
	}

	@Test
	void preflightRefusesAnIntegrationCredentialHoldingAnotherClient() {
		this.sandbox.org().setIntegrationCredential(DUAL_INTEGRATION_CREDENTIAL, Sandbox.SINGLE_ID, "x");

		RotationResult result = rotate(Sandbox.DUAL);

		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.errorCode()).isEqualTo("preflight-failed");
		assertThat(result.errorMessage()).contains("adopt: true");
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_B_ID)).isZero();
	}

	private RotationResult rotate(String credential) {
		return this.rotations.rotate(RotationRequest.of(credential, Trigger.API, "test"));
	}

	private GenesysOAuthClients sandboxGenesys() {
		return this.replicas.genesys();
	}

	private Map<String, String> fields(String integrationCredential) {
		return this.sandbox.genesys().integrationCredentialFields(integrationCredential).orElseThrow();
	}

	private long putsTo(String integrationCredential) {
		return this.sandbox.genesys().observations().integrationCredentialUpdateCount(integrationCredential);
	}

	/** The process dies right before its Vault publication. */
	private final class CrashingConsumerPath implements ConsumerPathStore {

		private final AtomicBoolean armed;

		CrashingConsumerPath(AtomicBoolean armed) {
			this.armed = armed;
		}

		@Override
		public java.util.Optional<PublishedCredential> read(String vaultPath) {
			return delegate().read(vaultPath);
		}

		@Override
		public long publish(Publication publication, long expectedVersion) {
			if (this.armed.getAndSet(false)) {
				throw new SimulatedCrash(Phase.PROMOTED);
			}
			return delegate().publish(publication, expectedVersion);
		}

		@Override
		public long fence(String vaultPath, String credential, String rotationId) {
			return delegate().fence(vaultPath, credential, rotationId);
		}

		@Override
		public boolean canWrite(String vaultPath) {
			return delegate().canWrite(vaultPath);
		}

		private ConsumerPathStore delegate() {
			return IntegrationCredentialTargetsIntegrationTests.this.replicas.consumers();
		}

	}

	/**
	 * Two more integration credentials, each holding a demo credential's current secret
	 * (again after each reset), which the demo dual and single credentials publish to.
	 */
	static final class ConsumersOnIntegrationCredentials implements SandboxSetup {

		@Override
		public Map<String, Object> seed(Sandbox sandbox) {
			sandbox.org()
				.createIntegrationCredential(DUAL_INTEGRATION_CREDENTIAL, "Dual consumers", Sandbox.DUAL_A_ID,
						sandbox.genesys().currentSecret(Sandbox.DUAL_A_ID).orElseThrow());
			sandbox.org()
				.createIntegrationCredential(SINGLE_INTEGRATION_CREDENTIAL, "Single consumers", Sandbox.SINGLE_ID,
						sandbox.genesys().currentSecret(Sandbox.SINGLE_ID).orElseThrow());
			return Map.of("rotator.credentials." + Sandbox.DUAL + ".integration-credentials",
					DUAL_INTEGRATION_CREDENTIAL, "rotator.credentials." + Sandbox.SINGLE + ".integration-credentials",
					SINGLE_INTEGRATION_CREDENTIAL);
		}

		@Override
		public void reset(Sandbox sandbox) {
			sandbox.org()
				.setIntegrationCredential(DUAL_INTEGRATION_CREDENTIAL, Sandbox.DUAL_A_ID,
						sandbox.genesys().currentSecret(Sandbox.DUAL_A_ID).orElseThrow());
			sandbox.org()
				.setIntegrationCredential(SINGLE_INTEGRATION_CREDENTIAL, Sandbox.SINGLE_ID,
						sandbox.genesys().currentSecret(Sandbox.SINGLE_ID).orElseThrow());
		}

	}

}
