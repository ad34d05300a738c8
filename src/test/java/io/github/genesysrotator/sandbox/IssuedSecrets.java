package io.github.genesysrotator.sandbox;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.fail;

/**
 * Every secret any Genesys simulator in this JVM has issued (seeded, created or
 * regenerated), so that any test can check a text for all of them: secrets are toxic and
 * must never reach a log, a response, a metric or a health or info document.
 * {@link SecretLeakExtension} applies it to the output of every test.
 * <p>
 * A scan looks up each window of a secret's length inside runs of secret-alphabet
 * characters instead of searching every secret in turn: the suite issues thousands of
 * secrets and captures megabytes of logs.
 */
public final class IssuedSecrets {

	private static final Map<Integer, Set<String>> BY_LENGTH = new ConcurrentHashMap<>();

	private IssuedSecrets() {
	}

	/** Called by the simulator for each secret it issues (base64 characters only). */
	public static void record(String secret) {
		if (secret.isEmpty() || !secret.chars().allMatch((c) -> isSecretCharacter((char) c))) {
			throw new IllegalArgumentException("a secret the scan can find is base64");
		}
		BY_LENGTH.computeIfAbsent(secret.length(), (length) -> ConcurrentHashMap.newKeySet()).add(secret);
	}

	/** How many distinct secrets have been issued so far. */
	public static int count() {
		return BY_LENGTH.values().stream().mapToInt(Set::size).sum();
	}

	/**
	 * Fails (without quoting the secret) if {@code text} contains any issued secret or
	 * any of {@code otherSecrets} (for example the Vault token).
	 * @param what what the text is, for the failure message ("metrics", "health")
	 * @param text the text to check
	 * @param otherSecrets secrets that are not Genesys client secrets
	 */
	public static void assertClean(String what, String text, String... otherSecrets) {
		OptionalInt at = firstLeakIn(text);
		if (at.isPresent()) {
			fail("%s contains a secret issued by the Genesys simulator at offset %d", what, at.getAsInt());
		}
		for (String secret : otherSecrets) {
			if (text.contains(secret)) {
				fail("%s contains a secret at offset %d", what, text.indexOf(secret));
			}
		}
	}

	/** The offset of the first issued secret in {@code text}, if any. */
	static OptionalInt firstLeakIn(CharSequence text) {
		int runStart = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean inRun = i < text.length() && isSecretCharacter(text.charAt(i));
			if (inRun && runStart < 0) {
				runStart = i;
			}
			else if (!inRun && runStart >= 0) {
				OptionalInt leak = firstLeakInRun(text, runStart, i);
				if (leak.isPresent()) {
					return leak;
				}
				runStart = -1;
			}
		}
		return OptionalInt.empty();
	}

	private static OptionalInt firstLeakInRun(CharSequence text, int start, int end) {
		for (Map.Entry<Integer, Set<String>> secrets : BY_LENGTH.entrySet()) {
			int length = secrets.getKey();
			for (int from = start; from + length <= end; from++) {
				if (secrets.getValue().contains(text.subSequence(from, from + length).toString())) {
					return OptionalInt.of(from);
				}
			}
		}
		return OptionalInt.empty();
	}

	// The simulator issues base64url secrets; the standard alphabet is here too so that a
	// secret inside a longer base64 run is still found.
	private static boolean isSecretCharacter(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
				|| c == '+' || c == '/' || c == '=';
	}

}
