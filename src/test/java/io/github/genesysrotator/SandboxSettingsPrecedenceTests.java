package io.github.genesysrotator;

import java.time.Duration;

import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.sandbox.FreshSandbox;
import io.github.genesysrotator.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw spring-boot:test-run} with settings of the user's own: the sandbox's
 * settings are defaults, so a command-line argument or a {@code -D} system property for
 * the same key replaces them instead of being joined with them.
 */
class SandboxSettingsPrecedenceTests {

	private static final String DUAL_GRACE = "rotator.credentials." + Sandbox.DUAL + ".grace-period";

	private static final String[] QUIET = { "--server.port=0", "--management.server.port=0",
			"--rotator.schedule.enabled=false" };

	@RegisterExtension
	static final FreshSandbox sandbox = new FreshSandbox();

	@Test
	void aCommandLineArgumentReplacesTheSandboxDefault() {
		try (ConfigurableApplicationContext service = sandbox.get()
			.serviceApplication()
			.run(with("--" + DUAL_GRACE + "=5s"))) {
			assertThat(gracePeriod(service, Sandbox.DUAL)).isEqualTo(Duration.ofSeconds(5));
			assertThat(gracePeriod(service, Sandbox.SINGLE)).as("a sandbox default nobody overrode")
				.isEqualTo(Duration.ofMinutes(1));
			assertThat(service.getEnvironment().getProperty("spring.cloud.vault.uri"))
				.as("the sandbox's Vault, not application.yml's")
				.isEqualTo(sandbox.get().vaultUri().toString());
		}
	}

	@Test
	void aSystemPropertyReplacesTheSandboxDefault() {
		System.setProperty(DUAL_GRACE, "7s");
		try (ConfigurableApplicationContext service = sandbox.get().serviceApplication().run(QUIET)) {
			assertThat(gracePeriod(service, Sandbox.DUAL)).isEqualTo(Duration.ofSeconds(7));
		}
		finally {
			System.clearProperty(DUAL_GRACE);
		}
	}

	private static String[] with(String argument) {
		String[] arguments = new String[QUIET.length + 1];
		System.arraycopy(QUIET, 0, arguments, 0, QUIET.length);
		arguments[QUIET.length] = argument;
		return arguments;
	}

	private static Duration gracePeriod(ConfigurableApplicationContext service, String credential) {
		return service.getBean(RotatorProperties.class).credentials().get(credential).gracePeriod();
	}

}
