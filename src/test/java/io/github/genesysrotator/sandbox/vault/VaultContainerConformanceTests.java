package io.github.genesysrotator.sandbox.vault;

import java.net.URI;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.vault.VaultContainer;

/**
 * The same contract against a real Vault (dev mode mounts KV v2 at {@code secret/}).
 * Skipped, not failed, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class VaultContainerConformanceTests extends AbstractVaultConformanceTests {

	private static final String ROOT_TOKEN = "conformance-root";

	@Container
	static final VaultContainer<?> vault = new VaultContainer<>("hashicorp/vault:1.21.4").withVaultToken(ROOT_TOKEN);

	@Override
	protected URI vaultUri() {
		return URI.create(vault.getHttpHostAddress());
	}

	@Override
	protected String rootToken() {
		return ROOT_TOKEN;
	}

}
