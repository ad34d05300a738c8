package io.github.genesysrotator.rotation;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the rotation engine needs and nothing else provides. */
@Configuration(proxyBeanMethods = false)
class RotationConfiguration {

	/**
	 * UTC system clock; tests add a {@code @Primary} one they can move.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** This replica's identity ({@code rotator.instance-id}, random when empty). */
	@Bean
	InstanceId instanceId(RotatorProperties properties) {
		return InstanceId.of(properties);
	}

	/**
	 * Waits between attempts sleep the thread; tests add a {@code @Primary} one that
	 * moves time instead.
	 */
	@Bean
	Sleeper sleeper() {
		return Sleeper.THREAD;
	}

}
