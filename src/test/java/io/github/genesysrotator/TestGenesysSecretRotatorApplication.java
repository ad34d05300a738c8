package io.github.genesysrotator;

import java.util.Arrays;

import io.github.genesysrotator.bench.FleetRun;
import io.github.genesysrotator.bench.FootprintApp;

import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SimulatorsOnly;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

/**
 * {@code ./mvnw spring-boot:test-run}: the service on its embedded sandbox. Starts the
 * Genesys Cloud simulator (8300) and the Vault simulator (8200) with the demo org, then
 * the service (API 8080, management 8081), and prints what to try. With
 * {@code --simulators-only} it runs just the simulators (the compose file's sandbox
 * image); {@code --bench-footprint} and {@code --bench-fleet} start a benchmark's child
 * JVM. It is the only class with a {@code main} method on the test classpath, which is
 * how {@code spring-boot:test-run} finds it.
 */
public final class TestGenesysSecretRotatorApplication {

	private TestGenesysSecretRotatorApplication() {
	}

	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "";
		String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		if (Arrays.asList(args).contains(SimulatorsOnly.FLAG)) {
			SimulatorsOnly.run(args);
			return;
		}
		if (mode.equals(FootprintApp.FLAG)) {
			FootprintApp.run(rest);
			return;
		}
		if (mode.equals(FleetRun.FLAG)) {
			FleetRun.run(rest);
			return;
		}
		int genesysPort = Integer.getInteger("sandbox.genesys-port", 8300);
		int vaultPort = Integer.getInteger("sandbox.vault-port", 8200);
		Sandbox sandbox = Sandbox.start(genesysPort, vaultPort, GenesysSimulatorOptions.builder());
		Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
		Environment environment = sandbox.serviceApplication().run(args).getEnvironment();
		// The ports actually bound, which --server.port and --management.server.port
		// change.
		System.out.println(
				SandboxBanner.text(sandbox, "http://localhost:" + environment.getProperty("local.server.port", "8080"),
						"http://localhost:" + environment.getProperty("local.management.port", "8081")));
	}

}
