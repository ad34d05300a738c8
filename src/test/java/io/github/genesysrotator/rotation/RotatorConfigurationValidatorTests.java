package io.github.genesysrotator.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalid {@code rotator.*} settings stop startup with a message naming the property. */
class RotatorConfigurationValidatorTests {

	private static final String A = "11111111-1111-4111-8111-111111111111";

	private static final String B = "22222222-2222-4222-8222-222222222222";

	private static final String C = "33333333-3333-4333-8333-333333333333";

	private static final List<String> VALID = List.of("rotator.orgs.acme.region=us_east_1",
			"rotator.orgs.acme.admin-vault-path=genesys/admin", "rotator.credentials.billing.org=acme",
			"rotator.credentials.billing.client-ids=" + A + "," + B,
			"rotator.credentials.billing.vault-path=genesys/billing", "rotator.credentials.report.org=acme",
			"rotator.credentials.report.strategy=single", "rotator.credentials.report.client-ids=" + C,
			"rotator.credentials.report.vault-path=genesys/report");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ValidatorConfiguration.class);

	@Test
	void validConfigurationStarts() {
		this.runner.withPropertyValues(VALID.toArray(String[]::new))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSettings")
	void invalidSettingStopsStartupNamingTheProperty(String property, List<String> overrides) {
		List<String> settings = new ArrayList<>(VALID);
		settings.addAll(overrides);
		this.runner.withPropertyValues(settings.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationException.class)
				.hasMessageContaining("'" + property + "'");
		});
	}

	static Stream<Arguments> invalidSettings() {
		return Stream.of(
				Arguments.of("rotator.credentials.billing.org", List.of("rotator.credentials.billing.org=nowhere")),
				Arguments.of("rotator.credentials.billing.client-ids",
						List.of("rotator.credentials.billing.client-ids=" + A)),
				Arguments.of("rotator.credentials.billing.client-ids",
						List.of("rotator.credentials.billing.client-ids=" + A + "," + A)),
				Arguments.of("rotator.credentials.report.client-ids",
						List.of("rotator.credentials.report.client-ids=" + B)),
				Arguments.of("rotator.credentials.billing.grace-period",
						List.of("rotator.credentials.billing.grace-period=31d")),
				Arguments.of("rotator.credentials.billing.window",
						List.of("rotator.credentials.billing.window=every tuesday")),
				Arguments.of("rotator.credentials.billing.vault-path",
						List.of("rotator.credentials.billing.vault-path=../etc")),
				Arguments.of("rotator.credentials.billing.vault-path",
						List.of("rotator.credentials.billing.vault-path=")),
				Arguments.of("rotator.credentials.billing.integration-credentials[0]",
						List.of("rotator.credentials.billing.integration-credentials=not/an-id")),
				Arguments.of("rotator.credentials.report.integration-credentials",
						List.of("rotator.credentials.billing.integration-credentials=" + A,
								"rotator.credentials.report.integration-credentials=" + A)),
				Arguments.of("rotator.credentials.billing.vault-path",
						List.of("rotator.credentials.billing.vault-path=",
								"rotator.credentials.billing.integration-credentials=" + A,
								"rotator.orgs.acme.admin-vault-path=", "rotator.orgs.acme.admin-credential=billing")),
				Arguments.of("rotator.schedule.poll", List.of("rotator.schedule.poll=*/5 * *")),
				Arguments.of("rotator.orgs.acme.admin-credential",
						List.of("rotator.orgs.acme.admin-credential=billing")),
				Arguments.of("rotator.credentials.report.strategy",
						List.of("rotator.orgs.acme.admin-vault-path=", "rotator.orgs.acme.admin-credential=report")),
				Arguments.of("rotator.rotation.verify-timeout", List.of("rotator.rotation.verify-timeout=5m")),
				Arguments.of("rotator.credentials.report.usage-check",
						List.of("rotator.credentials.report.usage-check=warn")),
				Arguments.of("rotator.rotation.usage-timeout", List.of("rotator.rotation.usage-timeout=0s")));
	}

	@Test
	void integrationCredentialsAloneAreATarget() {
		List<String> settings = new ArrayList<>(VALID);
		settings.addAll(List.of("rotator.credentials.billing.vault-path=",
				"rotator.credentials.billing.integration-credentials=" + A));
		this.runner.withPropertyValues(settings.toArray(String[]::new))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unsafeSingleSelfRotationIsAllowedOnlyWhenAskedFor() {
		List<String> settings = new ArrayList<>(VALID);
		settings.addAll(List.of("rotator.orgs.acme.admin-vault-path=", "rotator.orgs.acme.admin-credential=report",
				"rotator.credentials.report.allow-unsafe-self-rotation=true"));
		this.runner.withPropertyValues(settings.toArray(String[]::new))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failureAnalysisNamesThePropertyAndTheFix() {
		var analysis = new InvalidConfigurationFailureAnalyzer()
			.analyze(new InvalidConfigurationException("rotator.x", "broken"));
		assertThat(analysis.getDescription()).contains("rotator.x").contains("broken");
		assertThat(analysis.getAction()).contains("rotator.x");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RotatorProperties.class)
	@Import(RotatorConfigurationValidator.class)
	static class ValidatorConfiguration {

	}

}
