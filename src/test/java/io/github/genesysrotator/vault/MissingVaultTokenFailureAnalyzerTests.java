package io.github.genesysrotator.vault;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.genesysrotator.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The service started without a Vault token (the default token authentication) stops with
 * a short report that names {@code spring.cloud.vault.token}, not a stack trace of bean
 * creation failures.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingVaultTokenFailureAnalyzerTests {

	@Test
	void aStartWithoutAVaultTokenEndsWithOneLineNamingTheProperty(CapturedOutput output) {
		assumeThat(Path.of(System.getProperty("user.home"), ".vault-token"))
			.as("Spring Cloud Vault falls back to ~/.vault-token")
			.satisfies((tokenFile) -> assertThat(Files.exists(tokenFile)).isFalse());
		try (Sandbox sandbox = Sandbox.start()) {
			assertThatException().isThrownBy(() -> sandbox.serviceApplication()
				.run("--server.port=0", "--management.server.port=0", "--spring.cloud.vault.token="));
		}
		assertThat(output).contains("APPLICATION FAILED TO START")
			.doesNotContain("\tat org.springframework")
			.doesNotContain("Caused by:");
		// Plain or structured (JSON, newlines escaped) console logging: the action is the
		// report's last line either way.
		String out = output.getOut();
		String action = out.substring(out.lastIndexOf("Action:") + "Action:".length()).replace("\\n", "\n");
		assertThat(action.lines().filter((line) -> !line.isBlank()).findFirst())
			.hasValueSatisfying((line) -> assertThat(line).startsWith("Set spring.cloud.vault.token"));
	}

	@Test
	void otherIllegalStatesAreLeftToOtherAnalyzers() {
		assertThat(new MissingVaultTokenFailureAnalyzer().analyze(new IllegalStateException("something else")))
			.isNull();
	}

}
