package io.github.genesysrotator.schedule;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.CredentialStatus;
import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyUnavailableException;
import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.rotation.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.genesysrotator.schedule.ManualTaskScheduler.Task;
import io.github.genesysrotator.rotation.RotatorProperties.Credential;
import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import io.github.genesysrotator.sandbox.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.StaticApplicationContext;

import static io.github.genesysrotator.rotation.RotationResultBuilder.resultFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class RotationSchedulerTests {

	/** A Monday, 02:10 UTC: inside the 02:00 window below. */
	static final Instant MONDAY_0210 = Instant.parse("2026-03-02T02:10:00Z");

	static final Duration JITTER = Duration.ofMinutes(5);

	static final Duration BACKOFF = Duration.ofHours(1);

	final MutableClock clock = MutableClock.at(MONDAY_0210);

	final ManualTaskScheduler tasks = new ManualTaskScheduler();

	final RotationService rotations = mock(RotationService.class);

	final Map<String, Credential> credentials = new LinkedHashMap<>();

	RotationScheduler scheduler;

	@BeforeEach
	void setUp() {
		this.credentials.put("billing-bot", credential(null, true));
		this.credentials.put("night-owl", credential("0 0 2 * * MON-FRI", true));
		this.credentials.put("paused", credential(null, false));
		given(this.rotations.recoverAbandoned()).willReturn(List.of());
		rotationsEnd(Outcome.SUCCESS, null, null);
		// Maximal jitter: the worst case must still be inside the bound.
		this.scheduler = scheduler((bound) -> bound);
	}

	@Test
	void queuesDueCredentialAfterJitterAsScheduledRoutineRotation() {
		statuses(due("billing-bot"));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).singleElement()
			.extracting(Task::startTime)
			.isEqualTo(MONDAY_0210.plus(JITTER));
		verify(this.rotations, never()).rotate(any());
		this.clock.advance(JITTER);
		this.tasks.runDue(this.clock.instant());
		RotationRequest request = rotated();
		assertThat(request.credential()).isEqualTo("billing-bot");
		assertThat(request.trigger()).isEqualTo(Trigger.SCHEDULE);
		assertThat(request.actor()).isEqualTo("scheduler");
		assertThat(request.mode()).isEqualTo(Mode.ROUTINE);
		assertThat(request.dryRun()).isFalse();
		// The pass's instant, not the start's: a rotation in between makes the engine
		// skip.
		assertThat(request.queuedAt()).isEqualTo(MONDAY_0210);
	}

	@Test
	void jitterStaysWithinBounds() {
		IntStream.range(0, 50).forEach((i) -> this.credentials.put("cred-" + i, credential(null, true)));
		statuses(IntStream.range(0, 50).mapToObj((i) -> due("cred-" + i)).toArray(CredentialStatus[]::new));
		RotatorProperties properties = properties();
		new RotationScheduler(this.rotations, new CredentialCatalog(properties), properties, this.clock, this.tasks)
			.pass();
		assertThat(this.tasks.pending()).hasSize(50)
			.allSatisfy((task) -> assertThat(task.startTime()).isBetween(MONDAY_0210, MONDAY_0210.plus(JITTER)));
		assertThat(this.tasks.pending().stream().map(Task::startTime).distinct()).hasSizeGreaterThan(1);
	}

	@Test
	void zeroJitterStartsAtOnce() {
		this.scheduler = scheduler((bound) -> {
			assertThat(bound).isEqualTo(JITTER.toMillis());
			return 0;
		});
		statuses(due("billing-bot"));
		this.scheduler.pass();
		this.tasks.runDue(MONDAY_0210);
		verify(this.rotations).rotate(any());
	}

	@Test
	void recoversAbandonedRotationsBeforeLookingForDueOnes() {
		statuses(due("billing-bot"));
		this.scheduler.pass();
		InOrder order = inOrder(this.rotations);
		order.verify(this.rotations).recoverAbandoned();
		order.verify(this.rotations).statuses();
	}

	@Test
	void skipsCredentialsNotDueYet() {
		statuses(status("billing-bot", true, Phase.IDLE, MONDAY_0210.plusSeconds(1), null));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).isEmpty();
	}

	@Test
	void queuesNeverPublishedCredential() {
		statuses(status("billing-bot", true, Phase.IDLE, MONDAY_0210, null));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).hasSize(1);
	}

	@Test
	void skipsDisabledCredentials() {
		statuses(status("paused", false, Phase.IDLE, MONDAY_0210.minusSeconds(60), null));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).isEmpty();
	}

	@Test
	void skipsCredentialsWithRotationInFlight() {
		statuses(status("billing-bot", true, Phase.STAGED, MONDAY_0210.minusSeconds(60), null));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).isEmpty();
	}

	@Test
	void respectsWindows() {
		statuses(due("night-owl"));
		this.clock.set(Instant.parse("2026-03-02T05:00:00Z"));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).as("after the window closed").isEmpty();
		this.clock.set(Instant.parse("2026-03-07T02:30:00Z"));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).as("saturday, outside MON-FRI").isEmpty();
		this.clock.set(Instant.parse("2026-03-09T03:59:00Z"));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).as("monday, last minute of the window").hasSize(1);
	}

	@Test
	void doesNotStartWhenJitterCarriesPastTheWindow() {
		statuses(due("night-owl"));
		this.clock.set(Instant.parse("2026-03-02T03:58:00Z"));
		this.scheduler.pass();
		this.clock.advance(JITTER);
		this.tasks.runDue(this.clock.instant());
		verify(this.rotations, never()).rotate(any());
	}

	@Test
	void queuesACredentialOnceWhileItWaits() {
		statuses(due("billing-bot"));
		this.scheduler.pass();
		this.clock.advance(Duration.ofMinutes(1));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).hasSize(1);
		this.clock.advance(JITTER);
		this.tasks.runDue(this.clock.instant());
		verify(this.rotations, times(1)).rotate(any());
	}

	@Test
	void backsOffAfterAFailureItSaw() {
		rotationsEnd(Outcome.FAILED, "vault-unavailable", null);
		statuses(due("billing-bot"));
		this.scheduler.pass();
		this.clock.advance(JITTER);
		this.tasks.runDue(this.clock.instant());
		Instant failedAt = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(5));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).isEmpty();
		this.clock.set(failedAt.plus(BACKOFF));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).hasSize(1);
	}

	@Test
	void waitsOutARefusalWithRetryAfter() {
		rotationsEnd(Outcome.SKIPPED, "grace-period", Duration.ofHours(3));
		statuses(due("billing-bot"));
		this.scheduler.pass();
		this.clock.advance(JITTER);
		this.tasks.runDue(this.clock.instant());
		this.clock.advance(Duration.ofHours(2));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).isEmpty();
		this.clock.advance(Duration.ofHours(1));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).hasSize(1);
	}

	@Test
	void alreadyRotatedMeanwhileIsNoFailure() {
		rotationsEnd(Outcome.SKIPPED, "already-rotated", null);
		statuses(due("billing-bot"));
		this.scheduler.pass();
		this.clock.advance(JITTER);
		this.tasks.runDue(this.clock.instant());
		this.clock.advance(Duration.ofMinutes(5));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).hasSize(1);
	}

	@Test
	void unreachableStateEndsThePassQuietly() {
		given(this.rotations.recoverAbandoned())
			.willThrow(new DependencyUnavailableException(Dependency.VAULT, "Vault sealed"));
		given(this.rotations.statuses())
			.willThrow(new DependencyUnavailableException(Dependency.VAULT, "Vault sealed"));
		this.scheduler.pass();
		assertThat(this.tasks.pending()).isEmpty();
	}

	@Test
	void startsNothingOnceTheContextCloses() {
		statuses(due("billing-bot"));
		this.scheduler.pass();
		Task queued = this.tasks.pending().get(0);
		this.scheduler.onApplicationEvent(new ContextClosedEvent(new StaticApplicationContext()));
		assertThat(queued.isCancelled()).isTrue();
		queued.run();
		this.scheduler.pass();
		this.clock.advance(JITTER);
		this.tasks.runDue(this.clock.instant());
		verify(this.rotations, never()).rotate(any());
		verify(this.rotations, times(1)).recoverAbandoned();
	}

	@Test
	void aQueuedRotationThatStartsWhileClosingDoesNothing() {
		statuses(due("billing-bot"));
		this.scheduler.pass();
		Task queued = this.tasks.pending().get(0);
		ManualTaskScheduler other = new ManualTaskScheduler();
		RotationScheduler closing = new RotationScheduler(this.rotations, new CredentialCatalog(properties()),
				properties().schedule(), this.clock, other, (bound) -> 0);
		closing.pass();
		closing.onApplicationEvent(new ContextClosedEvent(new StaticApplicationContext()));
		other.pending().forEach(Task::run);
		verify(this.rotations, never()).rotate(any());
		assertThat(queued.isDone()).isFalse();
	}

	@Test
	void closedSchedulerNeverTouchesTheService() {
		RotationService untouched = mock(RotationService.class);
		RotationScheduler closed = new RotationScheduler(untouched, new CredentialCatalog(properties()),
				properties().schedule(), this.clock, this.tasks, (bound) -> 0);
		closed.onApplicationEvent(new ContextClosedEvent(new StaticApplicationContext()));
		closed.pass();
		verifyNoInteractions(untouched);
	}

	private RotationScheduler scheduler(java.util.function.LongUnaryOperator jitter) {
		RotatorProperties properties = properties();
		return new RotationScheduler(this.rotations, new CredentialCatalog(properties), properties.schedule(),
				this.clock, this.tasks, jitter);
	}

	private RotatorProperties properties() {
		return new RotatorProperties("replica-1", new RotatorProperties.Vault("secret", "genesys-rotator/state"),
				Map.of(), this.credentials, new RotatorProperties.Schedule(true, "0 */5 * * * *", JITTER, BACKOFF),
				new RotatorProperties.Api(Duration.ofMinutes(10)),
				new RotatorProperties.Rotation(Duration.ofMinutes(2), Duration.ofSeconds(60), Duration.ofMillis(500),
						Duration.ofMinutes(10), 20, Duration.ofSeconds(10), Duration.ofMinutes(5),
						Duration.ofMinutes(1), Duration.ofHours(6)),
				null, null, null, null, null, null, null, null);
	}

	private static Credential credential(String window, boolean enabled) {
		return new Credential("acme-prod", Strategy.DUAL, List.of("client-a", "client-b"), "genesys/x",
				Duration.ofDays(30), Duration.ofHours(24), window, Duration.ofHours(2), enabled, false, false, null,
				List.of());
	}

	private void rotationsEnd(Outcome outcome, String code, Duration retryAfter) {
		willAnswer((invocation) -> result(invocation.getArgument(0), outcome, code, retryAfter)).given(this.rotations)
			.rotate(any());
	}

	private void statuses(CredentialStatus... statuses) {
		given(this.rotations.statuses()).willReturn(List.of(statuses));
	}

	private CredentialStatus due(String name) {
		return status(name, true, Phase.IDLE, MONDAY_0210.minus(Duration.ofDays(1)), null);
	}

	private static CredentialStatus status(String name, boolean enabled, Phase phase, Instant nextDue,
			HistoryEntry last) {
		return new CredentialStatus(name, Strategy.DUAL, "acme-prod", "genesys/" + name, enabled, phase, "client-a",
				"client-b", MONDAY_0210.minus(Duration.ofDays(31)), MONDAY_0210.minus(Duration.ofDays(31)),
				Duration.ofDays(31), Duration.ofDays(30), last, null, nextDue, null, null, null, null);
	}

	private RotationResult result(RotationRequest request, Outcome outcome, String code, Duration retryAfter) {
		return resultFor(request.credential()).id("r-" + outcome)
			.mode(request.mode())
			.by(request.trigger(), request.actor())
			.outcome(outcome, code, code)
			.retryAfter(retryAfter)
			.active("client-a")
			.ran(this.clock.instant(), Duration.ZERO)
			.build();
	}

	private RotationRequest rotated() {
		ArgumentCaptor<RotationRequest> request = ArgumentCaptor.forClass(RotationRequest.class);
		verify(this.rotations).rotate(request.capture());
		return request.getValue();
	}

}
