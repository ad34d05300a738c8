package io.github.genesysrotator.web;

import io.github.genesysrotator.rotation.RotatorPropertiesConfiguration;
import io.github.genesysrotator.web.ApiSecurityProperties.Role;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class ApiSecurityPropertiesTests {

	static final String HASH = "8ed7a3cb498a69b97157eb5c685b8831eabdc118fce9a4c75425920ab3ddf6e0";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void bindsTokensAndDefaults() {
		this.runner
			.withPropertyValues("rotator.security.api-tokens[0].name=ci",
					"rotator.security.api-tokens[0].sha256=" + HASH, "rotator.security.api-tokens[0].roles=read,rotate")
			.run((context) -> {
				ApiSecurityProperties properties = context.getBean(ApiSecurityProperties.class);
				assertThat(properties.apiTokens()).singleElement()
					.satisfies((token) -> assertThat(token.roles()).containsExactlyInAnyOrder(Role.READ, Role.ROTATE));
				assertThat(properties.jwt().enabled()).isFalse();
				assertThat(properties.jwt().rolesClaim()).isEqualTo("roles");
			});
	}

	@Test
	void noTokensIsAllowed() {
		this.runner.run((context) -> assertThat(context.getBean(ApiSecurityProperties.class).apiTokens()).isEmpty());
	}

	@Test
	void hashOfWrongLengthNamesTheProperty() {
		this.runner
			.withPropertyValues("rotator.security.api-tokens[0].name=ci",
					"rotator.security.api-tokens[0].sha256=" + HASH.substring(2),
					"rotator.security.api-tokens[0].roles=read")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("rotator.security")
				.hasMessageContaining("apiTokens[0].sha256")
				.hasMessageContaining("SHA-256"));
	}

	@Test
	void hashThatIsNotHexNamesTheProperty() {
		this.runner.withPropertyValues("rotator.security.api-tokens[0].name=ci",
				"rotator.security.api-tokens[0].sha256=" + "z".repeat(64), "rotator.security.api-tokens[0].roles=read")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("rotator.security")
				.hasMessageContaining("apiTokens[0].sha256"));
	}

	@Test
	void unknownRoleNamesTheProperty() {
		this.runner
			.withPropertyValues("rotator.security.api-tokens[0].name=ci",
					"rotator.security.api-tokens[0].sha256=" + HASH, "rotator.security.api-tokens[0].roles=read,admin")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("rotator.security.api-tokens[0].roles")
				.hasStackTraceContaining("admin"));
	}

	@Test
	void tokenWithoutRolesNamesTheProperty() {
		this.runner
			.withPropertyValues("rotator.security.api-tokens[0].name=ci",
					"rotator.security.api-tokens[0].sha256=" + HASH)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("rotator.security")
				.hasMessageContaining("apiTokens[0].roles"));
	}

	@Test
	void duplicateNamesAndHashesNameTheProperty() {
		this.runner
			.withPropertyValues("rotator.security.api-tokens[0].name=ci",
					"rotator.security.api-tokens[0].sha256=" + HASH, "rotator.security.api-tokens[0].roles=read",
					"rotator.security.api-tokens[1].name=ci", "rotator.security.api-tokens[1].sha256=" + "0".repeat(64),
					"rotator.security.api-tokens[1].roles=read")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("rotator.security.api-tokens[1].name"));
		this.runner
			.withPropertyValues("rotator.security.api-tokens[0].name=ci",
					"rotator.security.api-tokens[0].sha256=" + HASH, "rotator.security.api-tokens[0].roles=read",
					"rotator.security.api-tokens[1].name=other",
					"rotator.security.api-tokens[1].sha256=" + HASH.toUpperCase(java.util.Locale.ROOT),
					"rotator.security.api-tokens[1].roles=rotate")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("rotator.security.api-tokens[1].sha256"));
	}

	@Test
	void jwtIsEnabledByIssuer() {
		this.runner
			.withPropertyValues("rotator.security.jwt.issuer-uri=https://idp.example.com/realms/ops",
					"rotator.security.jwt.roles-claim=rotator_roles")
			.run((context) -> {
				ApiSecurityProperties properties = context.getBean(ApiSecurityProperties.class);
				assertThat(properties.jwt().enabled()).isTrue();
				assertThat(properties.jwt().rolesClaim()).isEqualTo("rotator_roles");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@Import(RotatorPropertiesConfiguration.class)
	static class PropertiesConfiguration {

	}

}
