package io.github.genesysrotator.rotation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lease too short to fence one Genesys request stops startup, naming the property. */
class LeaseBudgetTests {

	private static final RequestPolicy REQUESTS = new RequestPolicy(Duration.ofSeconds(5), Duration.ofSeconds(20), 5,
			Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(180));

	@Test
	void defaultsFenceEveryStep() {
		assertThatCode(() -> LeaseBudget
			.check(timings(Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ofSeconds(10)), REQUESTS))
			.doesNotThrowAnyException();
	}

	@Test
	void leaseShorterThanTwoFencedRequestsIsRefused() {
		assertThatThrownBy(() -> LeaseBudget
			.check(timings(Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10)), REQUESTS))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("rotator.rotation.lease-ttl")
			.hasMessageContaining("rotator.genesys.connect-timeout");
	}

	@Test
	void verifyIntervalThatLeavesNoRoomToRenewIsRefused() {
		assertThatThrownBy(() -> LeaseBudget
			.check(timings(Duration.ofMinutes(2), Duration.ofSeconds(90), Duration.ofSeconds(10)), REQUESTS))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("rotator.rotation.verify-interval");
	}

	@Test
	void fenceMarginMustBePositive() {
		assertThatThrownBy(() -> LeaseBudget
			.check(timings(Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ZERO), REQUESTS))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("rotator.rotation.fence-margin");
	}

	private static RotatorProperties.Rotation timings(Duration leaseTtl, Duration verifyInterval, Duration margin) {
		return new RotatorProperties.Rotation(leaseTtl, Duration.ofSeconds(60), verifyInterval, Duration.ofMinutes(10),
				20, margin, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(6));
	}

}
