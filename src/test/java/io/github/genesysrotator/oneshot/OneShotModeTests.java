package io.github.genesysrotator.oneshot;

import io.github.genesysrotator.rotation.RotationService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class OneShotModeTests {

	private final OneShotMode mode = new OneShotMode();

	@Test
	void turnsOffTheWebServerAndTheScheduler() {
		MockEnvironment environment = new MockEnvironment().withProperty("rotator.oneshot", "billing-bot")
			.withProperty("spring.main.web-application-type", "servlet")
			.withProperty("rotator.schedule.enabled", "true");
		this.mode.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("rotator.schedule.enabled")).isEqualTo("false");
	}

	@Test
	void leavesTheServiceAloneOtherwise() {
		MockEnvironment environment = new MockEnvironment().withProperty("rotator.oneshot-mode", "compromise");
		this.mode.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(OneShotMode.PROPERTY_SOURCE)).isFalse();
		assertThat(OneShotMode.requested(environment)).isFalse();
		assertThat(OneShotMode.requested(new MockEnvironment().withProperty("rotator.oneshot", " "))).isFalse();
	}

	@Test
	void startsWithoutWebServerWhenAskedOnTheCommandLine() {
		SpringApplication application = new SpringApplication(Empty.class);
		try (ConfigurableApplicationContext context = application.run("--rotator.oneshot=billing-bot",
				"--server.port=0")) {
			assertThat(context).isNotInstanceOf(WebApplicationContext.class);
			assertThat(context.getEnvironment().getProperty("rotator.schedule.enabled")).isEqualTo("false");
		}
	}

	@Test
	void runnerExistsOnlyInOneShotMode() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.withUserConfiguration(OneShotConfiguration.class)
			.withBean(RotationService.class, () -> mock(RotationService.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean(OneShotRunner.class));
		runner.withPropertyValues("rotator.oneshot=billing-bot")
			.run((context) -> assertThat(context).hasSingleBean(OneShotRunner.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
