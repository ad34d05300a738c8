package io.github.genesysrotator.reliability;

import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.genesysrotator.rotation.ClientSecret;
import io.github.genesysrotator.rotation.ConsumerPathStore;
import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.Fence;
import io.github.genesysrotator.rotation.GenesysOAuthClients;
import io.github.genesysrotator.rotation.OAuthClientView;
import io.github.genesysrotator.rotation.OrgClient;
import io.github.genesysrotator.rotation.OrgEndpoints;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.Publication;
import io.github.genesysrotator.rotation.PublicationConflictException;
import io.github.genesysrotator.rotation.PublishedCredential;
import io.github.genesysrotator.rotation.RequestPolicy;
import io.github.genesysrotator.rotation.UsageJob;
import io.github.genesysrotator.rotation.RotationListener;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotationTestSupport;
import io.github.genesysrotator.rotation.RotationTestSupport.Replicas;
import io.github.genesysrotator.rotation.RotationTestSupport.TestSleeper;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.StateRecord;
import io.github.genesysrotator.rotation.StateRecordStore;
import io.github.genesysrotator.rotation.Stored;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.ConsumerProbe;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every side effect is fenced by the lease: a holder stalled past its lease (a long
 * {@code Retry-After}, 5xx back-off, an answer that arrives late, a Vault write whose
 * answer is held, a freeze before publication) never regenerates or publishes after
 * another replica took the credential over, and says it was taken over. Waits move the
 * test clock instead of sleeping; stalls run on the stalled thread, so nothing races.
 */
@SandboxServiceTest
@Import(RotationTestSupport.Beans.class)
class LeaseFenceIntegrationTests {

	@Autowired
	private Sandbox sandbox;

	private static final Duration RETRY_AFTER = Duration.ofSeconds(130);

	private SandboxConsumer consumer;

	@Autowired
	private MutableClock clock;

	@Autowired
	private TestSleeper sleeper;

	@Autowired
	private CredentialCatalog catalog;

	@Autowired
	private RotatorProperties properties;

	@Autowired
	private GenesysOAuthClients genesys;

	@Autowired
	private ConsumerPathStore consumers;

	@Autowired
	private StateRecordStore states;

	@Autowired
	private Replicas replicas;

	@BeforeEach
	void resetWorld() {
		this.consumer = new SandboxConsumer(this.sandbox);
		this.clock.reset();
		this.sleeper.reset();
		this.sleeper.moveClockInstead();
	}

	/**
	 * The sleeper is shared with every test class of the same context: leave it sleeping
	 * for real, with no action at the end of a wait.
	 */
	@AfterEach
	void restoreSleeper() {
		this.sleeper.reset();
	}

	@ParameterizedTest
	@EnumSource(Strategy.class)
	void retryAfterLongerThanTheLeaseIsWaitedUnderARenewedLease(Strategy strategy) throws Exception {
		Target target = Target.of(strategy);
		rateLimitNextRegeneration(target);
		RotationService holder = this.replicas.start("replica-1");
		RotationService other = this.replicas.start("replica-2");
		List<RotationResult> meanwhile = new CopyOnWriteArrayList<>();
		this.sleeper.atEndOfEachWait((wait) -> {
			if (wait.equals(RETRY_AFTER)) {
				meanwhile.add(other.rotate(request(target, "other")));
			}
		});

		ConsumerProbe probe = new ConsumerProbe(this.consumer, target.path(), 100_000);
		RotationResult result = holder.rotate(request(target, "holder"));

		assertThat(result.outcome()).as("%s", result.errorMessage()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.sleeper.waits()).as("the Retry-After was honoured").contains(RETRY_AFTER);
		assertThat(meanwhile).as("the lease held through the wait")
			.singleElement()
			.extracting(RotationResult::outcome)
			.isEqualTo(Outcome.BUSY);
		assertInvariants(target, probe.stop(), 1);
	}

	@ParameterizedTest
	@EnumSource(Strategy.class)
	void holderFrozenPastItsRenewedLeaseIsTakenOverAndSendsNothing(Strategy strategy) throws Exception {
		Target target = Target.of(strategy);
		rateLimitNextRegeneration(target);
		RotationService holder = this.replicas.start("replica-1");
		RotationService other = this.replicas.start("replica-2");
		List<RotationResult> takeovers = new CopyOnWriteArrayList<>();
		this.sleeper.atEndOfEachWait((wait) -> {
			if (wait.equals(RETRY_AFTER) && takeovers.isEmpty()) {
				// Frozen far past the lease it renewed for the wait.
				this.clock.advance(this.properties.rotation().leaseTtl().plus(RETRY_AFTER));
				takeovers.add(other.rotate(request(target, "other")));
			}
		});

		ConsumerProbe probe = new ConsumerProbe(this.consumer, target.path(), 100_000);
		RotationResult late = holder.rotate(request(target, "holder"));

		RotationResult takeover = takeovers.get(0);
		assertThat(takeover.trigger()).isEqualTo(Trigger.RECOVERY);
		// Dual: recovery regenerates the standby. Single: nothing was regenerated, the
		// published secret still works, and recovery closes the rotation as abandoned.
		assertThat(takeover.outcome()).isEqualTo((strategy == Strategy.DUAL) ? Outcome.SUCCESS : Outcome.SKIPPED);
		assertTakenOver(late);
		assertThat(late.regeneratedClientIds()).as("the late holder regenerated nothing").isEmpty();
		assertInvariants(target, probe.stop(), (strategy == Strategy.DUAL) ? 1 : 0);
	}

	@ParameterizedTest
	@EnumSource(Strategy.class)
	void serverErrorBackoffOutlivingTheLeaseRenewsItBeforeEachRetry(Strategy strategy) throws Exception {
		Target target = Target.of(strategy);
		this.sandbox.genesys()
			.faults()
			.add(FaultRule.on(Operation.REGENERATE_SECRET).forClient(target.clientId()).times(3).status(503));
		RotationService holder = this.replicas.start("replica-1");
		RotationService other = this.replicas.start("replica-2");
		// Each back-off stalls a little less than half of what the lease has beyond one
		// send: three of them outlive the lease, and the holder must renew in between.
		Duration sendWindow = this.genesys.requestPolicy().worstCase().plus(this.properties.rotation().fenceMargin());
		Duration stall = this.properties.rotation().leaseTtl().minus(sendWindow).dividedBy(2);
		List<RotationResult> meanwhile = new CopyOnWriteArrayList<>();
		this.sleeper.atEndOfEachWait((wait) -> {
			this.clock.advance(stall);
			meanwhile.add(other.rotate(request(target, "other")));
		});

		ConsumerProbe probe = new ConsumerProbe(this.consumer, target.path(), 100_000);
		RotationResult result = holder.rotate(request(target, "holder"));

		assertThat(result.outcome()).as("%s", result.errorMessage()).isEqualTo(Outcome.SUCCESS);
		assertThat(meanwhile).as("another replica tried during every back-off").hasSizeGreaterThanOrEqualTo(3);
		assertThat(stall.multipliedBy(meanwhile.size())).as("the stalls outlived the lease")
			.isGreaterThan(this.properties.rotation().leaseTtl());
		assertThat(meanwhile).extracting(RotationResult::outcome).containsOnly(Outcome.BUSY);
		assertInvariants(target, probe.stop(), 1);
	}

	@ParameterizedTest
	@EnumSource(Strategy.class)
	void answerArrivingAfterTheLeaseIsNeverStagedOrPublished(Strategy strategy) throws Exception {
		Target target = Target.of(strategy);
		RotationService other = this.replicas.start("replica-2");
		List<RotationResult> takeovers = new CopyOnWriteArrayList<>();
		GenesysOAuthClients slowAnswer = new LateAnswer(this.genesys, () -> {
			this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));
			takeovers.add(other.rotate(request(target, "other")));
		});
		RotationService holder = this.replicas.start("replica-1", slowAnswer);

		ConsumerProbe probe = new ConsumerProbe(this.consumer, target.path(), 100_000);
		RotationResult late = holder.rotate(request(target, "holder"));

		assertThat(takeovers).singleElement().extracting(RotationResult::outcome).isEqualTo(Outcome.SUCCESS);
		assertTakenOver(late);
		assertInvariants(target, probe.stop(), 2);
	}

	@Test
	void dualStageWriteAnsweredAfterTheLeaseLetsTheHolderNeitherPublishNorFinish() throws Exception {
		Target target = Target.of(Strategy.DUAL);
		RotationService other = this.replicas.start("replica-2");
		List<RotationResult> takeovers = new CopyOnWriteArrayList<>();
		StateRecordStore heldStage = new HeldStateWrite(this.states, Phase.STAGED, () -> {
			this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));
			takeovers.add(other.rotate(request(target, "other")));
		});
		RotationService holder = this.replicas.start("replica-1", this.genesys, this.consumers, heldStage);

		ConsumerProbe probe = new ConsumerProbe(this.consumer, target.path(), 100_000);
		RotationResult late = holder.rotate(request(target, "holder"));

		assertThat(takeovers).singleElement().extracting(RotationResult::outcome).isEqualTo(Outcome.SUCCESS);
		assertTakenOver(late);
		assertInvariants(target, probe.stop(), 1);
	}

	@Test
	void singlePublicationAnsweredAfterTheLeaseIsAdoptedByTheReplicaThatTookOver() throws Exception {
		Target target = Target.of(Strategy.SINGLE);
		RotationService other = this.replicas.start("replica-2");
		List<RotationResult> takeovers = new CopyOnWriteArrayList<>();
		ConsumerPathStore heldPublication = new HeldPublication(this.consumers, () -> {
			this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));
			takeovers.add(other.rotate(request(target, "other")));
		});
		RotationService holder = this.replicas.start("replica-1", this.genesys, heldPublication, this.states);

		ConsumerProbe probe = new ConsumerProbe(this.consumer, target.path(), 100_000);
		RotationResult late = holder.rotate(request(target, "holder"));

		assertThat(takeovers).singleElement().extracting(RotationResult::outcome).isEqualTo(Outcome.SUCCESS);
		assertTakenOver(late);
		assertInvariants(target, probe.stop(), 1);
	}

	@Test
	void dualHolderFrozenBeforePublicationIsTakenOverAndStops() throws Exception {
		Target target = Target.of(Strategy.DUAL);
		RotationService other = this.replicas.start("replica-2");
		List<RotationResult> takeovers = new CopyOnWriteArrayList<>();
		AtomicBoolean frozen = new AtomicBoolean();
		RotationListener freezeWhenVerified = new RotationListener() {
			@Override
			public void phaseChanged(String credential, Phase phase) {
				if (phase == Phase.VERIFIED && frozen.compareAndSet(false, true)) {
					clock.advance(properties.rotation().leaseTtl().plusSeconds(1));
					takeovers.add(other.rotate(request(target, "other")));
				}
			}
		};
		RotationService holder = this.replicas.start("replica-1", freezeWhenVerified);

		ConsumerProbe probe = new ConsumerProbe(this.consumer, target.path(), 100_000);
		RotationResult late = holder.rotate(request(target, "holder"));

		assertThat(takeovers).singleElement().extracting(RotationResult::outcome).isEqualTo(Outcome.SUCCESS);
		assertTakenOver(late);
		assertInvariants(target, probe.stop(), 1);
	}

	@Test
	void fenceMakesAWriteOverAnEarlierVersionFailAndKeepsWhatConsumersRead() {
		SandboxConsumer.Published before = this.consumer.read(Sandbox.DUAL_PATH);

		long fenced = this.consumers.fence(Sandbox.DUAL_PATH, Sandbox.DUAL, "rotation-taken-over");

		SandboxConsumer.Published after = this.consumer.read(Sandbox.DUAL_PATH);
		assertThat(fenced).isEqualTo(before.version() + 1).isEqualTo(after.version());
		assertThat(after.clientId()).isEqualTo(before.clientId());
		assertThat(after.secret()).isEqualTo(before.secret());
		assertThatThrownBy(() -> this.consumers.publish(publication(Sandbox.DUAL_PATH), before.version()))
			.isInstanceOf(PublicationConflictException.class);
	}

	@Test
	void fenceOfAnEmptyPathMakesAFirstPublicationFail() {
		String path = "genesys/fenced-empty";

		long fenced = this.consumers.fence(path, Sandbox.DUAL, "rotation-taken-over");

		assertThat(fenced).isEqualTo(1);
		Optional<PublishedCredential> read = this.consumers.read(path);
		assertThat(read).hasValueSatisfying((published) -> {
			assertThat(published.clientId()).isNull();
			assertThat(published.secret()).isNull();
			assertThat(published.managed()).isTrue();
		});
		assertThatThrownBy(() -> this.consumers.publish(publication(path), 0))
			.isInstanceOf(PublicationConflictException.class);
	}

	private void assertTakenOver(RotationResult late) {
		assertThat(late.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(late.errorCode()).isEqualTo("lease-lost");
		assertThat(late.errorMessage()).contains("taken over by another replica");
	}

	/**
	 * Exactly the regenerations expected happened, the record accounts for the last one,
	 * the consumer path works and agrees with the record, dual consumers never failed,
	 * and the record is at rest.
	 */
	private void assertInvariants(Target target, ConsumerProbe.Report probe, int regenerations) {
		assertThat(this.sandbox.genesys().observations().regenerationCount(target.clientId())).as("regenerations")
			.isEqualTo(regenerations);
		Invariants invariants = new Invariants(this.catalog.get(target.credential()), this.sandbox, this.consumer,
				this.states, this.clock.instant());
		invariants.consumersAuthenticate(probe);
		invariants.noRegeneratedSecretLost();
		invariants.recordAtRest();
		SandboxConsumer.Published published = this.consumer.read(target.path());
		StateRecord record = this.states.read(target.credential()).map(Stored::value).orElseThrow();
		assertThat(record.active()).as("record agrees with the consumer path").hasValueSatisfying((slot) -> {
			assertThat(slot.clientId()).isEqualTo(published.clientId());
			assertThat(slot.secret()).isEqualTo(ClientSecret.of(published.secret()));
		});
	}

	private void rateLimitNextRegeneration(Target target) {
		this.sandbox.genesys()
			.faults()
			.add(FaultRule.on(Operation.REGENERATE_SECRET)
				.forClient(target.clientId())
				.times(1)
				.tooManyRequests((int) RETRY_AFTER.toSeconds()));
	}

	private static RotationRequest request(Target target, String actor) {
		return RotationRequest.of(target.credential(), Trigger.API, actor);
	}

	private Publication publication(String path) {
		return new Publication(path, Sandbox.DUAL, Sandbox.DUAL_A_ID, ClientSecret.of("stale-holder-secret-1"),
				this.genesys.endpoints(Sandbox.ORG), this.clock.instant(), "stale-rotation",
				this.clock.instant().plus(Duration.ofDays(30)));
	}

	/** The credential under test and the client its rotation regenerates. */
	private record Target(String credential, String path, String clientId) {

		static Target of(Strategy strategy) {
			return (strategy == Strategy.DUAL) ? new Target(Sandbox.DUAL, Sandbox.DUAL_PATH, Sandbox.DUAL_B_ID)
					: new Target(Sandbox.SINGLE, Sandbox.SINGLE_PATH, Sandbox.SINGLE_ID);
		}

	}

	/**
	 * The production adapter, except that the first regeneration's answer reaches the
	 * caller only after something else happened: Genesys applied it, the caller waits.
	 */
	private static final class LateAnswer implements GenesysOAuthClients {

		private final GenesysOAuthClients delegate;

		private final AtomicBoolean pending = new AtomicBoolean(true);

		private final Runnable meanwhile;

		LateAnswer(GenesysOAuthClients delegate, Runnable meanwhile) {
			this.delegate = delegate;
			this.meanwhile = meanwhile;
		}

		@Override
		public ClientSecret regenerateSecret(String org, String clientId, Fence fence) {
			ClientSecret secret = this.delegate.regenerateSecret(org, clientId, fence);
			if (this.pending.compareAndSet(true, false)) {
				this.meanwhile.run();
			}
			return secret;
		}

		@Override
		public OAuthClientView getClient(String org, String clientId) {
			return this.delegate.getClient(org, clientId);
		}

		@Override
		public RequestPolicy requestPolicy() {
			return this.delegate.requestPolicy();
		}

		@Override
		public TokenCheck checkToken(String org, String clientId, ClientSecret secret) {
			return this.delegate.checkToken(org, clientId, secret);
		}

		@Override
		public List<OrgClient> listClients(String org) {
			return this.delegate.listClients(org);
		}

		@Override
		public String submitUsageQuery(String org, String clientId, Instant from, Instant to) {
			return this.delegate.submitUsageQuery(org, clientId, from, to);
		}

		@Override
		public UsageJob pollUsageQuery(String org, String clientId, String jobId) {
			return this.delegate.pollUsageQuery(org, clientId, jobId);
		}

		@Override
		public String adminClientId(String org) {
			return this.delegate.adminClientId(org);
		}

		@Override
		public OrgEndpoints endpoints(String org) {
			return this.delegate.endpoints(org);
		}

	}

	/** State records in Vault, with the answer of the first write of one phase held. */
	private static final class HeldStateWrite implements StateRecordStore {

		private final StateRecordStore delegate;

		private final Phase phase;

		private final AtomicBoolean pending = new AtomicBoolean(true);

		private final Runnable meanwhile;

		HeldStateWrite(StateRecordStore delegate, Phase phase, Runnable meanwhile) {
			this.delegate = delegate;
			this.phase = phase;
			this.meanwhile = meanwhile;
		}

		@Override
		public Optional<Stored<StateRecord>> read(String credential) {
			return this.delegate.read(credential);
		}

		@Override
		public long write(String credential, StateRecord record, long expectedVersion) {
			long version = this.delegate.write(credential, record, expectedVersion);
			if (record.phase() == this.phase && this.pending.compareAndSet(true, false)) {
				this.meanwhile.run();
			}
			return version;
		}

	}

	/** Consumer paths in Vault, with the answer of the first publication held. */
	private static final class HeldPublication implements ConsumerPathStore {

		private final ConsumerPathStore delegate;

		private final AtomicBoolean pending = new AtomicBoolean(true);

		private final Runnable meanwhile;

		HeldPublication(ConsumerPathStore delegate, Runnable meanwhile) {
			this.delegate = delegate;
			this.meanwhile = meanwhile;
		}

		@Override
		public Optional<PublishedCredential> read(String vaultPath) {
			return this.delegate.read(vaultPath);
		}

		@Override
		public long publish(Publication publication, long expectedVersion) {
			long version = this.delegate.publish(publication, expectedVersion);
			if (this.pending.compareAndSet(true, false)) {
				this.meanwhile.run();
			}
			return version;
		}

		@Override
		public long fence(String vaultPath, String credential, String rotationId) {
			return this.delegate.fence(vaultPath, credential, rotationId);
		}

		@Override
		public boolean canWrite(String vaultPath) {
			return this.delegate.canWrite(vaultPath);
		}

	}

}
