package io.github.genesysrotator.observability;

import java.time.Clock;

import io.github.genesysrotator.rotation.InstanceId;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook notifications ({@code rotator.notifications.*}). */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	WebhookDispatcher webhookDispatcher(NotificationProperties properties, MeterRegistry registry, Clock clock) {
		return new WebhookDispatcher(properties.delivery(), registry, clock);
	}

	@Bean
	WebhookNotifier webhookNotifier(NotificationProperties properties, WebhookDispatcher dispatcher, JsonMapper json,
			Clock clock, InstanceId instanceId) {
		return new WebhookNotifier(properties.webhooks(), dispatcher, json, clock, instanceId);
	}

}
