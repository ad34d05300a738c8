package io.github.genesysrotator.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static io.github.genesysrotator.deploy.Repository.CHART;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vault policy shipped with the chart grants exactly what the rotator needs (the
 * Vault layout of {@code docs/architecture.md}): create/read/update on data, read/update
 * on metadata (and patch for the ownership mark on consumer paths), never delete, destroy
 * or list, plus {@code sys/capabilities-self}.
 */
class VaultPolicyTests {

	private static final Pattern PATH_BLOCK = Pattern
		.compile("path\\s+\"([^\"]+)\"\\s*\\{\\s*capabilities\\s*=\\s*\\[([^]]*)]\\s*}");

	private final Map<String, List<String>> policy = parse(
			Repository.read(CHART.resolve("files/vault/rotator-policy.hcl")));

	@Test
	void grantsCreateReadUpdateOnConsumerAndStateData() {
		assertThat(this.policy).containsEntry("secret/data/genesys/*", List.of("create", "read", "update"))
			.containsEntry("secret/data/genesys-rotator/state/*", List.of("create", "read", "update"));
	}

	@Test
	void grantsReadUpdateOnMetadataAndPatchOnConsumerMetadata() {
		assertThat(this.policy).containsEntry("secret/metadata/genesys/*", List.of("read", "update", "patch"))
			.containsEntry("secret/metadata/genesys-rotator/state/*", List.of("read", "update"));
	}

	@Test
	void grantsCapabilitiesSelfForThePreflight() {
		assertThat(this.policy).containsEntry("sys/capabilities-self", List.of("update"));
	}

	@Test
	void neverGrantsDestructiveOrListingCapabilities() {
		assertThat(this.policy.values()).allSatisfy(
				(capabilities) -> assertThat(capabilities).doesNotContain("delete", "destroy", "list", "sudo", "deny"));
		assertThat(this.policy).hasSize(5);
	}

	@Test
	void matchesTheChartDefaults() {
		Map<String, Object> values = Repository.loadYaml(CHART.resolve("values.yaml"));
		String kvMount = Repository.at(values, "config", "vault", "kv-mount");
		String statePrefix = Repository.at(values, "config", "vault", "state-prefix");
		assertThat(this.policy).containsKey(kvMount + "/data/" + statePrefix + "/*");
	}

	private static Map<String, List<String>> parse(String hcl) {
		Map<String, List<String>> paths = new LinkedHashMap<>();
		Matcher matcher = PATH_BLOCK.matcher(hcl.replaceAll("(?m)#.*$", ""));
		while (matcher.find()) {
			List<String> capabilities = List.of(matcher.group(2).replace("\"", "").split("\\s*,\\s*"))
				.stream()
				.map(String::strip)
				.toList();
			paths.put(matcher.group(1), capabilities);
		}
		return paths;
	}

}
