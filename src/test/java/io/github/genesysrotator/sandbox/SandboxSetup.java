package io.github.genesysrotator.sandbox;

import java.util.Map;

import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;

/**
 * What a {@link SandboxServiceTest} needs beyond the demo world, applied before its
 * service starts. Implementations have a no-argument constructor; the interface itself
 * stands for "nothing more".
 */
public interface SandboxSetup {

	/** The Genesys simulator's switches (its clock, say), on the defaults. */
	default GenesysSimulatorOptions.Builder genesys(GenesysSimulatorOptions.Builder options) {
		return options;
	}

	/**
	 * Seeds more of the world (clients, integration credentials, Vault secrets) and
	 * returns the service properties that go with it, which override the sandbox's.
	 */
	default Map<String, Object> seed(Sandbox sandbox) {
		return Map.of();
	}

	/**
	 * Puts back what {@link Sandbox#reset()} took of the seeding (a Vault secret, the
	 * secret an integration credential holds), before each test.
	 */
	default void reset(Sandbox sandbox) {
	}

}
