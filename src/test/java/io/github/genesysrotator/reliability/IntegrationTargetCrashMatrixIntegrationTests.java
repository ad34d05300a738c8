package io.github.genesysrotator.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.github.genesysrotator.rotation.ConsumerPathStore;
import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.Fence;
import io.github.genesysrotator.rotation.GenesysOAuthClients;
import io.github.genesysrotator.rotation.IntegrationCredentials;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.Publication;
import io.github.genesysrotator.rotation.PublishedCredential;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotationTestSupport;
import io.github.genesysrotator.rotation.RotationTestSupport.CrashSwitch;
import io.github.genesysrotator.rotation.RotationTestSupport.Replicas;
import io.github.genesysrotator.rotation.RotationTestSupport.SimulatedCrash;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.StateRecord;
import io.github.genesysrotator.rotation.StateRecordStore;
import io.github.genesysrotator.rotation.Stored;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.DataActionRunner;
import io.github.genesysrotator.sandbox.DataActionRunner.Execution;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.SandboxSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash at every point of a rotation that publishes to a Vault path and an integration
 * credential, for both strategies: the process dies there, a fresh replica recovers once
 * the lease expired, and each target ends up written exactly once by the rotation (PUTs
 * counted at the Genesys simulator) while Vault readers and a data action behind the
 * integration credential end on a working client. The rows land in
 * {@code target/reliability/integration-target-crashes.md}.
 */
@SandboxServiceTest(setup = IntegrationTargetCrashMatrixIntegrationTests.CrashMatrixTargets.class)
@Import(RotationTestSupport.Beans.class)
class IntegrationTargetCrashMatrixIntegrationTests {

	@Autowired
	private Sandbox sandbox;

	private static final String DUAL_CREDENTIAL = "00000000-0000-4000-8000-00000000ce21";

	private static final String SINGLE_CREDENTIAL = "00000000-0000-4000-8000-00000000ce22";

	private static final String DUAL_ACTION = "custom_-_00000000-0000-4000-8000-00000000ac21";

	private static final String SINGLE_ACTION = "custom_-_00000000-0000-4000-8000-00000000ac22";

	private static final Map<String, String> rows = new TreeMap<>();

	private SandboxConsumer consumer;

	private DataActionRunner dataAction;

	private final CrashPoints crashPoints = new CrashPoints();

	@Autowired
	private MutableClock clock;

	@Autowired
	private CrashSwitch crashSwitch;

	@Autowired
	private CredentialCatalog catalog;

	@Autowired
	private RotatorProperties properties;

	@Autowired
	private GenesysOAuthClients genesys;

	@Autowired
	private StateRecordStore states;

	@Autowired
	private Replicas replicas;

	private ObservedGenesys observed;

	static Stream<Cell> cells() {
		List<Cell> cells = new ArrayList<>();
		for (Strategy strategy : Strategy.values()) {
			for (CrashPoint point : CrashPoint.values()) {
				cells.add(new Cell(strategy, point));
			}
		}
		return cells.stream();
	}

	@BeforeEach
	void resetWorld() {
		this.consumer = new SandboxConsumer(this.sandbox);
		this.dataAction = new DataActionRunner(this.sandbox);
		this.clock.reset();
		this.crashSwitch.disarm();
		this.observed = ObservedGenesys.watching(this.genesys, this.catalog);
	}

	@AfterAll
	static void writeReport() throws IOException {
		Path report = Path.of("target", "reliability", "integration-target-crashes.md");
		Files.createDirectories(report.getParent());
		List<String> lines = new ArrayList<>();
		lines.add("| strategy | crash | recovery | integration credential PUTs | regenerations | "
				+ "data action right after the crash |");
		lines.add("|---|---|---|---|---|---|");
		lines.addAll(rows.values());
		Files.write(report, lines);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cells")
	void aCrashIsRecoveredByAFreshReplicaWritingEachTargetOnce(Cell cell) {
		cell.point().arm(this.crashSwitch, this.observed, this.crashPoints);
		boolean crashed = false;
		try {
			replica("replica-1", this.observed, this.crashPoints.integrations(), this.crashPoints.consumers())
				.rotate(RotationRequest.of(cell.credential(), Trigger.API, "crash-matrix"));
		}
		catch (SimulatedCrash ex) {
			crashed = true;
		}
		assertThat(crashed).as("the run crashed at %s", cell.point()).isTrue();
		this.crashSwitch.disarm();
		this.crashPoints.disarm();
		Execution afterCrash = this.dataAction.execute(cell.action());
		if (cell.strategy() == Strategy.DUAL) {
			assertThat(afterCrash.succeeded()).as("dual: the data action works right after the crash").isTrue();
			assertThat(this.consumer.authenticates(cell.vaultPath())).as("dual: Vault readers work after the crash")
				.isTrue();
		}

		List<RotationResult> recovered = settle(cell.credential());

		StateRecord record = this.states.read(cell.credential()).map(Stored::value).orElseThrow();
		assertThat(record.phase()).as("the rotation is finished").isEqualTo(Phase.IDLE);
		if (cell.abandoned()) {
			assertThat(recovered).singleElement()
				.extracting(RotationResult::outcome)
				.as("single: nothing was regenerated, recovery closes the journal")
				.isEqualTo(Outcome.SKIPPED);
			assertThat(puts(cell.integrationCredential())).isZero();
		}
		else {
			assertThat(recovered).allSatisfy((result) -> assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS));
			assertPublishedOnce(cell, record);
		}
		assertThat(this.consumer.authenticates(cell.vaultPath())).as("Vault readers end on a working client").isTrue();
		assertThat(this.dataAction.execute(cell.action()).succeeded()).as("the data action ends on a working client")
			.isTrue();

		rows.put(cell.key(),
				"| " + String.join(" | ", cell.strategy().name().toLowerCase(), cell.point().label(),
						recovered.isEmpty() ? "none needed" : recovered.size() + " recovery run(s)",
						String.valueOf(puts(cell.integrationCredential())),
						String.valueOf(this.sandbox.genesys().observations().regenerationCount(cell.targetClient())),
						afterCrash.succeeded() ? "works" : "fails (" + afterCrash.errorCode() + ")") + " |");
	}

	/**
	 * The rotation that finished wrote its client to both targets, each once (the
	 * integration credential counted at Genesys, Vault by its content and journal).
	 */
	private void assertPublishedOnce(Cell cell, StateRecord record) {
		String rotationId = record.history().get(0).rotationId();
		assertThat(record.history().get(0).outcome()).isEqualTo(Outcome.SUCCESS);
		String secret = this.sandbox.genesys().currentSecret(cell.targetClient()).orElseThrow();
		assertThat(puts(cell.integrationCredential())).as("PUTs of the integration credential")
			.isEqualTo(cell.expectedPuts());
		assertThat(this.sandbox.genesys().integrationCredentialFields(cell.integrationCredential()).orElseThrow())
			.containsEntry("clientId", cell.targetClient())
			.containsEntry("clientSecret", secret);
		assertThat(this.consumer.read(cell.vaultPath()).clientId()).isEqualTo(cell.targetClient());
		assertThat(this.consumer.read(cell.vaultPath()).secret()).isEqualTo(secret);
		assertThat(this.consumer.read(cell.vaultPath()).data().path("rotation_id").asString()).isEqualTo(rotationId);
		assertThat(record.publications().values()).as("both targets journalled under the rotation")
			.hasSize(2)
			.allSatisfy((publication) -> assertThat(publication.rotationId()).isEqualTo(rotationId));
	}

	/**
	 * Whatever the run left in flight, a fresh replica finishes once the lease expired.
	 */
	private List<RotationResult> settle(String credential) {
		List<RotationResult> recovered = new ArrayList<>();
		RotationService fresh = replica("replica-2", this.genesys, this.replicas.integrations(),
				this.replicas.consumers());
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<StateRecord> record = this.states.read(credential).map(Stored::value);
			if (record.isEmpty() || !record.get().phase().inFlight()) {
				break;
			}
			this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));
			recovered.addAll(fresh.recoverAbandoned());
		}
		return recovered;
	}

	private RotationService replica(String instanceId, GenesysOAuthClients genesys, IntegrationCredentials integrations,
			ConsumerPathStore consumers) {
		return this.replicas.start(instanceId, genesys, integrations, consumers, this.states, this.crashSwitch);
	}

	private long puts(String integrationCredential) {
		return this.sandbox.genesys().observations().integrationCredentialUpdateCount(integrationCredential);
	}

	/** Where the process dies. */
	enum CrashPoint {

		/** Right after the intent write. */
		AFTER_INTENT,
		/** Genesys regenerated the secret; its answer dies with the process. */
		AFTER_REGENERATION,
		/** Right before the integration credential's PUT. */
		BEFORE_INTEGRATION_PUT,
		/** Genesys applied the PUT; the process dies before journalling it. */
		AFTER_INTEGRATION_PUT,
		/** Right before the Vault publication. */
		BEFORE_VAULT_WRITE,
		/** Vault holds the publication; the process dies before recording it. */
		AFTER_VAULT_WRITE,
		/** Every target written, before the promotion (dual) or the stage (single). */
		AFTER_ALL_TARGETS,
		/** The new secret is staged in the state record. */
		AFTER_STAGE,
		/** The new secret passed its token grant. */
		AFTER_VERIFICATION,
		/** The journal is closed: nothing is left to recover. */
		AFTER_FINISH;

		String label() {
			return name().toLowerCase().replace('_', ' ');
		}

		void arm(CrashSwitch crash, ObservedGenesys genesys, CrashPoints points) {
			switch (this) {
				case AFTER_INTENT -> crash.armAt(Phase.REGENERATING);
				case AFTER_REGENERATION -> genesys.crashAfterNextRegeneration();
				case AFTER_ALL_TARGETS -> crash.armAt(Phase.PROMOTED);
				case AFTER_STAGE -> crash.armAt(Phase.STAGED);
				case AFTER_VERIFICATION -> crash.armAt(Phase.VERIFIED);
				case AFTER_FINISH -> crash.armAt(Phase.IDLE);
				default -> points.armed.set(this);
			}
		}

	}

	/**
	 * One cell: a strategy and where its rotation crashes.
	 *
	 * @param strategy the credential's strategy
	 * @param point where the process dies
	 */
	record Cell(Strategy strategy, CrashPoint point) {

		String credential() {
			return FaultMatrix.credential(this.strategy);
		}

		String vaultPath() {
			return FaultMatrix.consumerPath(this.strategy);
		}

		String targetClient() {
			return FaultMatrix.targetClient(this.strategy);
		}

		String integrationCredential() {
			return (this.strategy == Strategy.DUAL) ? DUAL_CREDENTIAL : SINGLE_CREDENTIAL;
		}

		String action() {
			return (this.strategy == Strategy.DUAL) ? DUAL_ACTION : SINGLE_ACTION;
		}

		/**
		 * Single crashing before its regeneration: recovery finds the published secret
		 * still working and abandons the rotation.
		 */
		boolean abandoned() {
			return this.strategy == Strategy.SINGLE && this.point == CrashPoint.AFTER_INTENT;
		}

		/**
		 * One, but for single crashing between the PUT and its journal write: the client
		 * id is the same before and after, Genesys never shows the secret, so the resumed
		 * run repeats the same PUT.
		 */
		long expectedPuts() {
			return (this.strategy == Strategy.SINGLE && this.point == CrashPoint.AFTER_INTEGRATION_PUT) ? 2 : 1;
		}

		String key() {
			return this.strategy.ordinal() + "-" + String.format("%02d", this.point.ordinal());
		}

		@Override
		public String toString() {
			return this.strategy.name().toLowerCase() + " | " + this.point.label();
		}

	}

	/**
	 * The integration-credential and consumer-path adapters of the crashing replica: the
	 * process dies right before or right after the call the armed point names.
	 */
	private final class CrashPoints {

		final AtomicReference<CrashPoint> armed = new AtomicReference<>();

		void disarm() {
			this.armed.set(null);
		}

		private void crashAt(CrashPoint point) {
			if (this.armed.compareAndSet(point, null)) {
				throw new SimulatedCrash(Phase.PROMOTED);
			}
		}

		IntegrationCredentials integrations() {
			IntegrationCredentials delegate = IntegrationTargetCrashMatrixIntegrationTests.this.replicas.integrations();
			return new IntegrationCredentials() {

				@Override
				public IntegrationCredentialView get(String org, String credentialId) {
					return delegate.get(org, credentialId);
				}

				@Override
				public void replace(String org, IntegrationCredentialWrite write, Fence fence) {
					crashAt(CrashPoint.BEFORE_INTEGRATION_PUT);
					delegate.replace(org, write, fence);
					crashAt(CrashPoint.AFTER_INTEGRATION_PUT);
				}

			};
		}

		ConsumerPathStore consumers() {
			ConsumerPathStore delegate = IntegrationTargetCrashMatrixIntegrationTests.this.replicas.consumers();
			return new ConsumerPathStore() {

				@Override
				public Optional<PublishedCredential> read(String vaultPath) {
					return delegate.read(vaultPath);
				}

				@Override
				public long publish(Publication publication, long expectedVersion) {
					crashAt(CrashPoint.BEFORE_VAULT_WRITE);
					long version = delegate.publish(publication, expectedVersion);
					crashAt(CrashPoint.AFTER_VAULT_WRITE);
					return version;
				}

				@Override
				public long fence(String vaultPath, String credential, String rotationId) {
					return delegate.fence(vaultPath, credential, rotationId);
				}

				@Override
				public boolean canWrite(String vaultPath) {
					return delegate.canWrite(vaultPath);
				}

			};
		}

	}

	/**
	 * An integration credential for each demo credential, holding its current secret
	 * (again after each reset), each behind a Data Actions integration with one action.
	 */
	static final class CrashMatrixTargets implements SandboxSetup {

		@Override
		public Map<String, Object> seed(Sandbox sandbox) {
			sandbox.org()
				.createIntegrationCredential(DUAL_CREDENTIAL, "Dual crash matrix", Sandbox.DUAL_A_ID,
						sandbox.genesys().currentSecret(Sandbox.DUAL_A_ID).orElseThrow());
			sandbox.org()
				.createIntegrationCredential(SINGLE_CREDENTIAL, "Single crash matrix", Sandbox.SINGLE_ID,
						sandbox.genesys().currentSecret(Sandbox.SINGLE_ID).orElseThrow());
			sandbox.org()
				.createDataActionsIntegration("00000000-0000-4000-8000-00000000da21", "Dual crash matrix",
						DUAL_CREDENTIAL);
			sandbox.org()
				.createDataActionsIntegration("00000000-0000-4000-8000-00000000da22", "Single crash matrix",
						SINGLE_CREDENTIAL);
			sandbox.org().createDataAction(DUAL_ACTION, "Dual crash matrix", "00000000-0000-4000-8000-00000000da21");
			sandbox.org()
				.createDataAction(SINGLE_ACTION, "Single crash matrix", "00000000-0000-4000-8000-00000000da22");
			return Map.of("rotator.credentials." + Sandbox.DUAL + ".integration-credentials", DUAL_CREDENTIAL,
					"rotator.credentials." + Sandbox.SINGLE + ".integration-credentials", SINGLE_CREDENTIAL);
		}

		@Override
		public void reset(Sandbox sandbox) {
			sandbox.org()
				.setIntegrationCredential(DUAL_CREDENTIAL, Sandbox.DUAL_A_ID,
						sandbox.genesys().currentSecret(Sandbox.DUAL_A_ID).orElseThrow());
			sandbox.org()
				.setIntegrationCredential(SINGLE_CREDENTIAL, Sandbox.SINGLE_ID,
						sandbox.genesys().currentSecret(Sandbox.SINGLE_ID).orElseThrow());
		}

	}

}
