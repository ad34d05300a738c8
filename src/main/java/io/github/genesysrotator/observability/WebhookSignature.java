package io.github.genesysrotator.observability;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Rotator-Signature} header: {@code sha256=} and the hex HMAC-SHA256 of the
 * exact body bytes, keyed with the webhook's secret (its UTF-8 bytes).
 */
final class WebhookSignature {

	static final String HEADER = "X-Rotator-Signature";

	private WebhookSignature() {
	}

	static String of(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			// HmacSHA256 is required of every Java platform; the key is never empty.
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

}
