package io.github.genesysrotator.sandbox;

import java.util.Map;

/**
 * The one place for the timings a service under test runs with: verification polls, usage
 * polls and Genesys retries in milliseconds rather than seconds, bounded waits that still
 * leave a loaded machine room, no scheduler polling (tests trigger every rotation), and a
 * fixed instance id. A test that needs another value sets it in
 * {@link SandboxServiceTest#properties()}.
 */
public final class ServiceTimings {

	/** The properties, by name. */
	public static final Map<String, String> PROPERTIES = Map.of("rotator.instance-id", "replica-1",
			"rotator.rotation.verify-interval", "50ms", "rotator.rotation.verify-timeout", "5s",
			"rotator.rotation.commit-timeout", "20s", "rotator.rotation.usage-poll-interval", "20ms",
			"rotator.rotation.usage-timeout", "2s", "rotator.genesys.initial-backoff", "20ms",
			"rotator.genesys.max-attempts", "4", "rotator.schedule.poll", "-");

	private ServiceTimings() {
	}

}
