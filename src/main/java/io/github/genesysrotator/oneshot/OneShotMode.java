package io.github.genesysrotator.oneshot;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Switches the application into one-shot mode when {@code rotator.oneshot} names a
 * credential: no web server (so no API and no management port) and no scheduler; the
 * {@link OneShotRunner} does the one rotation. Runs after the configuration files are
 * loaded, so the switch works from the command line, the environment or a file.
 */
public class OneShotMode implements EnvironmentPostProcessor, Ordered {

	/** The credential to rotate. */
	public static final String CREDENTIAL = "rotator.oneshot";

	/** {@code routine} (default) or {@code compromise}. */
	public static final String MODE = "rotator.oneshot-mode";

	/** {@code true} runs acquire and preflight only. */
	public static final String DRY_RUN = "rotator.oneshot-dry-run";

	static final String PROPERTY_SOURCE = "rotatorOneShot";

	/** Whether the environment asks for one-shot mode. */
	public static boolean requested(Environment environment) {
		// Read directly: the mode is chosen before the properties are bound.
		return StringUtils.hasText(environment.getProperty(CREDENTIAL));
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (requested(environment)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("spring.main.web-application-type", "none",
						"rotator.schedule.enabled", "false", "spring.main.banner-mode", "off")));
		}
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
