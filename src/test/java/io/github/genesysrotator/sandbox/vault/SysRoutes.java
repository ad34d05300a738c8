package io.github.genesysrotator.sandbox.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.genesysrotator.sandbox.vault.SimRequest.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The authenticated {@code sys/} endpoints: capabilities, mounts, policies. */
final class SysRoutes {

	private static final String UI_MOUNTS = "sys/internal/ui/mounts/";

	private static final String POLICIES = "sys/policies/acl/";

	private final Map<String, KvMount> mounts;

	private final Map<String, VaultPolicy> policies;

	private final Function<SimToken, List<VaultPolicy>> policiesOf;

	SysRoutes(Map<String, KvMount> mounts, Map<String, VaultPolicy> policies,
			Function<SimToken, List<VaultPolicy>> policiesOf) {
		this.mounts = mounts;
		this.policies = policies;
		this.policiesOf = policiesOf;
	}

	/** Endpoints any valid token may call; null when the path is not one of them. */
	SimResponse selfService(SimRequest request, SimToken token) {
		if (request.path().equals("sys/capabilities-self")) {
			return capabilitiesSelf(request, token);
		}
		if (request.path().startsWith(UI_MOUNTS)) {
			return uiMount(request.path().substring(UI_MOUNTS.length()), token);
		}
		return null;
	}

	/** Privileged endpoints (root, or sudo by policy); null when not one of them. */
	SimResponse privileged(SimRequest request) {
		if (request.path().equals("sys/mounts") && request.operation() == Operation.READ) {
			return mountsList();
		}
		if (request.path().startsWith(POLICIES)) {
			return policy(request, request.path().substring(POLICIES.length()));
		}
		return null;
	}

	CapabilityList capabilitiesOn(SimToken token, String path) {
		if (token.isRoot()) {
			return new CapabilityList(List.of("root"));
		}
		TreeSet<String> granted = new TreeSet<>(VaultPolicy.capabilities(this.policiesOf.apply(token), path));
		return new CapabilityList(granted.isEmpty() ? List.of("deny") : List.copyOf(granted));
	}

	private SimResponse capabilitiesSelf(SimRequest request, SimToken token) {
		List<String> paths = new ArrayList<>();
		JsonNode pathsNode = request.hasBodyField("paths") ? request.bodyField("paths") : request.bodyField("path");
		if (pathsNode != null && pathsNode.isArray()) {
			pathsNode.forEach((path) -> paths.add(path.asString()));
		}
		else if (pathsNode != null && pathsNode.isString()) {
			paths.add(pathsNode.asString());
		}
		if (paths.isEmpty()) {
			throw VaultError.badRequest("missing paths");
		}
		ObjectNode data = Envelopes.object();
		for (String path : paths) {
			addStrings(data.putArray(path), capabilitiesOn(token, path).values());
		}
		if (paths.size() == 1) {
			addStrings(data.putArray("capabilities"), capabilitiesOn(token, paths.get(0)).values());
		}
		return sysResponse(data);
	}

	private SimResponse uiMount(String path, SimToken token) {
		String withSlash = path.endsWith("/") ? path : path + "/";
		KvMount mount = this.mounts.values()
			.stream()
			.filter((candidate) -> withSlash.startsWith(candidate.path()))
			.findFirst()
			.orElse(null);
		if (mount == null
				|| !(token.isRoot() || VaultPolicy.anyRuleUnder(this.policiesOf.apply(token), mount.path()))) {
			throw VaultError.of(403,
					"preflight capability check returned 403, please ensure client's policies grant access to path \""
							+ withSlash + "\"");
		}
		return SimResponse.json(200, Envelopes.envelope(mountInfo(mount, true), null, null, ""));
	}

	private SimResponse mountsList() {
		ObjectNode data = Envelopes.object();
		this.mounts.values().forEach((mount) -> data.set(mount.path(), mountInfo(mount, false)));
		return sysResponse(data);
	}

	private SimResponse policy(SimRequest request, String name) {
		return switch (request.operation()) {
			case READ -> {
				VaultPolicy policy = this.policies.get(name);
				if (policy == null) {
					throw VaultError.notFound();
				}
				ObjectNode data = Envelopes.object();
				data.put("name", name);
				data.put("policy", policy.toJson());
				yield sysResponse(data);
			}
			case CREATE_OR_UPDATE -> {
				JsonNode text = request.bodyField("policy");
				if (text == null || text.asString().isBlank()) {
					throw VaultError.badRequest("'policy' parameter not supplied or empty");
				}
				this.policies.put(name, VaultPolicy.parse(name, text.asString()));
				yield SimResponse.noContent();
			}
			case DELETE -> {
				this.policies.remove(name);
				yield SimResponse.noContent();
			}
			default -> throw VaultError.unsupportedOperation();
		};
	}

	private static ObjectNode mountInfo(KvMount mount, boolean withPath) {
		ObjectNode info = Envelopes.object();
		if (withPath) {
			info.put("path", mount.path());
		}
		info.put("type", "kv");
		info.put("description", "key/value secret storage");
		info.put("accessor", mount.accessor());
		ObjectNode config = info.putObject("config");
		config.put("default_lease_ttl", 0);
		config.put("force_no_cache", false);
		config.put("max_lease_ttl", 0);
		info.putObject("options").put("version", "2");
		info.put("local", false);
		info.put("seal_wrap", false);
		info.put("external_entropy_access", false);
		info.put("uuid", mount.uuid());
		info.put("plugin_version", "");
		info.put("running_plugin_version", "v0.25.0+builtin");
		info.put("running_sha256", "");
		return info;
	}

	/**
	 * sys responses carry the data both under "data" and at the top level
	 * (HTTPSysInjector).
	 */
	private static SimResponse sysResponse(ObjectNode data) {
		ObjectNode envelope = Envelopes.envelope(data, null, null, "system");
		data.properties().forEach((entry) -> envelope.set(entry.getKey(), entry.getValue().deepCopy()));
		return SimResponse.json(200, envelope);
	}

	private static void addStrings(ArrayNode array, List<String> values) {
		values.forEach(array::add);
	}

	/** A capability list as Vault prints it (sorted, or {@code root}/{@code deny}). */
	record CapabilityList(List<String> values) {
	}

}
