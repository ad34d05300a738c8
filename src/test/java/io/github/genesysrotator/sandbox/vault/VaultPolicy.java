package io.github.genesysrotator.sandbox.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * An ACL policy: path patterns to capabilities. Parsed from the HCL subset everyone
 * writes ({@code path "x" { capabilities = [...] }}) or from Vault's JSON policy syntax,
 * so the same text can be sent to a real Vault.
 */
public final class VaultPolicy {

	/** Capabilities Vault knows; {@code deny} wins over everything on the same rule. */
	public static final Set<String> CAPABILITIES = Set.of("create", "read", "update", "patch", "delete", "list", "sudo",
			"deny");

	private static final Pattern HCL_RULE = Pattern
		.compile("path\\s+\"([^\"]*)\"\\s*\\{[^}]*?capabilities\\s*=\\s*\\[([^\\]]*)\\][^}]*}", Pattern.DOTALL);

	private final String name;

	private final Map<String, Set<String>> rules;

	private VaultPolicy(String name, Map<String, Set<String>> rules) {
		this.name = name;
		this.rules = Collections.unmodifiableMap(rules);
	}

	/**
	 * Parse HCL ({@code path "secret/data/app/*" { capabilities = ["read"] }}) or JSON
	 * ({@code {"path":{"secret/data/app/*":{"capabilities":["read"]}}}}).
	 * @param name the policy name
	 * @param text the policy document
	 * @return the policy
	 */
	public static VaultPolicy parse(String name, String text) {
		Map<String, Set<String>> rules = new LinkedHashMap<>();
		if (text.trim().startsWith("{")) {
			JsonNode paths = Envelopes.MAPPER.readTree(text).path("path");
			for (Map.Entry<String, JsonNode> entry : paths.properties()) {
				Set<String> capabilities = new LinkedHashSet<>();
				entry.getValue().path("capabilities").forEach((capability) -> capabilities.add(capability.asString()));
				rules.put(entry.getKey(), validated(capabilities));
			}
		}
		else {
			Matcher matcher = HCL_RULE.matcher(text);
			while (matcher.find()) {
				Set<String> capabilities = new LinkedHashSet<>();
				for (String capability : matcher.group(2).split(",")) {
					String trimmed = capability.trim().replace("\"", "");
					if (!trimmed.isEmpty()) {
						capabilities.add(trimmed);
					}
				}
				rules.put(matcher.group(1), validated(capabilities));
			}
		}
		if (rules.isEmpty()) {
			throw VaultError.badRequest("failed to parse policy: no path rules");
		}
		return new VaultPolicy(name, rules);
	}

	private static Set<String> validated(Set<String> capabilities) {
		for (String capability : capabilities) {
			if (!CAPABILITIES.contains(capability)) {
				throw VaultError.badRequest("failed to parse policy: invalid capability \"" + capability + "\"");
			}
		}
		return capabilities;
	}

	public String name() {
		return this.name;
	}

	public Map<String, Set<String>> rules() {
		return this.rules;
	}

	/** The same policy in Vault's JSON syntax, accepted by {@code sys/policies/acl}. */
	public String toJson() {
		Map<String, Object> paths = new LinkedHashMap<>();
		this.rules.forEach((path, capabilities) -> paths.put(path, Map.of("capabilities", List.copyOf(capabilities))));
		return Envelopes.MAPPER.writeValueAsString(Map.of("path", paths));
	}

	/**
	 * The capabilities several policies grant on a request path. Like Vault's ACL, rules
	 * with the same pattern are merged, then the most specific matching pattern alone
	 * decides; {@code deny} on it empties the set.
	 * @param policies the token's policies
	 * @param path the request path (relative to /v1/)
	 * @return the granted capabilities, empty when none
	 */
	static Set<String> capabilities(List<VaultPolicy> policies, String path) {
		Map<String, Set<String>> merged = new LinkedHashMap<>();
		for (VaultPolicy policy : policies) {
			policy.rules
				.forEach((pattern, caps) -> merged.computeIfAbsent(pattern, (p) -> new LinkedHashSet<>()).addAll(caps));
		}
		List<String> matching = new ArrayList<>();
		merged.keySet().stream().filter((pattern) -> PathGlob.matches(pattern, path)).forEach(matching::add);
		if (matching.isEmpty()) {
			return Set.of();
		}
		matching.sort(PathGlob.MORE_SPECIFIC_FIRST);
		Set<String> granted = merged.get(matching.get(0));
		return granted.contains("deny") ? Set.of() : Set.copyOf(granted);
	}

	/** Whether any rule could grant something under a mount (the UI mounts preflight). */
	static boolean anyRuleUnder(List<VaultPolicy> policies, String mountPath) {
		return policies.stream()
			.flatMap((policy) -> policy.rules.entrySet().stream())
			.anyMatch((rule) -> !rule.getValue().contains("deny") && !rule.getValue().isEmpty()
					&& (rule.getKey().startsWith(mountPath)
							|| mountPath.startsWith(PathGlob.literalPrefix(rule.getKey()))));
	}

}
