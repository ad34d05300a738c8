package io.github.genesysrotator.sandbox.vault;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A request as the router sees it: the Vault operation already derived from the HTTP
 * method, the percent-decoded path relative to {@code /v1/}, and the parsed JSON body.
 *
 * @param operation the Vault logical operation
 * @param method the HTTP method as sent
 * @param path the decoded path after {@code /v1/}, without a leading slash
 * @param query decoded query parameters
 * @param token the client token, or {@code null} if none was sent
 * @param body the JSON body, or {@code null} when empty
 */
record SimRequest(Operation operation, String method, String path, Map<String, List<String>> query, String token,
		JsonNode body) {

	String queryParam(String name) {
		List<String> values = this.query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	boolean hasBodyField(String name) {
		return this.body != null && this.body.has(name);
	}

	JsonNode bodyField(String name) {
		return (this.body != null) ? this.body.get(name) : null;
	}

	/** Vault's logical operations (see {@code http/logical.go}). */
	enum Operation {

		READ, LIST, CREATE_OR_UPDATE, DELETE, PATCH, HEAD;

		/** The verb the KV "invalid path" warning uses for this operation. */
		String cliVerb() {
			return switch (this) {
				case READ, HEAD -> "get";
				case LIST -> "list";
				case CREATE_OR_UPDATE -> "put";
				case DELETE -> "delete";
				case PATCH -> "patch";
			};
		}

	}

}
