package io.github.genesysrotator.observability;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reads the state records for the gauges and the {@code rotation} health indicator every
 * {@code rotator.metrics.refresh}, on every replica that serves the management port: also
 * on one whose scheduled trigger is off ({@code rotator.schedule.enabled=false}), whose
 * dashboards and probes would otherwise show only the rotations it ran itself. One-shot
 * mode serves no port and skips it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class StateRefreshConfiguration implements SchedulingConfigurer {

	private final CredentialStates states;

	private final MetricsProperties properties;

	StateRefreshConfiguration(CredentialStates states, MetricsProperties properties) {
		this.states = states;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.states::refresh, this.properties.refresh());
	}

}
