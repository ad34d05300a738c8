package io.github.genesysrotator.observability;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of the Standard Webhooks specification: the {@code webhook-signature} header
 * holds {@code v1,} and the base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>} for each key, separated by spaces
 * (several keys while a key is being changed). Keys are written {@code whsec_<base64>};
 * the HMAC key is the decoded bytes.
 */
final class WebhookSignature {

	static final String ID = "webhook-id";

	static final String TIMESTAMP = "webhook-timestamp";

	static final String SIGNATURE = "webhook-signature";

	static final String KEY_PREFIX = "whsec_";

	private WebhookSignature() {
	}

	/**
	 * The HMAC key a {@code whsec_} key names.
	 * @throws IllegalArgumentException if it is not {@code whsec_} and base64
	 */
	static byte[] key(String whsec) {
		if (whsec == null || !whsec.startsWith(KEY_PREFIX)) {
			throw new IllegalArgumentException("not a whsec_ key");
		}
		return Base64.getDecoder().decode(whsec.substring(KEY_PREFIX.length()));
	}

	/** The {@code webhook-signature} value: one {@code v1,} signature per key. */
	static String of(List<byte[]> keys, String id, long timestamp, byte[] body) {
		byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
		StringJoiner signatures = new StringJoiner(" ");
		for (byte[] key : keys) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(key, "HmacSHA256"));
				mac.update(prefix);
				signatures.add("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)));
			}
			catch (GeneralSecurityException ex) {
				// HmacSHA256 is required of every Java platform; the key is never empty.
				throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
			}
		}
		return signatures.toString();
	}

}
