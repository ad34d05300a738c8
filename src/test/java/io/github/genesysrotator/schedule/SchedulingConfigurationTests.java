package io.github.genesysrotator.schedule;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotatorPropertiesConfiguration;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class SchedulingConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
		.withUserConfiguration(SchedulingConfiguration.class)
		.withBean(RotationService.class, () -> mock(RotationService.class))
		.withUserConfiguration(RotatorPropertiesConfiguration.class)
		.withBean(CredentialCatalog.class)
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void schedulesByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RotationScheduler.class);
			assertThat(context).hasSingleBean(TaskScheduler.class);
		});
	}

	@Test
	void canBeTurnedOff() {
		this.runner.withPropertyValues("rotator.schedule.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RotationScheduler.class));
	}

}
