package io.github.genesysrotator.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.genesysrotator.rotation.CredentialStatus;
import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.NotApplicableException;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationTestSupport.CrashSwitch;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.IssuedSecrets;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.Operation;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static io.github.genesysrotator.rotation.RotationResultBuilder.resultFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Metrics, health indicators and audit events of real rotations against the Genesys Cloud
 * and Vault simulators.
 */
@SandboxServiceTest(properties = { "logging.structured.format.console=ecs", "rotator.rotation.commit-timeout=2m",
		"rotator.genesys.max-attempts=2" })
@Import(ObservabilityIntegrationTests.Beans.class)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests {

	private static final String STATE_RECORD = "/v1/secret/data/genesys-rotator/state/";

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private RotationService rotations;

	@Autowired
	private PrometheusMeterRegistry registry;

	@Autowired
	private CredentialStates states;

	@Autowired
	private RotationHealthIndicator rotationHealth;

	@Autowired
	private GenesysHealthIndicator genesysHealth;

	@Autowired
	private HealthEndpoint healthEndpoint;

	@Autowired
	private AuditLog auditLog;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CrashSwitch phaseHook;

	@Autowired
	private JsonMapper json;

	@BeforeEach
	void resetWorld() {
		this.clock.reset();
		this.phaseHook.disarm();
		this.states.refresh();
	}

	@Test
	void rotationsAreExportedUnderTheDocumentedNamesWithConfiguredLabelsOnly() {
		Scrape before = scrape();
		assertThat(rotate(Sandbox.DUAL).outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(rotate(Sandbox.SINGLE).outcome()).isEqualTo(Outcome.SUCCESS);
		Scrape after = scrape();

		Map<String, String> dualSuccess = labels("credential", Sandbox.DUAL, "strategy", "dual", "trigger", "api",
				"outcome", "success");
		Map<String, String> singleSuccess = labels("credential", Sandbox.SINGLE, "strategy", "single", "trigger", "api",
				"outcome", "success");
		assertThat(after.delta(before, "rotator_rotations_total", dualSuccess)).isEqualTo(1);
		assertThat(after.delta(before, "rotator_rotations_total", singleSuccess)).isEqualTo(1);
		assertThat(after.delta(before, "rotator_rotation_duration_seconds_count",
				labels("credential", Sandbox.DUAL, "outcome", "success")))
			.isEqualTo(1);
		assertThat(after.find("rotator_rotation_duration_seconds_bucket",
				labels("credential", Sandbox.DUAL, "outcome", "success", "le", "600.0")))
			.isNotNull();
		assertThat(after.delta(before, "rotator_exposure_window_seconds_count", labels("credential", Sandbox.SINGLE)))
			.isEqualTo(1);
		assertThat(after.find("rotator_exposure_window_seconds_bucket",
				labels("credential", Sandbox.SINGLE, "le", "0.001")))
			.isNotNull();
		assertThat(after.find("rotator_exposure_window_seconds_count", labels("credential", Sandbox.DUAL))).isNull();
		for (String credential : List.of(Sandbox.DUAL, Sandbox.SINGLE)) {
			for (Phase phase : Phase.values()) {
				assertThat(after.find("rotator_phase", labels("credential", credential, "phase", phase.name())))
					.as("%s %s", credential, phase)
					.isEqualTo((phase == Phase.IDLE) ? 1.0 : 0.0);
			}
			assertThat(after.find("rotator_uncommitted_secrets", labels("credential", credential))).isZero();
			assertThat(after.find("rotator_rotation_interval_seconds", labels("credential", credential)))
				.isEqualTo(3600.0);
			double lastSuccess = after.find("rotator_last_success_timestamp_seconds", labels("credential", credential));
			assertThat(lastSuccess).isCloseTo(this.clock.instant().getEpochSecond(), within(60.0));
			assertThat(after.find("rotator_next_rotation_timestamp_seconds", labels("credential", credential)))
				.isCloseTo(lastSuccess + 3600, within(5.0));
		}
		assertThat(after.find("rotator_vault_up", Map.of())).isEqualTo(1.0);
		assertThat(after.text()).doesNotContain("rotation_id", "client_id", Sandbox.DUAL_A_ID, Sandbox.DUAL_B_ID);
		IssuedSecrets.assertClean("metrics", after.text(), this.sandbox.vaultToken());
	}

	@Test
	void secretAgeGrowsWithTheClockAndDropsAfterARotation() {
		rotate(Sandbox.DUAL);
		this.clock.advance(Duration.ofMinutes(10));
		double aged = scrape().find("rotator_secret_age_seconds", labels("credential", Sandbox.DUAL));
		assertThat(aged).isBetween(600.0, 660.0);

		this.sandbox.vault().requests().clear();
		assertThat(rotate(Sandbox.DUAL).outcome()).isEqualTo(Outcome.SUCCESS);
		double fresh = scrape().find("rotator_secret_age_seconds", labels("credential", Sandbox.DUAL));
		assertThat(fresh).isLessThan(aged).isLessThan(60.0);
		assertThat(this.sandbox.vault().requests().matching("GET", STATE_RECORD + Sandbox.DUAL))
			.as("state record reads: the rotation's own, none more for the gauges")
			.hasSize(1);
	}

	@Test
	void afterARollbackTheSecretAgeAndDueDateFollowTheOlderRepublishedSecret() {
		RotationResult first = rotate(Sandbox.DUAL);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(rotate(Sandbox.DUAL).outcome()).isEqualTo(Outcome.SUCCESS);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.rotations.rollback(Sandbox.DUAL, "operator").outcome()).isEqualTo(Outcome.SUCCESS);

		CredentialStatus status = this.rotations.status(Sandbox.DUAL);
		assertThat(status.activeClientId()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(status.secretAge()).as("generated by the first rotation")
			.isBetween(Duration.between(first.finishedAt(), this.clock.instant()),
					Duration.between(first.startedAt(), this.clock.instant()));
		assertThat(status.nextDue()).isBetween(first.startedAt().plus(Duration.ofHours(1)),
				first.finishedAt().plus(Duration.ofHours(1)));
		double gauge = scrape().find("rotator_secret_age_seconds", labels("credential", Sandbox.DUAL));
		assertThat(gauge).isBetween(1200.0, 1260.0);
		assertThat(scrape().find("rotator_next_rotation_timestamp_seconds", labels("credential", Sandbox.DUAL)))
			.isCloseTo(status.nextDue().getEpochSecond(), within(1.0));
	}

	@Test
	void aRollbackThatCannotApplyIsRefusedAndIsNoRotation(CapturedOutput output) {
		Scrape before = scrape();

		assertThatExceptionOfType(NotApplicableException.class)
			.isThrownBy(() -> this.rotations.rollback(Sandbox.SINGLE, "operator"));
		assertThatExceptionOfType(NotApplicableException.class).as("never rotated: nothing to roll back to")
			.isThrownBy(() -> this.rotations.rollback(Sandbox.DUAL, "operator"));

		assertThat(scrape().delta(before, "rotator_rotations_total", Map.of())).isZero();
		assertThat(auditEvents(output)).isEmpty();
		assertThat(this.rotations.history(Sandbox.SINGLE)).isEmpty();
		assertThat(this.rotations.status(Sandbox.SINGLE).lastError()).isNull();
	}

	@Test
	void dryRunsAreNotCounted() {
		Scrape before = scrape();
		RotationResult result = this.rotations
			.rotate(new RotationRequest(Sandbox.DUAL, Trigger.API, "test", Mode.ROUTINE, true, null, null));
		assertThat(result.dryRun()).isTrue();

		assertThat(scrape().delta(before, "rotator_rotations_total", labels("credential", Sandbox.DUAL))).isZero();
	}

	@Test
	void rotationHealthIsDownWhileAGeneratedSecretWaitsForVault() throws Exception {
		this.phaseHook.runAt(Phase.REGENERATING,
				() -> this.sandbox.vault()
					.faults()
					.add(io.github.genesysrotator.sandbox.vault.FaultRule.status("POST", STATE_RECORD + Sandbox.DUAL,
							503, "Vault is sealed", -1)));
		CompletableFuture<RotationResult> rotation = CompletableFuture.supplyAsync(() -> rotate(Sandbox.DUAL));

		Health during = awaitHealth(Status.DOWN);
		assertThat(during.getDetails()).containsEntry("uncommitted", List.of(Sandbox.DUAL));
		assertThat(scrape().find("rotator_uncommitted_secrets", labels("credential", Sandbox.DUAL))).isEqualTo(1.0);
		String json = this.json.writeValueAsString(this.healthEndpoint.health());

		this.sandbox.vault().faults().clear();
		assertThat(rotation.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.rotationHealth.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(scrape().find("rotator_uncommitted_secrets", labels("credential", Sandbox.DUAL))).isZero();
		IssuedSecrets.assertClean("health", json, this.sandbox.vaultToken());
	}

	@Test
	void rotationHealthIsDownWhileACredentialRestsInFailed() {
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).status(503));
		assertThat(rotate(Sandbox.DUAL).outcome()).isEqualTo(Outcome.FAILED);

		Health failed = this.rotationHealth.health(true);
		assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
		assertThat(failed.getDetails()).containsEntry("failed", List.of(Sandbox.DUAL));
		assertThat(scrape().find("rotator_phase", labels("credential", Sandbox.DUAL, "phase", "FAILED")))
			.isEqualTo(1.0);

		this.sandbox.genesys().faults().clear();
		assertThat(rotate(Sandbox.DUAL).outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(this.rotationHealth.health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void genesysHealthAcquiresAnExpiredAdminTokenOnceForManyProbes() {
		// Far beyond any admin token's lifetime, and unlike the other test's jump.
		this.clock.advance(Duration.ofDays(30));
		int before = this.sandbox.genesys().observations().tokenRequests().size();
		long listingsBefore = listings();
		List<Health> checks = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			checks.add(this.genesysHealth.health(true));
		}

		assertThat(this.sandbox.genesys().observations().tokenRequests().size() - before).isEqualTo(1);
		assertThat(listings() - listingsBefore).as("one listing of the org's clients for 20 probes").isEqualTo(1);
		assertThat(checks).extracting(Health::getStatus).containsOnly(Status.UP);
		assertThat(checks.get(0).getDetails()).containsEntry("orgs",
				Map.of(Sandbox.ORG, Map.of("status", "UP", "oauthClients", 7)));
	}

	private long listings() {
		return this.sandbox.genesys()
			.observations()
			.apiRequests()
			.stream()
			.filter((request) -> request.operation() == Operation.LIST_CLIENTS)
			.count();
	}

	@Test
	void genesysHealthChecksARefusingOrgOncePerInterval() {
		this.clock.advance(Duration.ofDays(60));
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.TOKEN).status(400));
		Map<String, String> adminToken = labels("org", Sandbox.ORG, "operation", "token");
		Scrape before = scrape();
		List<Health> checks = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			checks.add(this.genesysHealth.health(true));
		}
		Scrape afterProbes = scrape();
		this.clock.advance(Duration.ofSeconds(61));
		Health later = this.genesysHealth.health(true);

		assertThat(afterProbes.delta(before, "rotator_genesys_requests_seconds_count", adminToken)).isEqualTo(1);
		assertThat(scrape().delta(afterProbes, "rotator_genesys_requests_seconds_count", adminToken)).isEqualTo(1);
		assertThat(checks).extracting(Health::getStatus).containsOnly(Status.DOWN);
		assertThat(later.getStatus()).isEqualTo(Status.DOWN);
		assertThat(later.getDetails().toString()).contains("errorCode").doesNotContain("Admin credential");
	}

	@Test
	void healthGroupsKeepExternalChecksOutOfLiveness() throws Exception {
		JsonNode liveness = this.json
			.readTree(this.json.writeValueAsString(this.healthEndpoint.healthForPath("liveness")));
		JsonNode readiness = this.json
			.readTree(this.json.writeValueAsString(this.healthEndpoint.healthForPath("readiness")));
		JsonNode all = this.json.readTree(this.json.writeValueAsString(this.healthEndpoint.health()));

		assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
		assertThat(readiness.path("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "vault");
		assertThat(all.path("components").propertyNames()).contains("rotation", "genesys", "vault");
		IssuedSecrets.assertClean("health", all.toString(), this.sandbox.vaultToken());
	}

	@Test
	void auditEventsDescribeEveryTransitionAndNeverASecret(CapturedOutput output) {
		RotationResult dual = rotate(Sandbox.DUAL);
		this.rotations.rotate(new RotationRequest(Sandbox.SINGLE, Trigger.API, "test", Mode.ROUTINE, false,
				"quarterly policy", null));
		Scrape beforeRollback = scrape();
		this.rotations.rollback(Sandbox.DUAL, "operator");
		assertThat(scrape().delta(beforeRollback, "rotator_rotations_total", labels("credential", Sandbox.DUAL)))
			.as("a rollback is no rotation")
			.isZero();
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).status(500));
		this.clock.advance(Duration.ofMinutes(2));
		rotate(Sandbox.DUAL);
		this.auditLog.finished(abandoned());

		List<JsonNode> events = auditEvents(output);
		assertThat(events).extracting((event) -> event.path("rotationEvent").asString())
			.containsExactly("rotation.started", "rotation.succeeded", "rotation.started", "rotation.succeeded",
					"rotation.rolledback", "rotation.started", "rotation.failed", "rotation.abandoned");
		JsonNode succeeded = events.get(1);
		assertThat(succeeded.path("rotationId").asString()).isEqualTo(dual.rotationId());
		assertThat(succeeded.path("credential").asString()).isEqualTo(Sandbox.DUAL);
		assertThat(succeeded.path("trigger").asString()).isEqualTo("api");
		assertThat(succeeded.path("actor").asString()).isEqualTo("test");
		assertThat(succeeded.path("clientIds").asString()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(succeeded.path("consumerVersion").asLong()).isEqualTo(dual.consumerVersion());
		assertThat(events.get(0).path("clientIds").asString()).isEqualTo(Sandbox.DUAL_A_ID + "," + Sandbox.DUAL_B_ID);
		assertThat(succeeded.has("reason")).as("no reason given, none logged").isFalse();
		assertThat(events.get(3).path("reason").asString()).isEqualTo("quarterly policy");
		assertThat(events.get(4).path("actor").asString()).isEqualTo("operator");
		assertThat(events.get(6).path("errorCode").asString()).isEqualTo("genesys-unavailable");
		assertThat(events.get(7).path("errorCode").asString()).isEqualTo("abandoned");
		assertThat(events).allSatisfy(
				(event) -> assertThat(event.path("log.logger").asString(event.path("log").path("logger").asString()))
					.isEqualTo(AuditLog.LOGGER_NAME));

		assertThat(this.sandbox.genesys().observations().issuedSecrets()).isNotEmpty();
		IssuedSecrets.assertClean("logs", output.getAll(), this.sandbox.vaultToken());
	}

	private List<JsonNode> auditEvents(CapturedOutput output) {
		List<JsonNode> events = new ArrayList<>();
		for (String line : output.getOut().split("\\R")) {
			if (line.startsWith("{") && line.contains("\"rotationEvent\"")) {
				events.add(this.json.readTree(line));
			}
		}
		return events;
	}

	private RotationResult abandoned() {
		return resultFor(Sandbox.SINGLE).id("abandoned-rotation")
			.strategy(Strategy.SINGLE)
			.by(Trigger.RECOVERY, "recovery")
			.outcome(Outcome.SKIPPED, "abandoned", "not a secret")
			.active(Sandbox.SINGLE_ID)
			.ran(this.clock.instant(), Duration.ZERO)
			.build();
	}

	private Health awaitHealth(Status status) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		Health health = this.rotationHealth.health(true);
		while (!health.getStatus().equals(status) && System.nanoTime() < deadline) {
			Thread.sleep(20);
			health = this.rotationHealth.health(true);
		}
		assertThat(health.getStatus()).isEqualTo(status);
		return health;
	}

	private RotationResult rotate(String credential) {
		return this.rotations.rotate(RotationRequest.of(credential, Trigger.API, "test"));
	}

	private Scrape scrape() {
		return new Scrape(this.registry.scrape());
	}

	private static Map<String, String> labels(String... pairs) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			labels.put(pairs[i], pairs[i + 1]);
		}
		return labels;
	}

	/** Prometheus text format, read just enough to look up one series. */
	record Scrape(String text) {

		/** The sum over series of that name whose labels include these, or null. */
		Double find(String name, Map<String, String> labels) {
			Double sum = null;
			for (String line : this.text.split("\\R")) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				int brace = line.indexOf('{');
				int space = line.lastIndexOf(' ');
				String series = (brace >= 0) ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
				String labelText = (brace >= 0) ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
				if (series.equals(name) && labels.entrySet()
					.stream()
					.allMatch((label) -> labelText.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
					sum = ((sum != null) ? sum : 0) + Double.parseDouble(line.substring(space + 1));
				}
			}
			return sum;
		}

		double delta(Scrape before, String name, Map<String, String> labels) {
			Double now = find(name, labels);
			Double then = before.find(name, labels);
			return ((now != null) ? now : 0) - ((then != null) ? then : 0);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		@Primary
		MutableClock testClock() {
			return MutableClock.ticking();
		}

		@Bean
		CrashSwitch phaseHook() {
			return new CrashSwitch();
		}

	}

	@Test
	void pausedGaugeFollowsAPauseAndItsEnd() {
		java.time.Instant until = this.clock.instant().plus(Duration.ofHours(1));
		this.rotations.pause(Sandbox.SINGLE, "ops", "freeze", until);
		assertThat(scrape().find("rotator_paused", labels("credential", Sandbox.SINGLE))).isEqualTo(1.0);
		assertThat(scrape().find("rotator_paused", labels("credential", Sandbox.DUAL))).isZero();

		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		assertThat(scrape().find("rotator_paused", labels("credential", Sandbox.SINGLE))).isZero();
	}

	@Test
	void standbyInUseGaugeIsUnknownUntilTheGuardAnsweredAndAbsentForSingle() {
		this.rotations.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.API, "test"));

		assertThat(scrape().find("rotator_standby_in_use", labels("credential", Sandbox.DUAL)))
			.as("the first rotation has no demotion to ask about")
			.isEqualTo(-1.0);
		assertThat(scrape().find("rotator_standby_in_use", labels("credential", Sandbox.SINGLE))).isNull();
	}

}
