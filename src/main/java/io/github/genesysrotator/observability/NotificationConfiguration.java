package io.github.genesysrotator.observability;

import java.time.Clock;

import io.github.genesysrotator.rotation.RotationService;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook notifications ({@code rotator.notifications.*}). */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	@Bean
	WebhookDispatcher webhookDispatcher(NotificationProperties properties, MeterRegistry registry, Clock clock) {
		return new WebhookDispatcher(properties.delivery(), registry, clock);
	}

	/**
	 * The service is looked up when the first event is raised: it takes the listeners,
	 * this one among them, when it is built.
	 */
	@Bean
	WebhookNotifier webhookNotifier(NotificationProperties properties, WebhookDispatcher dispatcher, JsonMapper json,
			Clock clock, ObjectProvider<RotationService> rotations) {
		return new WebhookNotifier(properties.webhooks(), dispatcher, json, clock,
				() -> rotations.getObject().instanceId());
	}

}
