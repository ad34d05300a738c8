package io.github.genesysrotator.oneshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.StateRecord;
import io.github.genesysrotator.rotation.StateRecord.Lease;
import io.github.genesysrotator.rotation.StateRecordStore;
import io.github.genesysrotator.sandbox.FreshSandbox;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.IssuedSecrets;
import io.github.genesysrotator.sandbox.ServiceTimings;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application in one-shot mode against the sandbox, as a CronJob runs it: the
 * command-line switch, the JSON line on stdout and the exit code
 * {@link SpringApplication#exit} hands to {@code System.exit}.
 */
@ExtendWith(OutputCaptureExtension.class)
class OneShotIntegrationTests {

	@RegisterExtension
	static final FreshSandbox sandbox = new FreshSandbox();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final SandboxConsumer consumer = new SandboxConsumer(sandbox.get());

	@Test
	void rotatesPrintsTheRecordAndExitsZero(CapturedOutput output) {
		SandboxConsumer.Published before = this.consumer.read(Sandbox.DUAL_PATH);

		Run run = oneShot(output, "--rotator.oneshot=demo-dual");

		assertThat(run.exitCode()).isZero();
		assertThat(run.result().get("outcome").asString()).isEqualTo("success");
		assertThat(run.result().get("trigger").asString()).isEqualTo("oneshot");
		assertThat(run.result().get("actor").asString()).isEqualTo("oneshot");
		assertThat(run.result().get("activeClientId").asString()).isEqualTo(Sandbox.DUAL_B_ID);
		SandboxConsumer.Published after = this.consumer.read(Sandbox.DUAL_PATH);
		assertThat(after.clientId()).isNotEqualTo(before.clientId()).isEqualTo(Sandbox.DUAL_B_ID);
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
		assertThat(run.printed()).doesNotContain("Tomcat started");
		IssuedSecrets.assertClean("one-shot output", run.printed());
	}

	@Test
	void exitsTwoWhileAnotherReplicaHoldsTheLease(CapturedOutput output) {
		holdLease(Sandbox.DUAL, "replica-elsewhere", Duration.ofMinutes(2));

		Run run = oneShot(output, "--rotator.oneshot=demo-dual");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.result().get("outcome").asString()).isEqualTo("busy");
		assertThat(run.result().get("errorMessage").asString()).contains("replica-elsewhere");
		assertThat(sandbox.get().genesys().observations().regenerationCount(Sandbox.DUAL_B_ID)).isZero();
	}

	@Test
	void exitsThreeWhilePausedButACompromiseRotationStillRuns(CapturedOutput output) {
		pause(Sandbox.DUAL, "ops", "freeze");

		Run refused = oneShot(output, "--rotator.oneshot=demo-dual");

		assertThat(refused.exitCode()).isEqualTo(3);
		assertThat(refused.result().get("outcome").asString()).isEqualTo("skipped");
		assertThat(refused.result().get("errorCode").asString()).isEqualTo("paused");
		assertThat(sandbox.get().genesys().observations().regenerationCounts().values())
			.allMatch((count) -> count == 0);

		Run compromise = oneShot(output, "--rotator.oneshot=demo-dual", "--rotator.oneshot-mode=compromise");
		assertThat(compromise.exitCode()).isZero();
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).clientId()).isEqualTo(Sandbox.DUAL_B_ID);
	}

	@Test
	void exitsOneWhenGenesysIsDown(CapturedOutput output) {
		sandbox.get().genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).status(503));
		SandboxConsumer.Published before = this.consumer.read(Sandbox.DUAL_PATH);

		Run run = oneShot(output, "--rotator.oneshot=demo-dual");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.result().get("outcome").asString()).isEqualTo("failed");
		assertThat(run.result().get("errorCode").asString()).isEqualTo("genesys-unavailable");
		assertThat(this.consumer.read(Sandbox.DUAL_PATH)).isEqualTo(before);
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
	}

	@Test
	void exitsOneForAnUnknownCredential(CapturedOutput output) {
		Run run = oneShot(output, "--rotator.oneshot=no-such-credential");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.result().get("errorCode").asString()).isEqualTo("unknown-credential");
		assertThat(run.result().get("credential").asString()).isEqualTo("no-such-credential");
	}

	@Test
	void dryRunChangesNothing(CapturedOutput output) {
		SandboxConsumer.Published before = this.consumer.read(Sandbox.DUAL_PATH);

		Run run = oneShot(output, "--rotator.oneshot=demo-dual", "--rotator.oneshot-dry-run=true");

		assertThat(run.exitCode()).isZero();
		assertThat(run.result().get("dryRun").asBoolean()).isTrue();
		assertThat(run.result().get("plan")).isNotEmpty();
		assertThat(this.consumer.read(Sandbox.DUAL_PATH)).isEqualTo(before);
		assertThat(sandbox.get().genesys().observations().regenerationCounts().values())
			.allMatch((count) -> count == 0);
	}

	private Run oneShot(CapturedOutput output, String... args) {
		int from = output.getOut().length();
		ConfigurableApplicationContext context = run(args);
		int exitCode = SpringApplication.exit(context);
		String printed = output.getOut().substring(from);
		// Logs share stdout (other test contexts log there too, from their own threads):
		// the result is the last JSON object with a credential and an outcome.
		JsonNode result = Arrays.stream(printed.split("\\R"))
			.filter((line) -> line.startsWith("{"))
			.map(json::readTree)
			.filter((line) -> line.has("credential") && line.has("outcome"))
			.reduce((first, second) -> second)
			.orElseThrow();
		return new Run(exitCode, result, printed);
	}

	/** Another replica's live lease on the credential's state record. */
	private void holdLease(String credential, String holder, Duration ttl) {
		try (ConfigurableApplicationContext context = run("--spring.main.web-application-type=none",
				"--rotator.schedule.enabled=false")) {
			StateRecordStore states = context.getBean(StateRecordStore.class);
			StateRecord record = StateRecord.bootstrap(List.of(Sandbox.DUAL_A_ID, Sandbox.DUAL_B_ID))
				.withLease(new Lease(holder, Instant.now().plus(ttl)));
			states.write(credential, record, 0);
		}
	}

	/** A pause set by another process (the API of a running replica). */
	private void pause(String credential, String actor, String reason) {
		try (ConfigurableApplicationContext context = run("--spring.main.web-application-type=none",
				"--rotator.schedule.enabled=false")) {
			context.getBean(RotationService.class).pause(credential, actor, reason, null);
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		Map<String, Object> timings = new LinkedHashMap<>(ServiceTimings.PROPERTIES);
		timings.put("rotator.instance-id", "oneshot-job");
		timings.put("rotator.genesys.max-attempts", "2");
		return Sandbox.application().run(sandbox.get().serviceArguments(timings, args));
	}

	private record Run(int exitCode, JsonNode result, String printed) {

	}

}
