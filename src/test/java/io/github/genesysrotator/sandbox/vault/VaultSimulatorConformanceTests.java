package io.github.genesysrotator.sandbox.vault;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance contract against the simulator. */
class VaultSimulatorConformanceTests extends AbstractVaultConformanceTests {

	private static VaultSimulator simulator;

	@BeforeAll
	static void startSimulator() {
		simulator = VaultSimulator.builder().build().start();
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Override
	protected URI vaultUri() {
		return simulator.uri();
	}

	@Override
	protected String rootToken() {
		return simulator.rootToken();
	}

}
