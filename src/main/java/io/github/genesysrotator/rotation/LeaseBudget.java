package io.github.genesysrotator.rotation;

import java.time.Duration;

import static io.github.genesysrotator.rotation.ConfigurationChecks.requirePositive;

/**
 * The startup rules that let the lease fence every step: a request with a side effect is
 * sent only while the lease covers its worst case (connect and response timeouts) plus
 * the fence margin, so the lease must be long enough for that, with room to renew it.
 */
final class LeaseBudget {

	private LeaseBudget() {
	}

	/**
	 * @throws InvalidConfigurationException naming the property when the lease cannot
	 * fence a step
	 */
	static void check(RotatorProperties.Rotation timings, RequestPolicy requests) {
		requirePositive("rotator.rotation.fence-margin", timings.fenceMargin());
		Duration step = requests.worstCase().plus(timings.fenceMargin());
		String stepText = "one fenced Genesys request (rotator.genesys.connect-timeout " + requests.connectTimeout()
				+ " + response-timeout " + requests.responseTimeout() + " + rotator.rotation.fence-margin "
				+ timings.fenceMargin() + " = " + step + ")";
		if (timings.leaseTtl().compareTo(step.multipliedBy(2)) < 0) {
			throw new InvalidConfigurationException("rotator.rotation.lease-ttl", "must be at least twice " + stepText
					+ ", so that a lease renewed before a request still covers it");
		}
		if (timings.verifyInterval().plus(step).compareTo(timings.leaseTtl()) >= 0) {
			throw new InvalidConfigurationException("rotator.rotation.verify-interval",
					"plus " + stepText + " must be shorter than rotator.rotation.lease-ttl (" + timings.leaseTtl()
							+ "), or the lease cannot be renewed between two verification attempts");
		}
	}

}
