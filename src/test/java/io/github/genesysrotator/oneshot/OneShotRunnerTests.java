package io.github.genesysrotator.oneshot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.rotation.UnknownCredentialException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

import static io.github.genesysrotator.rotation.RotationResultBuilder.resultFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class OneShotRunnerTests {

	static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

	final RotationService rotations = mock(RotationService.class);

	final MockEnvironment environment = new MockEnvironment().withProperty("rotator.oneshot", "billing-bot");

	final JsonMapper json = JsonMapper.builder().build();

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final OneShotRunner runner = new OneShotRunner(this.rotations, this.environment, this.json,
			new PrintStream(this.out, true, StandardCharsets.UTF_8));

	@ParameterizedTest
	@CsvSource({ "SUCCESS, 0", "BUSY, 2", "FAILED, 1", "SKIPPED, 1" })
	void exitCodeFollowsTheOutcome(Outcome outcome, int exitCode) {
		given(this.rotations.rotate(any())).willReturn(result(outcome, (outcome == Outcome.SUCCESS) ? null : "x"));
		this.runner.run(new DefaultApplicationArguments());
		assertThat(this.runner.getExitCode()).isEqualTo(exitCode);
		assertThat(printed().path("outcome").asString()).isEqualTo(outcome.label());
	}

	@Test
	void rotatesRoutinelyAsOneshotByDefault() {
		given(this.rotations.rotate(any())).willReturn(result(Outcome.SUCCESS, null));
		this.runner.run(new DefaultApplicationArguments());
		RotationRequest request = request();
		assertThat(request.credential()).isEqualTo("billing-bot");
		assertThat(request.trigger()).isEqualTo(Trigger.ONESHOT);
		assertThat(request.actor()).isEqualTo("oneshot");
		assertThat(request.mode()).isEqualTo(Mode.ROUTINE);
		assertThat(request.dryRun()).isFalse();
		assertThat(request.queuedAt()).isNull();
	}

	@Test
	void passesModeAndDryRun() {
		this.environment.withProperty("rotator.oneshot-mode", "compromise")
			.withProperty("rotator.oneshot-dry-run", "true");
		given(this.rotations.rotate(any())).willReturn(result(Outcome.SUCCESS, null));
		this.runner.run(new DefaultApplicationArguments());
		assertThat(request().mode()).isEqualTo(Mode.COMPROMISE);
		assertThat(request().dryRun()).isTrue();
	}

	@Test
	void printsTheResultAsOneLineOfJsonWithoutSecrets() {
		given(this.rotations.rotate(any())).willReturn(result(Outcome.SUCCESS, null));
		this.runner.run(new DefaultApplicationArguments());
		String printed = this.out.toString(StandardCharsets.UTF_8);
		assertThat(printed.lines()).hasSize(1);
		JsonNode result = printed();
		assertThat(result.path("credential").asString()).isEqualTo("billing-bot");
		assertThat(result.path("trigger").asString()).isEqualTo("oneshot");
		assertThat(result.path("activeClientId").asString()).isEqualTo("client-b");
		assertThat(result.propertyNames()).noneMatch((name) -> name.toLowerCase().contains("secret"));
	}

	@Test
	void unknownCredentialExitsOneWithAnErrorLine() {
		given(this.rotations.rotate(any())).willThrow(new UnknownCredentialException("billing-bot"));
		this.runner.run(new DefaultApplicationArguments());
		assertThat(this.runner.getExitCode()).isEqualTo(1);
		assertThat(printed().path("errorCode").asString()).isEqualTo("unknown-credential");
	}

	@Test
	void invalidModeExitsOneWithoutRotating() {
		this.environment.withProperty("rotator.oneshot-mode", "panic");
		this.runner.run(new DefaultApplicationArguments());
		assertThat(this.runner.getExitCode()).isEqualTo(1);
		assertThat(printed().path("errorCode").asString()).isEqualTo("invalid-configuration");
		assertThat(printed().path("errorMessage").asString()).contains("rotator.oneshot-mode");
		verifyNoInteractions(this.rotations);
	}

	@Test
	void invalidDryRunExitsOneWithoutRotating() {
		this.environment.withProperty("rotator.oneshot-dry-run", "maybe");
		this.runner.run(new DefaultApplicationArguments());
		assertThat(this.runner.getExitCode()).isEqualTo(1);
		assertThat(printed().path("errorMessage").asString()).contains("rotator.oneshot-dry-run");
		verifyNoInteractions(this.rotations);
	}

	@Test
	void exitCodeIsFailureBeforeItRan() {
		assertThat(this.runner.getExitCode()).isEqualTo(1);
	}

	private JsonNode printed() {
		return this.json.readTree(this.out.toString(StandardCharsets.UTF_8));
	}

	private RotationRequest request() {
		ArgumentCaptor<RotationRequest> request = ArgumentCaptor.forClass(RotationRequest.class);
		verify(this.rotations).rotate(request.capture());
		return request.getValue();
	}

	private static RotationResult result(Outcome outcome, String errorCode) {
		return resultFor("billing-bot").id("r-1")
			.by(Trigger.ONESHOT, "oneshot")
			.outcome(outcome, errorCode, errorCode)
			.active("client-b")
			.regenerated("client-b")
			.consumerVersion(4L)
			.ran(T0, Duration.ofSeconds(3))
			.build();
	}

}
