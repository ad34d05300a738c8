package io.github.genesysrotator.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.genesysrotator.deploy.Repository.CHART;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's README.md is the one {@link ChartReadme} generates from values.yaml, and
 * every value a user sets is documented there.
 */
class ChartReadmeTests {

	private static final Path README = CHART.resolve("README.md");

	private static final Path VALUES = CHART.resolve("values.yaml");

	private static final String VALUES_HEADING = "\n## Values\n";

	@Test
	void readmeIsGeneratedFromTheCurrentValues() throws IOException {
		String current = Repository.read(README);
		String header = current.substring(0, current.indexOf(VALUES_HEADING));
		String generated = ChartReadme.render(header, Repository.read(VALUES));
		if (Boolean.getBoolean("chart.readme.write")) {
			Files.writeString(README, generated, StandardCharsets.UTF_8);
		}
		assertThat(current)
			.as("helm/genesys-secret-rotator/README.md is stale: run ChartReadmeTests with"
					+ " -Dchart.readme.write=true")
			.isEqualTo(generated);
	}

	@Test
	void everyLeafValueIsDocumented() {
		List<String> documented = ChartReadme.values(Repository.read(VALUES))
			.stream()
			.map(ChartReadme.Value::key)
			.toList();
		List<String> leaves = new ArrayList<>();
		collectLeaves("", Repository.loadYaml(VALUES), leaves);
		assertThat(leaves).isNotEmpty()
			.allSatisfy((leaf) -> assertThat(documented).as("a # -- comment on " + leaf)
				.anyMatch((key) -> leaf.equals(key) || leaf.startsWith(key + ".")));
	}

	@Test
	void documentedValuesCarryTheirDefaults() {
		ChartReadme.Value replicas = ChartReadme.values(Repository.read(VALUES))
			.stream()
			.filter((value) -> value.key().equals("replicaCount"))
			.findFirst()
			.orElseThrow();
		assertThat(replicas.type()).isEqualTo("int");
		assertThat(replicas.defaultValue()).isEqualTo("2");
		assertThat(replicas.description()).startsWith("Number of rotator replicas.");
	}

	private static void collectLeaves(String prefix, Map<String, Object> tree, List<String> leaves) {
		tree.forEach((key, value) -> {
			String path = prefix.isEmpty() ? key : prefix + "." + key;
			if (value instanceof Map<?, ?> map && !map.isEmpty()) {
				@SuppressWarnings("unchecked")
				Map<String, Object> child = (Map<String, Object>) map;
				collectLeaves(path, child, leaves);
			}
			else {
				leaves.add(path);
			}
		});
	}

}
