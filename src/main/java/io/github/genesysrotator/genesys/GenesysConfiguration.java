package io.github.genesysrotator.genesys;

import java.time.Clock;

import io.github.genesysrotator.rotation.AdminCredentials;
import io.github.genesysrotator.rotation.IntegrationCredentials;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the Genesys Cloud adapter: one {@link WebClient} with timeouts and a bounded
 * response size, shared by all orgs.
 */
@Configuration(proxyBeanMethods = false)
class GenesysConfiguration {

	@Bean
	OrgDirectory orgDirectory(RotatorProperties properties) {
		return new OrgDirectory(properties);
	}

	@Bean
	GenesysCloudClient genesysOAuthClients(WebClient.Builder builder, GenesysProperties properties,
			MeterRegistry registry, OrgDirectory orgs, AdminCredentials adminCredentials, JsonMapper json,
			Clock clock) {
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
			.responseTimeout(properties.responseTimeout());
		WebClient webClient = builder.clone()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.codecs((codecs) -> codecs.defaultCodecs()
				.maxInMemorySize(Math.toIntExact(properties.maxResponseSize().toBytes())))
			.build();
		GenesysHttp http = new GenesysHttp(webClient, properties, registry);
		GrantPacer pacer = new GrantPacer(clock, properties.tokenGrantsPerMinute(), properties.initialBackoff(),
				properties.maxBackoff());
		TokenEndpoint tokens = new TokenEndpoint(http, orgs, pacer, json, registry);
		AdminTokens adminTokens = new AdminTokens(tokens, adminCredentials, clock, properties.tokenRefreshMargin());
		return new GenesysCloudClient(http, tokens, adminTokens, orgs, json);
	}

	@Bean
	IntegrationCredentials integrationCredentials(GenesysCloudClient client, JsonMapper json) {
		return new GenesysIntegrationCredentials(client, json);
	}

}
