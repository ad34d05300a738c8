package io.github.genesysrotator.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityConfigurationTests {

	@Test
	void staysOutOfNonWebContexts() {
		// One-shot mode runs without a web server and so without HttpSecurity.
		new ApplicationContextRunner().withUserConfiguration(SecurityConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SecurityFilterChain.class));
	}

}
