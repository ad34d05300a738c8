package io.github.genesysrotator.observability;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.RotatorProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * {@code management.health.<name>.enabled=false} turns each of the rotator's own health
 * indicators off, as it does Boot's.
 */
class HealthIndicatorSwitchTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withBean(OrgCoverage.class, () -> mock(OrgCoverage.class))
		.withBean(RotatorProperties.class, () -> mock(RotatorProperties.class))
		.withBean(CredentialCatalog.class, () -> mock(CredentialCatalog.class))
		.withBean(CredentialStates.class, () -> mock(CredentialStates.class))
		.withUserConfiguration(GenesysHealthIndicator.class, RotationHealthIndicator.class);

	@Test
	void bothIndicatorsRunByDefault() {
		this.contexts.run((context) -> assertThat(context).hasSingleBean(GenesysHealthIndicator.class)
			.hasSingleBean(RotationHealthIndicator.class));
	}

	@Test
	void theGenesysIndicatorCanBeTurnedOffAlone() {
		this.contexts.withPropertyValues("management.health.genesys.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GenesysHealthIndicator.class)
				.hasSingleBean(RotationHealthIndicator.class));
	}

	@Test
	void theRotationIndicatorCanBeTurnedOffAlone() {
		this.contexts.withPropertyValues("management.health.rotation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RotationHealthIndicator.class)
				.hasSingleBean(GenesysHealthIndicator.class));
	}

	@Test
	void theDefaultsSwitchTurnsBothOff() {
		this.contexts.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(GenesysHealthIndicator.class)
				.doesNotHaveBean(RotationHealthIndicator.class));
	}

}
