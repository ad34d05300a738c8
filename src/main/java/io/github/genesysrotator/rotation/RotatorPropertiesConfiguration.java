package io.github.genesysrotator.rotation;

import io.github.genesysrotator.genesys.GenesysProperties;
import io.github.genesysrotator.observability.HealthProperties;
import io.github.genesysrotator.observability.MetricsProperties;
import io.github.genesysrotator.observability.NotificationProperties;
import io.github.genesysrotator.web.ApiSecurityProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code rotator.*} once, strictly ({@link RotatorProperties}), and offers each
 * capability its part as a bean of its own, so a capability depends on its settings only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RotatorProperties.class)
public class RotatorPropertiesConfiguration {

	@Bean
	GenesysProperties genesysProperties(RotatorProperties rotator) {
		return rotator.genesys();
	}

	@Bean
	HealthProperties healthProperties(RotatorProperties rotator) {
		return rotator.health();
	}

	@Bean
	MetricsProperties metricsProperties(RotatorProperties rotator) {
		return rotator.metrics();
	}

	@Bean
	NotificationProperties notificationProperties(RotatorProperties rotator) {
		return rotator.notifications();
	}

	@Bean
	ApiSecurityProperties apiSecurityProperties(RotatorProperties rotator) {
		return rotator.security();
	}

}
