package io.github.genesysrotator.rotation;

import java.util.List;

import io.github.genesysrotator.rotation.RotatorProperties.Credential;

import org.springframework.util.StringUtils;

/**
 * A configured credential with its name.
 *
 * @param name the credential name
 * @param config its configuration
 */
public record CredentialSpec(String name, Credential config) {

	public Strategy strategy() {
		return this.config.strategy();
	}

	public String org() {
		return this.config.org();
	}

	public List<String> clientIds() {
		return this.config.clientIds();
	}

	/**
	 * The consumer path, or {@code null} when the credential publishes to Genesys only.
	 */
	public String vaultPath() {
		return StringUtils.hasText(this.config.vaultPath()) ? this.config.vaultPath() : null;
	}

	public List<String> integrationCredentials() {
		return this.config.integrationCredentials();
	}

	/** Every publication target, in the order a rotation writes them. */
	public List<PublicationTarget> targets() {
		return PublicationTarget.of(this);
	}

	/**
	 * The retirement guard's setting: {@code enforce} unless configured; always
	 * {@code off} for single, which has no standby.
	 */
	public UsageCheck usageCheck() {
		if (strategy() != Strategy.DUAL) {
			return UsageCheck.OFF;
		}
		return (this.config.usageCheck() != null) ? this.config.usageCheck() : UsageCheck.ENFORCE;
	}

}
