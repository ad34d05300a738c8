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
import io.github.genesysrotator.sandbox.DataActionRunner;
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

	/** The integration credential a team filled by hand with client A's id and secret. */
	static final String HAND_COPIED_CREDENTIAL = "00000000-0000-4000-8000-00000000ce31";

	static final String HAND_COPIED_INTEGRATION = "00000000-0000-4000-8000-00000000da31";

	/** A data action of that integration, run by a flow every hour. */
	static final String HAND_COPIED_ACTION = "custom_-_00000000-0000-4000-8000-00000000ac31";

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
		void refusesWhileADataActionOnAHandCopiedCredentialStillCallsWithTheDemotedClient() {
			StaleConsumerRun run = runHandCopiedDataActionScenario();

			assertThat(run.staleFailures()).as("the data action never fails").isZero();
			assertThat(run.outcomes()).containsExactly("success", "grace-period", "grace-period", "grace-period",
					"grace-period", "standby-in-use", "standby-in-use", "standby-in-use", "standby-in-use",
					"standby-in-use", "standby-in-use", "success");
			assertThat(run.results().get(5).errorMessage()).contains(Sandbox.DUAL_A_ID).contains(day(1).toString());
			assertThat(run.results().get(9).errorMessage()).contains(day(3).toString());
			assertThat(run.rotatedStandbyAt()).as("after day 4, the first complete day without its calls")
				.isEqualTo(at(5, 8));
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
			// Day 3 is published: the rotator called the API on it, A did not.
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
		void theRotatorsOwnUsageIsAskedOncePerOrgAndDay() {
			assertThat(routine().outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(routine(Sandbox.DATA_ACTIONS).outcome()).isEqualTo(Outcome.SUCCESS);
			clock.set(at(1, 12));
			this.coverage.clients(Sandbox.ORG);
			clock.set(at(2, 8));
			int jobs = usage().jobsSubmitted();

			RotationResult dual = routine();
			RotationResult dataActions = routine(Sandbox.DATA_ACTIONS);

			assertThat(List.of(dual, dataActions)).allSatisfy((result) -> {
				assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
				assertThat(result.standbyUsage().answer()).isEqualTo(Answer.NOT_IN_USE);
			});
			assertThat(usage().jobsSubmitted() - jobs)
				.as("one job per standby, and one of the rotator's own client for both credentials of the org")
				.isEqualTo(2 + 1);
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
			// The sandbox's reset gives the admin its seeded role back.
			setAdminPermissions(OAuthPermission.VIEW, OAuthPermission.EDIT);

			assertUnknownAndRotated(routine(), "usage:client:view");
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

		@Test
		void theRotationAfterTheGracePeriodBreaksADataActionOnAHandCopiedCredential() {
			StaleConsumerRun run = runHandCopiedDataActionScenario();

			assertThat(run.rotatedStandbyAt()).isEqualTo(at(2, 8));
			assertThat(run.staleFailures()).as("the data action failed").isPositive();
			Instant firstFailure = run.staleFailureTimes().get(0);
			assertThat(firstFailure).as("the first failure came with the rotation or once its token had to be renewed")
				.isAfter(run.rotatedStandbyAt());
			assertThat(run.staleFailures()).as("and every execution from then on, until the team stopped it")
				.isEqualTo(Duration.between(firstFailure, at(4, 0)).toHours());
			assertThat(run.wellBehavedFailures()).isZero();
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
			return routine(Sandbox.DUAL);
		}

		RotationResult routine(String credential) {
			return this.rotations.rotate(RotationRequest.of(credential, Trigger.SCHEDULE, "scheduler"));
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
		 * The stale consumer scenario with a consumer that read client A from Vault once,
		 * before the first rotation, and calls the API with it until it re-reads on day
		 * 3, 00:00.
		 */
		StaleConsumerRun runStaleConsumerScenario() {
			Published stale = this.consumer.read(Sandbox.DUAL_PATH);
			assertThat(stale.clientId()).isEqualTo(Sandbox.DUAL_A_ID);
			return runStaleConsumerScenario(() -> this.consumer.callsApi(stale.clientId(), stale.secret()), at(3, 0));
		}

		/**
		 * The stale consumer scenario with the data action of the integration whose
		 * credential holds client A, copied by hand: a flow runs it every hour until its
		 * team stops it on day 4, 00:00.
		 */
		StaleConsumerRun runHandCopiedDataActionScenario() {
			DataActionRunner flow = new DataActionRunner(this.sandbox);
			StaleConsumerRun run = runStaleConsumerScenario(() -> flow.execute(HAND_COPIED_ACTION).succeeded(),
					at(4, 0));
			run.print(getClass().getSimpleName() + " (data action on a hand-copied credential)");
			return run;
		}

		/**
		 * Hour by hour from day 0, 02:00 UTC: a stale consumer calls the API with client
		 * A until {@code stopsAt} (when it re-reads, or its owner stops it), a
		 * well-behaved one reads Vault before every call, and the scheduler tries a
		 * routine rotation at 08:00 and 20:00 UTC, until it regenerates client A or two
		 * days and two hours after the stale consumer stopped.
		 */
		StaleConsumerRun runStaleConsumerScenario(StaleConsumer stale, Instant stopsAt) {
			int jobsBefore = usage().jobsSubmitted();
			this.sandbox.genesys().observations().reset();
			String staleSecret = this.sandbox.genesys().currentSecret(Sandbox.DUAL_A_ID).orElseThrow();
			List<RotationResult> results = new ArrayList<>();
			results.add(routine());
			List<Instant> staleFailures = new ArrayList<>();
			int wellBehavedFailures = 0;
			Instant rotatedStandbyAt = null;
			Instant end = stopsAt.plus(Duration.ofDays(2)).plus(Duration.ofHours(2));
			for (Instant now = at(0, 3); now.isBefore(end); now = now.plus(Duration.ofHours(1))) {
				clock.set(now);
				if (now.isBefore(stopsAt) && !stale.calls()) {
					staleFailures.add(now);
				}
				if (!this.consumer.authenticates(Sandbox.DUAL_PATH)) {
					wellBehavedFailures++;
				}
				int hour = now.atZone(ZoneOffset.UTC).getHour();
				if (hour == 8 || hour == 20) {
					RotationResult result = routine();
					results.add(result);
					if (result.regeneratedClientIds().contains(Sandbox.DUAL_A_ID)) {
						rotatedStandbyAt = now;
						break;
					}
				}
			}
			for (Instant now = clock.instant().plus(Duration.ofHours(1)); now
				.isBefore(stopsAt); now = now.plus(Duration.ofHours(1))) {
				clock.set(now);
				if (!stale.calls()) {
					staleFailures.add(now);
				}
			}
			return new StaleConsumerRun(results, staleFailures, wellBehavedFailures, rotatedStandbyAt,
					usage().jobsSubmitted() - jobsBefore, usageRequests(), staleSecret);
		}

	}

	/**
	 * A consumer that kept client A: one call of the API with it, and whether it worked.
	 */
	@FunctionalInterface
	interface StaleConsumer {

		boolean calls();

	}

	/**
	 * What happened in a stale-consumer scenario.
	 *
	 * @param results every rotation attempt, in order
	 * @param staleFailureTimes when calls of the stale consumer failed
	 * @param wellBehavedFailures calls of the consumer that re-reads Vault that failed
	 * @param rotatedStandbyAt when client A was regenerated
	 * @param jobs usage jobs submitted
	 * @param usageRequests requests to the usage jobs API
	 * @param staleSecret the secret the stale consumer kept
	 */
	record StaleConsumerRun(List<RotationResult> results, List<Instant> staleFailureTimes, int wellBehavedFailures,
			Instant rotatedStandbyAt, int jobs, long usageRequests, String staleSecret) {

		int staleFailures() {
			return this.staleFailureTimes.size();
		}

		/** The numbers docs/benchmarks.md quotes, on standard output. */
		void print(String scenario) {
			System.out.println(scenario + ": stale consumer failures " + staleFailures()
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
	 * Genesys on the moving clock; the demo dual and data-actions credentials rotate
	 * every 30 days with a two-day grace period, and usage jobs are polled each minute of
	 * that clock. A team copied client A of the demo dual credential by hand into the
	 * integration credential of its own Data Actions integration: a consumer inside
	 * Genesys the rotator does not publish to and cannot see.
	 */
	static final class OnTheSharedClock implements SandboxSetup {

		@Override
		public GenesysSimulatorOptions.Builder genesys(GenesysSimulatorOptions.Builder options) {
			return options.clock(clock);
		}

		@Override
		public Map<String, Object> seed(Sandbox sandbox) {
			sandbox.org()
				.createIntegrationCredential(HAND_COPIED_CREDENTIAL, "Copied by hand", Sandbox.DUAL_A_ID,
						sandbox.genesys().currentSecret(Sandbox.DUAL_A_ID).orElseThrow());
			sandbox.org().createDataActionsIntegration(HAND_COPIED_INTEGRATION, "Team lookups", HAND_COPIED_CREDENTIAL);
			sandbox.org().createDataAction(HAND_COPIED_ACTION, "Look up the account", HAND_COPIED_INTEGRATION);
			return Map.of("rotator.credentials." + Sandbox.DUAL + ".rotation-interval", "30d",
					"rotator.credentials." + Sandbox.DUAL + ".grace-period", "2d",
					"rotator.credentials." + Sandbox.DATA_ACTIONS + ".rotation-interval", "30d",
					"rotator.credentials." + Sandbox.DATA_ACTIONS + ".grace-period", "2d",
					"rotator.rotation.usage-poll-interval", "1m", "rotator.rotation.usage-timeout", "5m",
					"rotator.rotation.usage-delay", "6h");
		}

		@Override
		public void reset(Sandbox sandbox) {
			sandbox.org()
				.setIntegrationCredential(HAND_COPIED_CREDENTIAL, Sandbox.DUAL_A_ID,
						sandbox.genesys().currentSecret(Sandbox.DUAL_A_ID).orElseThrow());
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
