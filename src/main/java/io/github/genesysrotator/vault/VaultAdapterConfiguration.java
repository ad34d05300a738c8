package io.github.genesysrotator.vault;

import io.github.genesysrotator.rotation.AdminCredentials;
import io.github.genesysrotator.rotation.ConsumerPathStore;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.StateRecordStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.vault.core.VaultOperations;

/** Wires the Vault adapters onto Spring Cloud Vault's {@link VaultOperations}. */
@Configuration(proxyBeanMethods = false)
class VaultAdapterConfiguration {

	@Bean
	KvPaths kvPaths(RotatorProperties properties) {
		return new KvPaths(properties.vault());
	}

	@Bean
	StateRecordStore stateRecordStore(VaultOperations vault, KvPaths paths) {
		return new VaultStateRecordStore(vault.opsForVersionedKeyValue(paths.mount()), paths);
	}

	@Bean
	ConsumerPathStore consumerPathStore(VaultOperations vault, KvPaths paths) {
		return new VaultConsumerPathStore(vault, paths);
	}

	@Bean
	AdminCredentials adminCredentials(RotatorProperties properties, ConsumerPathStore consumers) {
		return new VaultAdminCredentials(properties, consumers);
	}

}
