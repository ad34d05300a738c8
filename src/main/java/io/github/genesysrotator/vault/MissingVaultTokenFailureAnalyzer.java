package io.github.genesysrotator.vault;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Vault token authentication (the default) without a token: Spring Cloud Vault's refusal,
 * deep in a chain of bean creation failures, becomes a short startup report whose last
 * line says to set {@code spring.cloud.vault.token}.
 */
class MissingVaultTokenFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

	/** What Spring Cloud Vault's refusal names; its message is the only sign of it. */
	static final String PROPERTY = "spring.cloud.vault.token";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
		String message = cause.getMessage();
		if (message == null || !message.contains("TOKEN") || !message.contains(PROPERTY)) {
			return null;
		}
		return new FailureAnalysis(
				"Vault token authentication (spring.cloud.vault.authentication=TOKEN, the default) found no token: "
						+ "neither " + PROPERTY + " nor a token file at ~/.vault-token.",
				"Set " + PROPERTY + " (environment: SPRING_CLOUD_VAULT_TOKEN), or choose another method with "
						+ "spring.cloud.vault.authentication (KUBERNETES, APPROLE).",
				cause);
	}

}
