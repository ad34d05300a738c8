package io.github.genesysrotator.rotation;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the rotation engine needs and nothing else provides. */
@Configuration(proxyBeanMethods = false)
class RotationConfiguration {

	/** UTC system clock; tests replace it with one they can move. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** This replica's identity ({@code rotator.instance-id}, random when empty). */
	@Bean
	InstanceId instanceId(RotatorProperties properties) {
		return InstanceId.of(properties);
	}

	/** Waits between attempts sleep the thread; tests replace it to move time instead. */
	@Bean
	@ConditionalOnMissingBean
	Sleeper sleeper() {
		return Sleeper.THREAD;
	}

}
