package io.github.genesysrotator.observability;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

class StateRefreshConfigurationTests {

	private final CredentialStates states = mock(CredentialStates.class);

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
		.withUserConfiguration(Metrics.class, StateRefreshConfiguration.class)
		.withBean(CredentialStates.class, () -> this.states);

	@Test
	void refreshesEveryConfiguredIntervalEvenWithTheScheduledTriggerOff() {
		this.web.withPropertyValues("rotator.metrics.refresh=7s", "rotator.schedule.enabled=false").run((context) -> {
			assertThat(fixedDelays(context)).containsExactly(Duration.ofSeconds(7));
			verify(this.states, timeout(10_000).atLeastOnce()).refresh();
		});
	}

	@Test
	void refreshesEveryThirtySecondsByDefault() {
		this.web.run((context) -> assertThat(fixedDelays(context)).containsExactly(Duration.ofSeconds(30)));
	}

	@Test
	void oneShotModeServesNoPortAndDoesNotRefresh() {
		new ApplicationContextRunner().withUserConfiguration(Metrics.class, StateRefreshConfiguration.class)
			.withBean(CredentialStates.class, () -> this.states)
			.run((context) -> assertThat(context).doesNotHaveBean(StateRefreshConfiguration.class)
				.doesNotHaveBean(ScheduledTaskHolder.class));
	}

	@Test
	void aRefreshThatIsNotPositiveStopsStartupNamingTheProperty() {
		this.web.withPropertyValues("rotator.metrics.refresh=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("rotator.metrics.refresh"));
	}

	private static List<Duration> fixedDelays(ApplicationContext context) {
		return context.getBean(ScheduledTaskHolder.class)
			.getScheduledTasks()
			.stream()
			.map(ScheduledTask::getTask)
			.filter(FixedDelayTask.class::isInstance)
			.map((task) -> ((FixedDelayTask) task).getIntervalDuration())
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MetricsProperties.class)
	static class Metrics {

	}

}
