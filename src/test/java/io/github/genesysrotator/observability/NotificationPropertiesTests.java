package io.github.genesysrotator.observability;

import java.util.Map;

import io.github.genesysrotator.observability.NotificationProperties.Event;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationPropertiesTests {

	private static final String SHORT_KEY = "whsec_dG9vLXNob3J0LWtleQ==";

	@Test
	void bindsWebhooksWithEventsByTheirCloudEventsName() {
		NotificationProperties properties = bind(
				Map.of("rotator.notifications.webhooks[0].name", "chatops", "rotator.notifications.webhooks[0].url",
						"https://hooks.example.com/services/T000/B000/XXXXtoken?sig=abc",
						"rotator.notifications.webhooks[0].secrets", "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM=",
						"rotator.notifications.webhooks[0].events", "rotation.failed,rotation.rolledback"));
		assertThat(properties.webhooks()).singleElement().satisfies((webhook) -> {
			assertThat(webhook.events()).containsExactlyInAnyOrder(Event.ROTATION_FAILED, Event.ROTATION_ROLLEDBACK);
			assertThat(webhook.toString()).doesNotContain("whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM=")
				.doesNotContain("XXXXtoken")
				.doesNotContain("sig=abc")
				.contains("https://hooks.example.com");
		});
		assertThat(properties.delivery().maxAttempts()).isEqualTo(5);
	}

	@Test
	void noEventsMeansAllEvents() {
		NotificationProperties properties = bind(Map.of("rotator.notifications.webhooks[0].name", "all",
				"rotator.notifications.webhooks[0].url", "http://localhost:9000/",
				"rotator.notifications.webhooks[0].secrets", "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM="));
		assertThat(properties.webhooks().get(0).events()).containsExactlyInAnyOrder(Event.values());
	}

	@Test
	void shortSecretIsRefusedByNameWithoutRepeatingIt() {
		assertThatThrownBy(() -> bind(
				Map.of("rotator.notifications.webhooks[0].name", "chatops", "rotator.notifications.webhooks[0].url",
						"https://hooks.example.com/", "rotator.notifications.webhooks[0].secrets", SHORT_KEY)))
			.isInstanceOf(BindException.class)
			.satisfies((ex) -> assertThat(messages(ex)).contains("rotator.notifications.webhooks[0].secrets")
				.doesNotContain(SHORT_KEY));
	}

	@Test
	void urlMustBeAbsoluteHttp() {
		assertThatThrownBy(() -> bind(Map.of("rotator.notifications.webhooks[0].name", "chatops",
				"rotator.notifications.webhooks[0].url", "ftp://hooks.example.com/",
				"rotator.notifications.webhooks[0].secrets", "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM=")))
			.satisfies((ex) -> assertThat(messages(ex)).contains("rotator.notifications.webhooks[0].url"));
	}

	@Test
	void namesAreUnique() {
		assertThatThrownBy(() -> bind(
				Map.of("rotator.notifications.webhooks[0].name", "chatops", "rotator.notifications.webhooks[0].url",
						"https://a.example.com/", "rotator.notifications.webhooks[0].secrets",
						"whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM=", "rotator.notifications.webhooks[1].name", "chatops",
						"rotator.notifications.webhooks[1].url", "https://b.example.com/",
						"rotator.notifications.webhooks[1].secrets", "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM=")))
			.satisfies((ex) -> assertThat(messages(ex)).contains("rotator.notifications.webhooks[1].name"));
	}

	private static NotificationProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("rotator.notifications",
				NotificationProperties.class);
	}

	private static String messages(Throwable ex) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

}
