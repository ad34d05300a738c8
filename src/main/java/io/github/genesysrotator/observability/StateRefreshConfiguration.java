package io.github.genesysrotator.observability;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the state records for the gauges and the {@code rotation} health indicator every
 * {@code rotator.metrics.refresh}, on every replica that serves the management port: also
 * on one whose scheduled trigger is off ({@code rotator.schedule.enabled=false}), whose
 * dashboards and probes would otherwise show only the rotations it ran itself. One-shot
 * mode serves no port and skips it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StateRefreshConfiguration {

	@Bean
	StateRefresh stateRefresh(CredentialStates states, MetricsProperties properties) {
		return new StateRefresh(states::refresh, properties.refresh());
	}

}
