package io.github.genesysrotator.observability;

import io.github.genesysrotator.rotation.RotationService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the state records for the gauges and the {@code rotation} health indicator every
 * {@code rotator.metrics.refresh}, on every replica that serves the management port: also
 * on one whose scheduled trigger is off ({@code rotator.schedule.enabled=false}), whose
 * dashboards and probes would otherwise show only the rotations it ran itself. One-shot
 * mode serves no port and skips it. The same thread kind looks for rotations to announce
 * ({@code rotator.notifications.due-lead-time}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StateRefreshConfiguration {

	@Bean
	StateRefresh stateRefresh(CredentialStates states, MetricsProperties properties) {
		return new StateRefresh(states::refresh, properties.refresh());
	}

	/**
	 * The orgs' client listings for {@code rotator_org_oauth_clients}, fetched again as
	 * each one expires ({@code rotator.health.genesys-check-interval}).
	 */
	@Bean
	StateRefresh coverageRefresh(OrgCoverage coverage, HealthProperties health) {
		return new StateRefresh("rotator-coverage", coverage::refresh, health.genesysCheckInterval());
	}

	/**
	 * {@code rotation.due} events, looked for at the same pace as the gauges' refresh;
	 * the state record makes each one happen once across replicas.
	 */
	@Bean
	@ConditionalOnProperty("rotator.notifications.due-lead-time")
	StateRefresh dueAnnouncements(NotificationProperties notifications, MetricsProperties properties,
			RotationService rotations) {
		return new StateRefresh("rotator-due", () -> rotations.announceDue(notifications.dueLeadTime()),
				properties.refresh());
	}

}
