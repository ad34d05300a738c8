package io.github.genesysrotator.sandbox;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets are toxic: this asserts that none of the secrets the Genesys simulator ever
 * issued appears in a text (captured logs, a response body, a result's
 * {@code toString()}).
 */
public final class SecretLeaks {

	private SecretLeaks() {
	}

	public static void assertNoSecretIn(String what, String text, Collection<String> issuedSecrets) {
		for (String secret : issuedSecrets) {
			assertThat(text).as("%s must not contain an issued secret", what).doesNotContain(secret);
		}
	}

}
