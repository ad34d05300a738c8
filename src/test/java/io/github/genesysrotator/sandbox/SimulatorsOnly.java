package io.github.genesysrotator.sandbox;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;

/**
 * The simulators without the service, for the compose file's {@code sandbox} image:
 * {@code TestGenesysSecretRotatorApplication --simulators-only}.
 * {@code --genesys-port=8300 --vault-port=8200} starts both;
 * {@code --vault-uri=... --vault-token=...} starts only the Genesys simulator and seeds
 * that (real) Vault instead.
 */
public final class SimulatorsOnly {

	private SimulatorsOnly() {
	}

	/** Flag that selects this mode in {@code TestGenesysSecretRotatorApplication}. */
	public static final String FLAG = "--simulators-only";

	public static void run(String[] args) throws InterruptedException {
		Map<String, String> options = parse(args);
		int genesysPort = Integer.parseInt(options.getOrDefault("genesys-port", "8300"));
		Sandbox sandbox = options.containsKey("vault-uri")
				? Sandbox.startWithExternalVault(genesysPort, URI.create(options.get("vault-uri")),
						options.getOrDefault("vault-token", "root"))
				: Sandbox.start(genesysPort, Integer.parseInt(options.getOrDefault("vault-port", "8200")),
						GenesysSimulatorOptions.builder());
		Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
		System.out.println("Genesys Cloud simulator on " + sandbox.genesys().baseUrl() + ", Vault at "
				+ sandbox.vaultUri() + " seeded with the demo org");
		Thread.currentThread().join();
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (arg.equals(FLAG)) {
				continue;
			}
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Expected --name=value, got: " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

}
