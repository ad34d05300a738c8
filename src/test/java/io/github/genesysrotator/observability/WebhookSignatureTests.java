package io.github.genesysrotator.observability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Signatures against the Standard Webhooks specification: its published test vector and
 * an independent verifier written from the specification ({@link WebhookReceiver}).
 */
class WebhookSignatureTests {

	// Test vector published by the Standard Webhooks project
	// (github.com/standard-webhooks/standard-webhooks,
	// libraries/javascript/src/webhook.test.ts,
	// "sign function works"; the other libraries' tests use the same values), MIT
	// license.
	private static final String VECTOR_KEY = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final long VECTOR_TIMESTAMP = 1614265330;

	private static final String VECTOR_BODY = "{\"test\": 2432232314}";

	private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	private static final String OTHER_KEY = "whsec_" + java.util.Base64.getEncoder()
		.encodeToString("another-key-of-24-bytes!".getBytes(StandardCharsets.US_ASCII));

	@Test
	void matchesThePublishedTestVector() {
		assertThat(WebhookSignature.of(List.of(WebhookSignature.key(VECTOR_KEY)), VECTOR_ID, VECTOR_TIMESTAMP,
				bytes(VECTOR_BODY)))
			.isEqualTo(VECTOR_SIGNATURE);
	}

	@Test
	void signsWithEveryKeySpaceSeparatedWhileAKeyChanges() {
		String header = WebhookSignature.of(List.of(WebhookSignature.key(OTHER_KEY), WebhookSignature.key(VECTOR_KEY)),
				VECTOR_ID, VECTOR_TIMESTAMP, bytes(VECTOR_BODY));
		assertThat(header.split(" ")).hasSize(2).endsWith(VECTOR_SIGNATURE);
		Instant then = Instant.ofEpochSecond(VECTOR_TIMESTAMP);
		assertThat(
				WebhookReceiver.verifies(OTHER_KEY, VECTOR_ID, "" + VECTOR_TIMESTAMP, header, bytes(VECTOR_BODY), then))
			.isTrue();
		assertThat(WebhookReceiver.verifies(VECTOR_KEY, VECTOR_ID, "" + VECTOR_TIMESTAMP, header, bytes(VECTOR_BODY),
				then))
			.isTrue();
	}

	@Test
	void anIndependentVerifierAcceptsItAndRefusesTamperingAndStaleness() {
		byte[] body = bytes("{\"specversion\":\"1.0\",\"id\":\"e1\"}");
		long now = 1_780_000_000L;
		String header = WebhookSignature.of(List.of(WebhookSignature.key(VECTOR_KEY)), "e1", now, body);
		Instant at = Instant.ofEpochSecond(now);
		assertThat(WebhookReceiver.verifies(VECTOR_KEY, "e1", "" + now, header, body, at)).isTrue();
		assertThat(WebhookReceiver.verifies(VECTOR_KEY, "e2", "" + now, header, body, at)).as("other id").isFalse();
		assertThat(WebhookReceiver.verifies(VECTOR_KEY, "e1", "" + (now + 1), header, body, at)).as("other time")
			.isFalse();
		assertThat(WebhookReceiver.verifies(VECTOR_KEY, "e1", "" + now, header, bytes("{}"), at)).as("other body")
			.isFalse();
		assertThat(WebhookReceiver.verifies(OTHER_KEY, "e1", "" + now, header, body, at)).as("other key").isFalse();
		assertThat(WebhookReceiver.verifies(VECTOR_KEY, "e1", "" + now, header, body, at.plusSeconds(301))).as("stale")
			.isFalse();
	}

	@Test
	void keysMustBeWhsecBase64() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.key("whsec_not base64!"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
