package io.github.genesysrotator.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/sandbox/rotator.yml}, the configuration of the packaged jar on the
 * simulators started on their own, configures the same demo world as
 * {@code ./mvnw spring-boot:test-run}: every {@code rotator.*} setting of the sandbox's
 * service configuration, with the same value, except the simulators' addresses (the
 * recipe's are the default ports).
 */
class SandboxRecipeTests {

	private static final Path RECIPE = Path.of(System.getProperty("basedir", "")).resolve("deploy/sandbox/rotator.yml");

	@RegisterExtension
	static final FreshSandbox sandbox = new FreshSandbox();

	@Test
	void theJarRecipeConfiguresEveryCredentialAndSettingOfTheSandbox() {
		Properties recipe = recipe();
		Map<String, Object> service = sandbox.get().serviceProperties();

		assertThat(service).isNotEmpty().allSatisfy((key, value) -> {
			if (key.startsWith("rotator.") && !key.endsWith("-base-url")) {
				assertThat(recipeValue(recipe, key)).as(key).isEqualTo(value.toString());
			}
		});
		assertThat(service.keySet())
			.contains("rotator.credentials." + Sandbox.DATA_ACTIONS + ".integration-credentials");
	}

	@Test
	void theJarRecipeConfiguresNothingTheSandboxDoesNot() {
		Map<String, Object> service = sandbox.get().serviceProperties();

		assertThat(recipe().stringPropertyNames()).filteredOn((key) -> key.startsWith("rotator."))
			.allSatisfy((key) -> assertThat(service).as(key).containsKey(key.replaceFirst("\\[\\d+]$", "")));
	}

	/**
	 * A list in YAML is {@code key[0]}, {@code key[1]}...; the sandbox joins it with
	 * commas.
	 */
	private static String recipeValue(Properties recipe, String key) {
		if (recipe.containsKey(key)) {
			return recipe.getProperty(key);
		}
		List<String> items = recipe.stringPropertyNames()
			.stream()
			.filter((name) -> name.matches(Pattern.quote(key) + "\\[\\d+]"))
			.sorted()
			.map(recipe::getProperty)
			.toList();
		return items.isEmpty() ? null : String.join(",", items);
	}

	private static Properties recipe() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new FileSystemResource(RECIPE));
		return yaml.getObject();
	}

}
