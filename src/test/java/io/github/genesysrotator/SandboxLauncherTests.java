package io.github.genesysrotator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw spring-boot:test-run} (the README's demo command) picks the main class of
 * the test classpath by itself and refuses to start when it finds two.
 */
class SandboxLauncherTests {

	@Test
	void theSandboxLauncherIsTheOnlyMainClassOfTheTestSources() throws IOException {
		try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
			List<String> mains = sources.filter((path) -> path.toString().endsWith(".java"))
				.filter(SandboxLauncherTests::declaresMain)
				.map((path) -> path.getFileName().toString())
				.toList();
			assertThat(mains).containsExactly("TestGenesysSecretRotatorApplication.java");
		}
	}

	private static boolean declaresMain(Path source) {
		try {
			// Split so that this file does not match itself.
			return Files.readString(source).contains("public static void " + "main(String[] args)");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
