package io.github.genesysrotator.rotation;

import java.util.List;

import io.github.genesysrotator.rotation.RotatorProperties.Credential;

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

	public String vaultPath() {
		return this.config.vaultPath();
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
