package io.github.genesysrotator;

import io.github.genesysrotator.oneshot.OneShotMode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keeps Genesys Cloud OAuth client secrets fresh in HashiCorp Vault without breaking the
 * applications that read them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GenesysSecretRotatorApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(GenesysSecretRotatorApplication.class, args);
		if (OneShotMode.requested(context.getEnvironment())) {
			// The one rotation ran during startup; its outcome is the exit code.
			System.exit(SpringApplication.exit(context));
		}
	}

}
