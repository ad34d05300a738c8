package io.github.genesysrotator.oneshot;

import io.github.genesysrotator.rotation.RotationService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The one-shot runner, present only when {@code rotator.oneshot} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(OneShotMode.CREDENTIAL)
class OneShotConfiguration {

	@Bean
	OneShotRunner oneShotRunner(RotationService rotations, Environment environment, JsonMapper json) {
		return new OneShotRunner(rotations, environment, json, System.out);
	}

}
