package io.github.genesysrotator.vault;

import io.github.genesysrotator.rotation.AdminCredentials;
import io.github.genesysrotator.rotation.ConsumerPathStore;
import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.InvalidConfigurationException;
import io.github.genesysrotator.rotation.PublishedCredential;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.RotatorProperties.Org;

/**
 * Reads an org's admin credential from Vault: the consumer path of the managed credential
 * named by {@code admin-credential} (self-rotation), or the {@code admin-vault-path}.
 */
class VaultAdminCredentials implements AdminCredentials {

	private final RotatorProperties properties;

	private final ConsumerPathStore consumers;

	VaultAdminCredentials(RotatorProperties properties, ConsumerPathStore consumers) {
		this.properties = properties;
		this.consumers = consumers;
	}

	@Override
	public ClientCredentials forOrg(String org) {
		String path = adminPath(org);
		PublishedCredential credential = this.consumers.read(path)
			.filter((read) -> read.clientId() != null && read.secret() != null)
			.orElseThrow(() -> new DependencyRejectedException(Dependency.VAULT, 404,
					"No client_id/client_secret at '" + path + "' for the admin credential of org '" + org + "'"));
		return new ClientCredentials(credential.clientId(), credential.secret());
	}

	private String adminPath(String org) {
		Org config = this.properties.orgs().get(org);
		if (config == null) {
			throw new InvalidConfigurationException("rotator.orgs." + org, "no such org");
		}
		if (config.adminCredential() != null) {
			return this.properties.credentials().get(config.adminCredential()).vaultPath();
		}
		return config.adminVaultPath();
	}

}
