package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.genesysrotator.observability.OrgCoverage;
import io.github.genesysrotator.rotation.RotationTestSupport.SimulatedCrash;
import io.github.genesysrotator.rotation.StandbyUsage.Answer;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxConsumer.Published;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.SandboxSetup;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import io.github.genesysrotator.sandbox.genesys.OAuthPermission;
import io.github.genesysrotator.sandbox.genesys.Operation;
import io.github.genesysrotator.sandbox.genesys.RoleDivision;
import io.github.genesysrotator.sandbox.genesys.UsageReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retirement guard over the simulators, with one moving clock for the rotator and
 * Genesys, so days pass in milliseconds. The stale consumer read the credential once and
 * never again; with the guard it never fails, without it the rotation breaks it.
 */
class RetirementGuardIntegrationTests {

	/**
	 * Day 0 of the first test. Each test starts ten days after the previous one: time
	 * only moves forward, as secrets issued "later" must never be seen from before.
	 */
	static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);

	/** Day 0 of the running test: at 02:00 UTC the first rotation demotes client A. */
	static LocalDate day0 = FIRST_DAY.minusDays(10);

	static final MutableClock clock = MutableClock.at(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant());

	/** The day {@code n} days after day 0. */
	static LocalDate day(int n) {
		return day0.plusDays(n);
	}

	/** {@code hour}:00 UTC on day {@code n}. */
	static Instant at(int n, int hour) {
		return day(n).atStartOfDay(ZoneOffset.UTC).plusHours(hour).toInstant();
	}

	static final AtomicBoolean crashOnNextWait = new AtomicBoolean();

	@Nested
	@SandboxServiceTest(setup = OnTheSharedClock.class,
			properties = "rotator.credentials." + Sandbox.DUAL + ".usage-check=enforce")
	@Import(VirtualTime.class)
	class WithTheGuardEnforced extends OnItsOwnSandbox {

		@Test
		void refusesWhileTheStaleConsumerCallsAndRotatesOnceADayPassedWithoutCalls() {
			StaleConsumerRun run = runStaleConsumerScenario();
			run.print(getClass().getSimpleName());

			assertThat(run.staleFailures()).as("the stale consumer never fails").isZero();
			assertThat(run.wellBehavedFailures()).isZero();
			assertThat(run.outcomes()).containsExactly("success", "grace-period", "grace-period", "grace-period",
					"grace-period", "standby-in-use", "standby-in-use", "standby-in-use", "standby-in-use", "success");
			assertThat(run.rotatedStandbyAt()).isEqualTo(at(4, 8));
			assertThat(run.jobs())
				.as("one usage job per UTC day at most (the answer is reused within the day), plus one of the"
						+ " rotator's own client when the standby showed no calls on the latest day")
				.isEqualTo(3 + 1);
			assertThat(run.usageRequests()).as("per job: one POST, then one GET per poll (Queued, Running, Succeeded)")
				.isEqualTo(run.jobs() * 4);
			RotationResult refusal = run.results().get(5);
			assertThat(refusal.outcome()).isEqualTo(Outcome.SKIPPED);
			assertThat(refusal.errorMessage()).contains(Sandbox.DUAL_A_ID).contains(day(1).toString());
			assertThat(refusal.retryAfter()).isPositive();
			assertThat(refusal.standbyUsage().answer()).isEqualTo(Answer.IN_USE);
			StandbyUsage rotated = run.results().get(9).standbyUsage();
			assertThat(rotated.answer()).isEqualTo(Answer.NOT_IN_USE);
			assertThat(rotated.lastUsedOn()).isEqualTo(day(2));
			assertThat(this.consumer.tokenWorks(Sandbox.DUAL_A_ID, run.staleSecret()))
				.as("only the rotation after the consumer left regenerated its client")
				.isFalse();
		}

		@Test
		void theRefusalIsKeptInTheStateRecordAndShownInTheStatus() {
			demoteClientAWithCallsOn(1);
			clock.set(at(2, 8));

			RotationResult refused = routine();

			assertThat(refused.errorCode()).isEqualTo("standby-in-use");
			StandbyUsage usage = this.rotations.status(Sandbox.DUAL).standbyUsage();
			assertThat(usage.answer()).isEqualTo(Answer.IN_USE);
			assertThat(usage.clientId()).isEqualTo(Sandbox.DUAL_A_ID);
			assertThat(usage.lastUsedOn()).isEqualTo(day(1));
			assertThat(usage.demotedOn()).isEqualTo(day(0));
			assertThat(usage.checkedOn()).isEqualTo(day(2));
			assertThat(this.states.read(Sandbox.DUAL).orElseThrow().value().phase()).isEqualTo(Phase.IDLE);
		}

		@Test
		void aDryRunReportsTheAnswerAndWritesNothing() {
			demoteClientAWithCallsOn(1);
			clock.set(at(2, 8));
			long version = this.states.read(Sandbox.DUAL).orElseThrow().version();

			RotationResult dryRun = this.rotations
				.rotate(new RotationRequest(Sandbox.DUAL, Trigger.API, "test", Mode.ROUTINE, true, null, null));

			assertThat(dryRun.dryRun()).isTrue();
			assertThat(dryRun.errorCode()).isEqualTo("standby-in-use");
			assertThat(dryRun.standbyUsage().answer()).isEqualTo(Answer.IN_USE);
			assertThat(this.states.read(Sandbox.DUAL).orElseThrow().version()).isEqualTo(version);
		}

		@Test
		void aCompromiseRotationNeverAsks() {
			demoteClientAWithCallsOn(1);
			clock.set(at(2, 8));
			int jobs = usage().jobsSubmitted();

			RotationResult result = this.rotations
				.rotate(new RotationRequest(Sandbox.DUAL, Trigger.API, "test", Mode.COMPROMISE, false, "leaked", null));

			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(result.standbyUsage()).isNull();
			assertThat(usage().jobsSubmitted()).isEqualTo(jobs);
		}

		@Test
		void noCompleteDaySinceTheDemotionIsUnknownAndRotatesWithoutAsking() {
			demoteClientAWithCallsOn(0);
			// Grace period over, but day 1 is not complete (plus usage-delay) yet:
			// what
			// a grace period under two days always meets.
			clock.set(at(2, 3));
			int jobs = usage().jobsSubmitted();

			RotationResult result = routine();

			assertUnknownAndRotated(result, "no complete UTC day");
			assertThat(usage().jobsSubmitted()).isEqualTo(jobs);
		}

		@Test
		void aDayGenesysHasNotPublishedYetIsNotReadAsADayWithoutCalls() {
			// Genesys publishes 12 h after midnight: later than usage-delay (6 h).
			usage().publicationLag(Duration.ofHours(12));
			Published stale = this.consumer.read(Sandbox.DUAL_PATH);
			assertThat(routine().outcome()).isEqualTo(Outcome.SUCCESS);
			for (int day = 1; day <= 2; day++) {
				clock.set(at(day, 12));
				assertThat(this.consumer.callsApi(stale.clientId(), stale.secret())).isTrue();
				// The rotator's own call of the day: its health check lists the org's
				// clients.
				this.coverage.clients(Sandbox.ORG);
			}

			// Day 2 ended and usage-delay passed, but Genesys has published day 1 only.
			clock.set(at(3, 8));
			RotationResult judgedOnDay1 = routine();
			// Day 3 is not published yet; day 2 is, with the stale consumer's calls.
			clock.set(at(4, 8));
			RotationResult judgedOnDay2 = routine();
			// Day 3 is published: the rotator called the API (its routine at 08:00), A
			// did
			// not.
			clock.set(at(5, 8));
			RotationResult rotated = routine();

			assertThat(judgedOnDay1.errorCode()).isEqualTo("standby-in-use");
			assertThat(judgedOnDay1.standbyUsage().lastUsedOn()).isEqualTo(day(1));
			assertThat(judgedOnDay2.errorCode()).isEqualTo("standby-in-use");
			assertThat(judgedOnDay2.standbyUsage().lastUsedOn()).isEqualTo(day(2));
			assertThat(rotated.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(rotated.regeneratedClientIds()).containsExactly(Sandbox.DUAL_A_ID);
			assertThat(rotated.standbyUsage().answer()).isEqualTo(Answer.NOT_IN_USE);
			assertThat(rotated.standbyUsage().lastUsedOn()).isEqualTo(day(2));
		}

		@Test
		void noDayGenesysHasPublishedSinceTheDemotionIsUnknownAndRotates() {
			usage().publicationLag(Duration.ofHours(12));
			demoteClientAWithCallsOn(1);
			// Day 1 ended eight hours ago: past usage-delay, not yet published.
			clock.set(at(2, 8));

			assertUnknownAndRotated(routine(), "published no usage");
		}

		@Test
		void aFailedUsageJobIsUnknownAndRotates() {
			demoteClientAWithCallsOn(1);
			usage().failJobs(true);
			clock.set(at(2, 8));

			assertUnknownAndRotated(routine(), "failed");
		}

		@Test
		void aMissingPermissionIsUnknownAndRotates() {
			demoteClientAWithCallsOn(1);
			clock.set(at(2, 8));
			setAdminPermissions(OAuthPermission.VIEW, OAuthPermission.EDIT);
			try {
				assertUnknownAndRotated(routine(), "usage:client:view");
			}
			finally {
				setAdminPermissions(OAuthPermission.VIEW, OAuthPermission.EDIT, OAuthPermission.USAGE_VIEW);
			}
		}

		@Test
		void aUsageJobThatDoesNotFinishInTimeIsUnknownAndRotates() {
			demoteClientAWithCallsOn(1);
			usage().jobPolls(1000);
			clock.set(at(2, 8));

			assertUnknownAndRotated(routine(), "usage-timeout");
		}

		@Test
		void aCrashDuringTheUsageWaitWritesNothingAndLeavesNothingToRecover() {
			demoteClientAWithCallsOn(1);
			clock.set(at(2, 8));
			Stored<StateRecord> before = this.states.read(Sandbox.DUAL).orElseThrow();
			crashOnNextWait.set(true);

			try {
				routine();
			}
			catch (SimulatedCrash expected) {
				// The process died while it waited for the usage job.
			}

			assertThat(crashOnNextWait).as("the crash happened").isFalse();
			Stored<StateRecord> after = this.states.read(Sandbox.DUAL).orElseThrow();
			assertThat(after.version()).isEqualTo(before.version());
			assertThat(after.value()).isEqualTo(before.value());
			assertThat(this.rotations.recoverAbandoned()).isEmpty();
			assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_A_ID)).isZero();
		}

		private void assertUnknownAndRotated(RotationResult result, String reason) {
			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(result.regeneratedClientIds()).containsExactly(Sandbox.DUAL_A_ID);
			assertThat(result.standbyUsage().answer()).isEqualTo(Answer.UNKNOWN);
			assertThat(result.standbyUsage().reason()).contains(reason);
			assertThat(result.standbyUsage().lastUsedOn()).isNull();
		}

		private void setAdminPermissions(OAuthPermission... permissions) {
			String role = this.sandbox.org().createRole(permissions);
			this.sandbox.org()
				.setRoleDivisions(Sandbox.ADMIN_ID,
						List.of(new RoleDivision(role, this.sandbox.org().homeDivisionId())));
		}

	}

	@Nested
	@SandboxServiceTest(setup = OnTheSharedClock.class,
			properties = "rotator.credentials." + Sandbox.DUAL + ".usage-check=off")
	@Import(VirtualTime.class)
	class WithTheGuardOff extends OnItsOwnSandbox {

		@Test
		void theRotationAfterTheGracePeriodBreaksTheStaleConsumer() {
			StaleConsumerRun run = runStaleConsumerScenario();
			run.print(getClass().getSimpleName());

			assertThat(run.rotatedStandbyAt()).isEqualTo(at(2, 8));
			assertThat(run.staleFailures()).as("every call from the rotation until the consumer re-read")
				.isEqualTo(Duration.between(run.rotatedStandbyAt(), at(3, 0)).toHours() - 1);
			assertThat(run.wellBehavedFailures()).isZero();
			assertThat(run.jobs()).isZero();
			assertThat(run.usageRequests()).isZero();
			assertThat(run.results()).allSatisfy((result) -> assertThat(result.standbyUsage()).isNull());
		}

	}

	@Nested
	@SandboxServiceTest(setup = OnTheSharedClock.class,
			properties = "rotator.credentials." + Sandbox.DUAL + ".usage-check=warn")
	@Import(VirtualTime.class)
	class WithTheGuardWarning extends OnItsOwnSandbox {

		@Test
		void rotatesOverAStandbyInUseAndRecordsTheWarning() {
			demoteClientAWithCallsOn(1);
			clock.set(at(2, 8));

			RotationResult result = routine();

			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(result.regeneratedClientIds()).containsExactly(Sandbox.DUAL_A_ID);
			assertThat(result.standbyUsage().answer()).isEqualTo(Answer.IN_USE);
			assertThat(result.standbyUsage().lastUsedOn()).isEqualTo(day(1));
			StandbyUsage kept = this.rotations.status(Sandbox.DUAL).standbyUsage();
			assertThat(kept.answer()).as("kept in the state record by the intent write").isEqualTo(Answer.IN_USE);
			assertThat(kept.clientId()).isEqualTo(Sandbox.DUAL_A_ID);
		}

	}

	abstract static class OnItsOwnSandbox {

		@Autowired
		RotationService rotations;

		@Autowired
		StateRecordStore states;

		@Autowired
		Sandbox sandbox;

		@Autowired
		OrgCoverage coverage;

		SandboxConsumer consumer;

		@BeforeEach
		void reset() {
			day0 = day0.plusDays(10);
			clock.set(at(0, 2));
			crashOnNextWait.set(false);
			usage().failJobs(false).jobPolls(2).publicationLag(Duration.ZERO);
			this.consumer = new SandboxConsumer(this.sandbox);
		}

		UsageReports usage() {
			return this.sandbox.genesys().usage();
		}

		RotationResult routine() {
			return this.rotations.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.SCHEDULE, "scheduler"));
		}

		/**
		 * Requests the rotator sent to the usage jobs API since the observations reset.
		 */
		long usageRequests() {
			return this.sandbox.genesys()
				.observations()
				.apiRequests()
				.stream()
				.filter((request) -> request.operation() == Operation.USAGE_QUERY
						|| request.operation() == Operation.USAGE_RESULT)
				.count();
		}

		/**
		 * The first rotation at day 0, 02:00 UTC, demotes A; then calls of A on a day.
		 */
		void demoteClientAWithCallsOn(int day) {
			assertThat(routine().outcome()).isEqualTo(Outcome.SUCCESS);
			usage().record(Sandbox.DUAL_A_ID, day(day), 10);
		}

		/**
		 * Hour by hour from day 0, 02:00 UTC, to day 5: a stale consumer calls the API
		 * with client A (read once, before the first rotation) until it re-reads, a
		 * well-behaved one reads Vault before every call, and the scheduler tries a
		 * routine rotation at 08:00 and 20:00 UTC.
		 */
		StaleConsumerRun runStaleConsumerScenario() {
			int jobsBefore = usage().jobsSubmitted();
			this.sandbox.genesys().observations().reset();
			Published stale = this.consumer.read(Sandbox.DUAL_PATH);
			assertThat(stale.clientId()).isEqualTo(Sandbox.DUAL_A_ID);
			List<RotationResult> results = new ArrayList<>();
			results.add(routine());
			int staleFailures = 0;
			int wellBehavedFailures = 0;
			Instant rotatedStandbyAt = null;
			for (Instant now = at(0, 3); now.isBefore(at(5, 2)); now = now.plus(Duration.ofHours(1))) {
				clock.set(now);
				if (now.isBefore(at(3, 0)) && !this.consumer.callsApi(stale.clientId(), stale.secret())) {
					staleFailures++;
				}
				if (!this.consumer.authenticates(Sandbox.DUAL_PATH)) {
					wellBehavedFailures++;
				}
				int hour = now.atZone(ZoneOffset.UTC).getHour();
				if (hour == 8 || hour == 20) {
					RotationResult result = routine();
					results.add(result);
					if (rotatedStandbyAt == null && result.regeneratedClientIds().contains(Sandbox.DUAL_A_ID)) {
						rotatedStandbyAt = now;
					}
					if (rotatedStandbyAt != null) {
						break;
					}
				}
			}
			for (Instant now = clock.instant().plus(Duration.ofHours(1)); now
				.isBefore(at(3, 0)); now = now.plus(Duration.ofHours(1))) {
				clock.set(now);
				if (!this.consumer.callsApi(stale.clientId(), stale.secret())) {
					staleFailures++;
				}
			}
			return new StaleConsumerRun(results, staleFailures, wellBehavedFailures, rotatedStandbyAt,
					usage().jobsSubmitted() - jobsBefore, usageRequests(), stale.secret());
		}

	}

	/**
	 * What happened in a stale-consumer scenario.
	 *
	 * @param results every rotation attempt, in order
	 * @param staleFailures calls of the stale consumer that failed
	 * @param wellBehavedFailures calls of the consumer that re-reads Vault that failed
	 * @param rotatedStandbyAt when client A was regenerated
	 * @param jobs usage jobs submitted
	 * @param usageRequests requests to the usage jobs API
	 * @param staleSecret the secret the stale consumer kept
	 */
	record StaleConsumerRun(List<RotationResult> results, int staleFailures, int wellBehavedFailures,
			Instant rotatedStandbyAt, int jobs, long usageRequests, String staleSecret) {

		/** The numbers docs/benchmarks.md quotes, on standard output. */
		void print(String scenario) {
			System.out.println(scenario + ": stale consumer failures " + this.staleFailures
					+ ", well-behaved consumer failures " + this.wellBehavedFailures + ", client A regenerated at "
					+ this.rotatedStandbyAt + ", usage jobs " + this.jobs + ", usage API requests " + this.usageRequests
					+ ", attempts " + outcomes());
		}

		List<String> outcomes() {
			return this.results.stream()
				.map((result) -> (result.errorCode() != null) ? result.errorCode() : result.outcome().label())
				.toList();
		}

	}

	/**
	 * Genesys on the moving clock; the demo dual credential rotates every 30 days with a
	 * two-day grace period, and usage jobs are polled each minute of that clock.
	 */
	static final class OnTheSharedClock implements SandboxSetup {

		@Override
		public GenesysSimulatorOptions.Builder genesys(GenesysSimulatorOptions.Builder options) {
			return options.clock(clock);
		}

		@Override
		public Map<String, Object> seed(Sandbox sandbox) {
			return Map.of("rotator.credentials." + Sandbox.DUAL + ".rotation-interval", "30d",
					"rotator.credentials." + Sandbox.DUAL + ".grace-period", "2d",
					"rotator.rotation.usage-poll-interval", "1m", "rotator.rotation.usage-timeout", "5m",
					"rotator.rotation.usage-delay", "6h");
		}

	}

	/**
	 * The rotator on the simulators' clock; its waits move that clock instead of sleeping
	 * (and can die, for the crash test).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class VirtualTime {

		@Bean
		@Primary
		Clock sharedClock() {
			return clock;
		}

		@Bean
		@Primary
		Sleeper virtualSleeper() {
			return (duration) -> {
				if (crashOnNextWait.compareAndSet(true, false)) {
					throw new SimulatedCrash(Phase.IDLE);
				}
				clock.advance(duration);
			};
		}

	}

}
