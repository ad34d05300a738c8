package io.github.genesysrotator.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.github.genesysrotator.sandbox.Sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The two applications the footprint benchmark starts: {@code rotator} (the service) and
 * {@code bare} (the same starters and configuration, none of the service's beans).
 * Arguments: which one, then a properties file passed as command-line properties.
 */
public final class FootprintApp {

	private FootprintApp() {
	}

	/**
	 * The flag that selects this child in {@code TestGenesysSecretRotatorApplication}.
	 */
	public static final String FLAG = "--bench-footprint";

	public static void run(String[] args) throws IOException {
		String[] properties = properties(Path.of(args[1]));
		if (args[0].equals("bare")) {
			SpringApplication.run(Bare.class, properties);
			return;
		}
		Sandbox.application().run(properties);
	}

	private static String[] properties(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		return properties.stringPropertyNames()
			.stream()
			.map((key) -> "--" + key + "=" + properties.getProperty(key))
			.toArray(String[]::new);
	}

	/**
	 * Auto-configuration only. Not a {@code @Configuration}, so the service's component
	 * scan never picks it up.
	 */
	@EnableAutoConfiguration
	static class Bare {

	}

}
