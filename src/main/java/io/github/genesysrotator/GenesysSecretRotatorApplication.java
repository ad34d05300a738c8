package io.github.genesysrotator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Keeps Genesys Cloud OAuth client secrets fresh in HashiCorp Vault without breaking the
 * applications that read them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GenesysSecretRotatorApplication {

	public static void main(String[] args) {
		SpringApplication.run(GenesysSecretRotatorApplication.class, args);
	}

}
