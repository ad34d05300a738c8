package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.genesysrotator.rotation.RotationTestSupport.CrashSwitch;
import io.github.genesysrotator.rotation.RotationTestSupport.Replicas;
import io.github.genesysrotator.rotation.StateRecord.Pause;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.schedule.RotationScheduler;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pause and resume, upcoming-rotation announcements and {@code next_rotation_at}, over
 * the sandbox and through the production adapters, with replicas that share nothing but
 * Vault and Genesys.
 */
@SandboxServiceTest
@Import(RotationTestSupport.Beans.class)
class OperatorControlsIntegrationTests {

	@Autowired
	private Sandbox sandbox;

	private SandboxConsumer consumer;

	private final Events events = new Events();

	@Autowired
	private RotationService rotations;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CrashSwitch crashSwitch;

	@Autowired
	private StateRecordStore states;

	@Autowired
	private Replicas replicas;

	private RotationService other;

	@BeforeEach
	void resetWorld() {
		this.consumer = new SandboxConsumer(this.sandbox);
		this.clock.reset();
		this.crashSwitch.disarm();
		this.other = this.replicas.start("replica-2", this.events);
	}

	@Test
	void aPauseOnOneReplicaIsObeyedByAnotherAndCompromiseStillRuns() {
		CredentialStatus paused = this.rotations.pause(Sandbox.DUAL, "ops", "change freeze", null);
		assertThat(paused.paused()).isNotNull();

		RotationResult scheduled = this.other.rotate(scheduled(Sandbox.DUAL));
		assertThat(scheduled.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(scheduled.errorCode()).isEqualTo("paused");
		assertThat(scheduled.errorMessage()).contains("ops");
		assertThat(this.other.rotate(request(Sandbox.DUAL, Mode.ROUTINE)).errorCode()).isEqualTo("paused");
		assertThat(this.sandbox.genesys().observations().regenerationCounts().values()).allMatch((count) -> count == 0);
		Pause shown = this.other.status(Sandbox.DUAL).paused();
		assertThat(shown.by()).isEqualTo("ops");
		assertThat(shown.reason()).isEqualTo("change freeze");
		assertThat(shown.until()).isNull();

		RotationResult compromise = this.other.rotate(request(Sandbox.DUAL, Mode.COMPROMISE));
		assertThat(compromise.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
		assertThat(this.rotations.status(Sandbox.DUAL).paused()).as("a compromise rotation keeps the pause")
			.isNotNull();

		this.other.resume(Sandbox.DUAL, "ops");
		assertThat(this.events.resumed).containsExactly(Sandbox.DUAL + " by ops");
		assertThat(this.rotations.status(Sandbox.DUAL).paused()).isNull();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.rotations.rotate(request(Sandbox.DUAL, Mode.ROUTINE)).outcome()).isEqualTo(Outcome.SUCCESS);
	}

	@Test
	void rollbackStillWorksWhilePaused() {
		assertThat(this.rotations.rotate(request(Sandbox.DUAL, Mode.ROUTINE)).outcome()).isEqualTo(Outcome.SUCCESS);
		this.rotations.pause(Sandbox.DUAL, "ops", null, null);

		RotationResult rollback = this.other.rollback(Sandbox.DUAL, "ops");

		assertThat(rollback.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_A_ID);
		assertThat(this.rotations.status(Sandbox.DUAL).paused()).isNotNull();
	}

	@Test
	void aPauseEndsByItselfAtUntil() {
		Instant until = this.clock.instant().plus(Duration.ofHours(1));
		this.other.pause(Sandbox.SINGLE, "ops", "audit week", until);
		assertThat(this.events.paused).containsExactly(Sandbox.SINGLE + " by ops until " + until);

		RotationResult refused = this.rotations.rotate(scheduled(Sandbox.SINGLE));
		assertThat(refused.errorCode()).isEqualTo("paused");
		assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));

		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		assertThat(this.rotations.status(Sandbox.SINGLE).paused()).isNull();
		assertThat(this.rotations.rotate(scheduled(Sandbox.SINGLE)).outcome()).isEqualTo(Outcome.SUCCESS);
	}

	@Test
	void anUntilThatIsNotInTheFutureIsRefusedAndNothingIsWritten() {
		Instant now = this.clock.instant();

		assertThatThrownBy(() -> this.rotations.pause(Sandbox.DUAL, "ops", null, now.minusSeconds(1)))
			.isInstanceOf(InvalidPauseException.class)
			.hasMessageContaining("until");
		assertThatThrownBy(() -> this.rotations.pause(Sandbox.DUAL, "ops", null, now))
			.isInstanceOf(InvalidPauseException.class);
		assertThat(this.states.read(Sandbox.DUAL)).isEmpty();
		assertThat(this.events.paused).isEmpty();
	}

	@Test
	void resumingACredentialThatIsNotPausedWritesNothing() {
		this.rotations.resume(Sandbox.DUAL, "ops");

		assertThat(this.states.read(Sandbox.DUAL)).isEmpty();
		assertThat(this.events.resumed).isEmpty();
	}

	@Test
	void pausingWhileARotationRunsPausesTheNextOneNotTheRunningOne() {
		this.crashSwitch.runAt(Phase.STAGED, () -> this.other.pause(Sandbox.DUAL, "ops", "mid-flight", null));

		RotationResult running = this.rotations.rotate(request(Sandbox.DUAL, Mode.ROUTINE));

		assertThat(running.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
		CredentialStatus after = this.rotations.status(Sandbox.DUAL);
		assertThat(after.phase()).isEqualTo(Phase.IDLE);
		assertThat(after.paused()).as("the rotation's later writes kept the pause").isNotNull();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.rotations.rotate(scheduled(Sandbox.DUAL)).errorCode()).isEqualTo("paused");
	}

	@Test
	void aPauseRacingARotationIsNeverLostAndNeverBreaksTheRotation() throws Exception {
		// The first rotation creates the record: a pause racing that one may make it
		// busy.
		assertThat(this.rotations.rotate(request(Sandbox.DUAL, Mode.ROUTINE)).outcome()).isEqualTo(Outcome.SUCCESS);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 8; round++) {
				this.clock.advance(Duration.ofMinutes(2));
				CyclicBarrier start = new CyclicBarrier(2);
				Future<RotationResult> rotation = pool.submit(() -> {
					start.await();
					return this.rotations.rotate(request(Sandbox.DUAL, Mode.ROUTINE));
				});
				Future<CredentialStatus> pause = pool.submit(() -> {
					start.await();
					return this.other.pause(Sandbox.DUAL, "ops", "racing a rotation", null);
				});
				RotationResult result = rotation.get();
				pause.get();

				assertThat(result.outcome()).isIn(Outcome.SUCCESS, Outcome.SKIPPED);
				if (result.outcome() == Outcome.SKIPPED) {
					assertThat(result.errorCode()).isEqualTo("paused");
				}
				assertThat(this.rotations.status(Sandbox.DUAL).paused()).isNotNull();
				assertThat(this.rotations.status(Sandbox.DUAL).phase()).isEqualTo(Phase.IDLE);
				assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
				this.other.resume(Sandbox.DUAL, "ops");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void everyPublicationTellsConsumersWhenTheNextRotationIsDue() {
		this.rotations.rotate(request(Sandbox.DUAL, Mode.ROUTINE));

		Instant activeSince = this.rotations.status(Sandbox.DUAL).activeSince();
		Instant next = Instant.parse(this.consumer.read(Sandbox.DUAL_PATH).data().get("next_rotation_at").asString());
		assertThat(Duration.between(activeSince.plus(Duration.ofHours(1)), next).abs())
			.isLessThan(Duration.ofSeconds(5));

		this.rotations.rollback(Sandbox.DUAL, "ops");
		Instant afterRollback = Instant
			.parse(this.consumer.read(Sandbox.DUAL_PATH).data().get("next_rotation_at").asString());
		assertThat(afterRollback).isAfterOrEqualTo(next);
	}

	@Test
	void anUpcomingRotationIsAnnouncedOnceAcrossReplicasInsideTheLeadTime() throws Exception {
		this.rotations.rotate(request(Sandbox.DUAL, Mode.ROUTINE));
		Instant due = this.rotations.status(Sandbox.DUAL).activeSince().plus(Duration.ofHours(1));
		RotationService third = this.replicas.start("replica-3", this.events);
		Duration lead = Duration.ofMinutes(10);

		assertThat(this.other.announceDue(lead)).as("due in an hour").isEmpty();
		this.clock.advance(Duration.ofMinutes(51));

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier start = new CyclicBarrier(2);
			List<Future<List<String>>> calls = new ArrayList<>();
			for (RotationService replica : List.of(this.other, third)) {
				calls.add(pool.submit(() -> {
					start.await();
					return replica.announceDue(lead);
				}));
			}
			int announced = 0;
			for (Future<List<String>> call : calls) {
				announced += call.get().size();
			}
			assertThat(announced).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.events.due).containsExactly(Sandbox.DUAL + " at " + due);
		assertThat(this.other.announceDue(lead)).isEmpty();
		assertThat(third.announceDue(lead)).isEmpty();
	}

	@Test
	void aPausedCredentialIsNotAnnounced() {
		this.rotations.rotate(request(Sandbox.DUAL, Mode.ROUTINE));
		this.rotations.pause(Sandbox.DUAL, "ops", null, null);
		this.clock.advance(Duration.ofMinutes(55));

		assertThat(this.other.announceDue(Duration.ofMinutes(10))).isEmpty();
		assertThat(this.events.due).isEmpty();
	}

	private static RotationRequest scheduled(String credential) {
		return new RotationRequest(credential, Trigger.SCHEDULE, RotationScheduler.ACTOR, Mode.ROUTINE, false, null,
				null);
	}

	private static RotationRequest request(String credential, Mode mode) {
		return new RotationRequest(credential, Trigger.API, "test", mode, false, null, null);
	}

	/** What the replicas told their listeners. */
	static final class Events implements RotationListener {

		final List<String> paused = new CopyOnWriteArrayList<>();

		final List<String> resumed = new CopyOnWriteArrayList<>();

		final List<String> due = new CopyOnWriteArrayList<>();

		@Override
		public void paused(String credential, Pause pause) {
			this.paused
				.add(credential + " by " + pause.by() + ((pause.until() != null) ? " until " + pause.until() : ""));
		}

		@Override
		public void resumed(String credential, String actor) {
			this.resumed.add(credential + " by " + actor);
		}

		@Override
		public void rotationDue(String credential, Instant dueAt) {
			this.due.add(credential + " at " + dueAt);
		}

	}

}
