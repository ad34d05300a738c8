package io.github.genesysrotator.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@link SandboxServiceTest} promises a test: its own properties win over the
 * setup's, which win over the timings and the sandbox's; the sandbox is a bean that
 * closes with the context; equal setups make equal contexts for Spring's cache.
 */
class SandboxContextCustomizerTests {

	private static final String GRACE = "rotator.credentials." + Sandbox.DUAL + ".grace-period";

	private static final String VERIFY_TIMEOUT = "rotator.rotation.verify-timeout";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void theTestsPropertiesWinOverTheSetupsWhichWinOverTheTimingsAndTheSandboxs() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			ConfigurableEnvironment environment = context.getEnvironment();
			environment.getPropertySources()
				.addFirst(new MapPropertySource(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
						Map.of(VERIFY_TIMEOUT, "10s")));
			new SandboxContextCustomizer(LongGracePeriod.class).customizeContext(context, null);
			context.refresh();
			Sandbox sandbox = context.getBean(Sandbox.class);

			assertThat(environment.getProperty(VERIFY_TIMEOUT)).isEqualTo("10s");
			assertThat(environment.getProperty(GRACE)).isEqualTo("5m");
			assertThat(environment.getProperty("rotator.rotation.verify-interval"))
				.isEqualTo(ServiceTimings.PROPERTIES.get("rotator.rotation.verify-interval"));
			assertThat(environment.getProperty("spring.cloud.vault.uri")).isEqualTo(sandbox.vaultUri().toString());
			assertThat(environment.getProperty("rotator.orgs." + Sandbox.ORG + ".api-base-url"))
				.isEqualTo(sandbox.genesys().baseUrl());
		}
	}

	@Test
	void theSandboxClosesWithTheContext() throws Exception {
		GenericApplicationContext context = new GenericApplicationContext();
		new SandboxContextCustomizer(SandboxSetup.class).customizeContext(context, null);
		context.refresh();
		URI genesys = URI.create(context.getBean(Sandbox.class).genesys().baseUrl() + "/__sim/");
		assertThat(get(genesys)).isEqualTo(200);

		context.close();

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> get(genesys));
	}

	@Test
	void equalSetupsMakeEqualCustomizersSoTheirContextsAreShared() {
		assertThat(new SandboxContextCustomizer(LongGracePeriod.class))
			.isEqualTo(new SandboxContextCustomizer(LongGracePeriod.class))
			.hasSameHashCodeAs(new SandboxContextCustomizer(LongGracePeriod.class))
			.isNotEqualTo(new SandboxContextCustomizer(SandboxSetup.class));
	}

	private static int get(URI uri) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** Sets the demo dual credential's grace period and the verification timeout. */
	static final class LongGracePeriod implements SandboxSetup {

		@Override
		public Map<String, Object> seed(Sandbox sandbox) {
			return Map.of(GRACE, "5m", VERIFY_TIMEOUT, "1s");
		}

	}

}
