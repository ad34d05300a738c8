package io.github.genesysrotator.sandbox.vault;

import java.util.List;
import java.util.Set;

import io.github.genesysrotator.sandbox.vault.SimRequest.Operation;

/**
 * Routes a path inside a KV v2 mount the way the plugin's path patterns do, and names the
 * ACL capability each request needs.
 */
final class KvRoutes {

	private static final Set<String> ROOTS = Set.of("data", "metadata", "delete", "undelete", "destroy");

	private static final String ROOT_WARNING = "Non-listing operations on the root of a K/V v2 mount are not supported.";

	private KvRoutes() {
	}

	/** The capability Vault checks; writes are create or update by key existence. */
	static String requiredCapability(KvMount mount, SimRequest request, String rest) {
		return switch (request.operation()) {
			case READ, HEAD -> "read";
			case LIST -> "list";
			case DELETE -> "delete";
			case PATCH -> "patch";
			case CREATE_OR_UPDATE -> {
				String key = keyAfter(rest);
				boolean existenceChecked = rest.startsWith("data/") || rest.startsWith("metadata/");
				yield (existenceChecked && key != null && !mount.exists(key)) ? "create" : "update";
			}
		};
	}

	static SimResponse handle(KvMount mount, SimRequest request, String rest) {
		Operation operation = request.operation();
		if (operation == Operation.LIST) {
			return list(mount, request, rest);
		}
		if (rest.equals("config")) {
			return config(mount, request);
		}
		String root = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
		String key = keyAfter(rest);
		if (ROOTS.contains(root) && (key == null || key.isEmpty())) {
			return warning(ROOT_WARNING);
		}
		if (key == null || key.endsWith("/")) {
			return invalidPath(operation);
		}
		return switch (root) {
			case "data" -> data(mount, request, key);
			case "metadata" -> metadata(mount, request, key);
			case "delete" -> versions(request, () -> mount.deleteVersions(key, request.body()));
			case "undelete" -> versions(request, () -> mount.undeleteVersions(key, request.body()));
			case "destroy" -> versions(request, () -> mount.destroyVersions(key, request.body()));
			default -> invalidPath(operation);
		};
	}

	private static SimResponse data(KvMount mount, SimRequest request, String key) {
		return switch (request.operation()) {
			case READ, HEAD -> mount.readData(key, request.queryParam("version"));
			case CREATE_OR_UPDATE -> mount.writeData(key, request.body());
			case PATCH -> mount.patchData(key, request.body());
			case DELETE -> mount.deleteLatest(key);
			default -> throw VaultError.unsupportedOperation();
		};
	}

	private static SimResponse metadata(KvMount mount, SimRequest request, String key) {
		return switch (request.operation()) {
			case READ, HEAD -> mount.readMetadata(key);
			case CREATE_OR_UPDATE -> mount.writeMetadata(key, request.body());
			case PATCH -> mount.patchMetadata(key, request.body());
			case DELETE -> mount.deleteMetadata(key);
			default -> throw VaultError.unsupportedOperation();
		};
	}

	private static SimResponse versions(SimRequest request, java.util.function.Supplier<SimResponse> action) {
		if (request.operation() != Operation.CREATE_OR_UPDATE) {
			throw VaultError.unsupportedOperation();
		}
		return action.get();
	}

	private static SimResponse list(KvMount mount, SimRequest request, String rest) {
		if (!rest.equals("metadata") && !rest.startsWith("metadata/")) {
			return invalidPath(Operation.LIST);
		}
		String directory = rest.equals("metadata") ? "" : rest.substring("metadata/".length());
		return mount.list(directory, "true".equalsIgnoreCase(request.queryParam("exclude_deleted")));
	}

	private static SimResponse config(KvMount mount, SimRequest request) {
		return switch (request.operation()) {
			case READ, HEAD -> mount.readConfig();
			case CREATE_OR_UPDATE -> mount.writeConfig(request.body());
			default -> throw VaultError.unsupportedOperation();
		};
	}

	private static String keyAfter(String rest) {
		int slash = rest.indexOf('/');
		return (slash >= 0) ? rest.substring(slash + 1) : null;
	}

	private static SimResponse invalidPath(Operation operation) {
		return warning("Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API "
				+ "endpoints to use. If using the Vault CLI, use 'vault kv " + operation.cliVerb()
				+ "' for this operation.");
	}

	private static SimResponse warning(String warning) {
		return SimResponse.json(404, Envelopes.envelope(null, List.of(warning), null, "kv"));
	}

}
