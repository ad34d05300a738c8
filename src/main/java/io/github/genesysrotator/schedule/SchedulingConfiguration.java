package io.github.genesysrotator.schedule;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotatorProperties;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the scheduled trigger unless {@code rotator.schedule.enabled=false} (the
 * one-shot mode sets it, and a replica can opt out and serve the API only).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "rotator.schedule.enabled", matchIfMissing = true)
@EnableScheduling
class SchedulingConfiguration {

	@Bean
	RotationScheduler rotationScheduler(RotationService rotations, CredentialCatalog catalog,
			RotatorProperties properties, Clock clock, TaskScheduler taskScheduler) {
		return new RotationScheduler(rotations, catalog, properties, clock, taskScheduler);
	}

}
