package io.github.genesysrotator.rotation;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnboundMapKeysTests {

	private static final Set<String> BOUND = Set.of("billing");

	@Test
	void everyDocumentedSpellingOfABoundNamePasses() {
		StandardEnvironment environment = environment(
				Map.of("rotator.credentials.billing.org", "acme", "rotator.credentials[billing].vault-path",
						"genesys/billing", "rotator.credentials.[billing].window", "0 0 2 * * *",
						"rotator.credentials.billing.client-ids[0]", "a", "rotator.credentialsx.other", "x"),
				Map.of("ROTATOR_CREDENTIALS_BILLING_ENABLED", "true"));

		assertThatNoException().isThrownBy(() -> UnboundMapKeys.check(environment, "rotator.credentials", BOUND));
	}

	@Test
	void aDottedNameIsRefusedNamingTheSetting() {
		StandardEnvironment environment = environment(Map.of("rotator.credentials.bill.ing.org", "acme"), Map.of());

		assertThatThrownBy(() -> UnboundMapKeys.check(environment, "rotator.credentials", BOUND))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("'rotator.credentials.bill.ing.org'");
	}

	@Test
	void anEnvironmentVariableThatSplitsTheNameIsRefused() {
		StandardEnvironment environment = environment(Map.of(), Map.of("ROTATOR_CREDENTIALS_BILL_ING_ORG", "acme"));

		assertThatThrownBy(() -> UnboundMapKeys.check(environment, "rotator.credentials", BOUND))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("rotator.credentials.bill.ing.org");
	}

	private static StandardEnvironment environment(Map<String, Object> properties, Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
