package io.github.genesysrotator.observability;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.IssuedSecrets;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.Operation;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotations over the sandbox tell two webhook receivers about themselves: one takes every
 * event, one only failures. The receivers verify signatures with their configured keys.
 */
@SandboxServiceTest(properties = { "rotator.instance-id=replica-w", "rotator.schedule.enabled=false",
		"rotator.genesys.max-attempts=2", "rotator.notifications.delivery.initial-backoff=10ms",
		"rotator.notifications.delivery.max-attempts=3" })
@ExtendWith(OutputCaptureExtension.class)
class WebhookNotificationIntegrationTests {

	private static final String ALL_KEY = "whsec_YWxsLWV2ZW50cy1rZXktMDEyMzQ1Njc4OQ==";

	private static final String FAILURES_KEY = "whsec_ZmFpbHVyZXMta2V5LTk4NzY1NDMyMTA=";

	private static final WebhookReceiver all = WebhookReceiver.start(ALL_KEY);

	private static final WebhookReceiver failures = WebhookReceiver.start(FAILURES_KEY);

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private RotationService rotations;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private WebhookDispatcher dispatcher;

	/**
	 * The receivers listen on ports of their own choosing. A list binds from one property
	 * source: every webhook property is here.
	 */
	@DynamicPropertySource
	static void receivers(DynamicPropertyRegistry registry) {
		registry.add("rotator.notifications.webhooks[0].name", () -> "all-events");
		registry.add("rotator.notifications.webhooks[0].url", () -> all.url().toString());
		registry.add("rotator.notifications.webhooks[0].secrets", () -> ALL_KEY);
		registry.add("rotator.notifications.webhooks[1].name", () -> "failures");
		registry.add("rotator.notifications.webhooks[1].url", () -> failures.url().toString());
		registry.add("rotator.notifications.webhooks[1].secrets", () -> FAILURES_KEY);
		registry.add("rotator.notifications.webhooks[1].events", () -> "rotation.failed");
	}

	@AfterAll
	static void stop() {
		all.close();
		failures.close();
	}

	@BeforeEach
	void resetWorld() {
		all.reset();
		failures.reset();
	}

	@Test
	void succeededRotationArrivesAsSignedCloudEvent(CapturedOutput output) throws Exception {
		RotationResult result = rotate(Sandbox.DUAL);
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);

		WebhookReceiver.Received received = all.next();
		assertThat(received.signatureValid()).isTrue();
		assertThat(received.contentType()).startsWith("application/cloudevents+json");
		JsonNode event = received.event();
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("type").asString()).isEqualTo("dev.genesys-secret-rotator.rotation.succeeded");
		assertThat(event.get("source").asString()).isEqualTo("/genesys-secret-rotator/replica-w");
		assertThat(event.get("subject").asString()).isEqualTo(Sandbox.DUAL);
		assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(event.get("id").asString()).isNotBlank();
		assertThat(event.get("time").asString()).isNotBlank();
		JsonNode data = event.get("data");
		assertThat(data.get("rotationId").asString()).isEqualTo(result.rotationId());
		assertThat(data.get("outcome").asString()).isEqualTo("success");
		assertThat(data.get("activeClientId").asString()).isEqualTo(Sandbox.DUAL_B_ID);
		IssuedSecrets.assertClean("webhook body", received.body());
		assertThat(this.dispatcher.awaitIdle(Duration.ofSeconds(20))).as("every delivery settled").isTrue();
		assertThat(failures.attempts()).as("the failures webhook does not take successes").isEmpty();
		assertThat(output.getAll()).doesNotContain(ALL_KEY).doesNotContain(FAILURES_KEY);
	}

	@Test
	void pauseAndResumeArriveAsSignedEventsAndOnTheAuditLog(CapturedOutput output) throws Exception {
		this.rotations.pause(Sandbox.DUAL, "ops", "change freeze", null);
		this.rotations.resume(Sandbox.DUAL, "ops");

		JsonNode paused = all.next().event();
		assertThat(paused.get("type").asString()).isEqualTo("dev.genesys-secret-rotator.credential.paused");
		assertThat(paused.get("subject").asString()).isEqualTo(Sandbox.DUAL);
		assertThat(paused.get("data").get("actor").asString()).isEqualTo("ops");
		assertThat(paused.get("data").get("reason").asString()).isEqualTo("change freeze");
		assertThat(paused.get("data").has("until")).isFalse();
		WebhookReceiver.Received resumed = all.next();
		assertThat(resumed.signatureValid()).isTrue();
		assertThat(resumed.event().get("type").asString()).isEqualTo("dev.genesys-secret-rotator.credential.resumed");
		assertThat(output.getAll()).contains("credential.paused credential=" + Sandbox.DUAL + " actor=ops")
			.contains("credential.resumed credential=" + Sandbox.DUAL + " actor=ops");
		assertThat(this.dispatcher.awaitIdle(Duration.ofSeconds(20))).isTrue();
		assertThat(failures.attempts()).as("the failures webhook takes only failures").isEmpty();
	}

	@Test
	void failedRotationReachesBothWebhooks() throws Exception {
		this.sandbox.genesys().faults().add(FaultRule.on(Operation.REGENERATE_SECRET).status(503));
		RotationResult result = rotate(Sandbox.DUAL);
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);

		for (WebhookReceiver receiver : new WebhookReceiver[] { all, failures }) {
			WebhookReceiver.Received received = receiver.next();
			assertThat(received.signatureValid()).isTrue();
			assertThat(received.event().get("type").asString()).isEqualTo("dev.genesys-secret-rotator.rotation.failed");
			assertThat(received.event().get("data").get("errorCode").asString()).isEqualTo(result.errorCode());
		}
	}

	@Test
	void serverErrorIsRetriedWithTheSameEvent() throws Exception {
		all.answer(500);
		double deliveredBefore = deliveries("all-events", "delivered");
		rotate(Sandbox.DUAL);

		WebhookReceiver.Received received = all.next();
		assertThat(all.attempts()).hasSize(2);
		assertThat(all.attempts().get(0).body()).as("a retry resends the very same event").isEqualTo(received.body());
		assertThat(this.dispatcher.awaitIdle(Duration.ofSeconds(20))).isTrue();
		assertThat(deliveries("all-events", "delivered")).isEqualTo(deliveredBefore + 1);
	}

	@Test
	void slowReceiverDoesNotDelayTheRotation(CapturedOutput output) throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		all.holdUntil(gate);
		try {
			RotationResult result = CompletableFuture.supplyAsync(() -> rotate(Sandbox.DUAL)).get(10, TimeUnit.SECONDS);
			assertThat(result.outcome()).isEqualTo(Outcome.SUCCESS);
			all.awaitArrival();
			assertThat(all.acceptedSoFar()).as("the receiver is still holding the event").isEmpty();
		}
		finally {
			gate.countDown();
		}
		assertThat(all.next().signatureValid()).isTrue();
	}

	@Test
	void rollbackIsOneRolledBackEvent() throws Exception {
		rotate(Sandbox.DUAL);
		all.next();
		RotationResult rollback = this.rotations.rollback(Sandbox.DUAL, "test");
		assertThat(rollback.outcome()).isEqualTo(Outcome.SUCCESS);

		JsonNode event = all.next().event();
		assertThat(event.get("type").asString()).isEqualTo("dev.genesys-secret-rotator.rotation.rolledback");
		assertThat(event.get("data").get("activeClientId").asString()).isEqualTo(Sandbox.DUAL_A_ID);
		rotate(Sandbox.SINGLE);
		assertThat(all.next().event().get("subject").asString())
			.as("the rollback's echo through finished() raised no second event")
			.isEqualTo(Sandbox.SINGLE);
	}

	private RotationResult rotate(String credential) {
		return this.rotations.rotate(RotationRequest.of(credential, Trigger.API, "test"));
	}

	private double deliveries(String webhook, String outcome) {
		return WebhookDispatcherTests.deliveries(this.registry, webhook, outcome);
	}

}
