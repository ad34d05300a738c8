package io.github.genesysrotator.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.genesysrotator.sandbox.Sandbox;

/** The rotator's configuration for a benchmark over the demo sandbox. */
final class BenchProperties {

	private BenchProperties() {
	}

	/**
	 * The sandbox's configuration with a grace period of 0 for both demo credentials: it
	 * is what makes back-to-back rotations legal (production keeps hours). Verification
	 * polls every 10 ms instead of 500 ms so that a rotation's time is its requests.
	 */
	static Map<String, Object> backToBack(Sandbox sandbox) {
		Map<String, Object> properties = new LinkedHashMap<>(sandbox.serviceProperties());
		properties.put("rotator.credentials." + Sandbox.DUAL + ".grace-period", "0s");
		properties.put("rotator.credentials." + Sandbox.SINGLE + ".grace-period", "0s");
		properties.put("rotator.rotation.verify-interval", "10ms");
		properties.put("rotator.rotation.verify-timeout", "10s");
		properties.put("rotator.rotation.commit-timeout", "20s");
		return properties;
	}

	/**
	 * As {@link #backToBack}, but the dual credential keeps the consumer contract of
	 * {@code docs/consumers.md}: a demoted client keeps its secret for a grace period in
	 * which every consumer re-reads Vault. Rotations then come no faster than the grace
	 * period.
	 */
	static Map<String, Object> consumerContract(Sandbox sandbox, java.time.Duration grace) {
		Map<String, Object> properties = backToBack(sandbox);
		properties.put("rotator.credentials." + Sandbox.DUAL + ".grace-period", grace.toMillis() + "ms");
		return properties;
	}

}
