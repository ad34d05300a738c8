package io.github.genesysrotator.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bounded meter tags. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	/**
	 * Spring's own {@code http.client.requests} tags the expanded URI, which for the
	 * Genesys API holds OAuth client ids: an unbounded label. The rotator's
	 * {@code rotator.genesys.requests} timer carries the bounded operation name instead.
	 */
	@Bean
	MeterFilter httpClientRequestsWithoutUri() {
		return new MeterFilter() {

			@Override
			public Meter.Id map(Meter.Id id) {
				if (!"http.client.requests".equals(id.getName()) || id.getTag("uri") == null) {
					return id;
				}
				return id.replaceTags(id.getTags().stream().filter((tag) -> !"uri".equals(tag.getKey())).toList());
			}

		};
	}

}
