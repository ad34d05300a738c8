package io.github.genesysrotator;

import java.util.Map;

import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SimulatorsOnly;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

/**
 * {@code ./mvnw spring-boot:test-run}: the service on its embedded sandbox. Starts the
 * Genesys Cloud simulator (8300) and the Vault simulator (8200) with the demo org, then
 * the service (API 8080, management 8081), and prints what to try.
 */
public final class TestGenesysSecretRotatorApplication {

	private TestGenesysSecretRotatorApplication() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (java.util.Arrays.asList(args).contains(SimulatorsOnly.FLAG)) {
			SimulatorsOnly.run(args);
			return;
		}
		int genesysPort = Integer.getInteger("sandbox.genesys-port", 8300);
		int vaultPort = Integer.getInteger("sandbox.vault-port", 8200);
		Sandbox sandbox = Sandbox.start(genesysPort, vaultPort, GenesysSimulatorOptions.builder());
		Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
		Environment environment = Sandbox.application().run(sandbox.serviceArguments(Map.of(), args)).getEnvironment();
		// The ports actually bound, which --server.port and --management.server.port
		// change.
		System.out.println(
				SandboxBanner.text(sandbox, "http://localhost:" + environment.getProperty("local.server.port", "8080"),
						"http://localhost:" + environment.getProperty("local.management.port", "8081")));
	}

}
