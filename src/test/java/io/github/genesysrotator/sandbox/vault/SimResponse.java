package io.github.genesysrotator.sandbox.vault;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A response ready to send: a status and a JSON body, or no body at all.
 *
 * @param status the HTTP status
 * @param body the JSON body or {@code null} for none
 */
record SimResponse(int status, JsonNode body) {

	static SimResponse json(int status, JsonNode body) {
		return new SimResponse(status, body);
	}

	/** 200 with the standard envelope around {@code data}. */
	static SimResponse ok(JsonNode data) {
		return json(200, Envelopes.envelope(data, null, null, "kv"));
	}

	static SimResponse noContent() {
		return new SimResponse(204, null);
	}

	/** 204, or 200 with an envelope when there are warnings (Vault's respondOk). */
	static SimResponse noContentOrWarnings(List<String> warnings) {
		if (warnings.isEmpty()) {
			return noContent();
		}
		return json(200, Envelopes.envelope(null, warnings, null, "kv"));
	}

	static SimResponse error(VaultError error) {
		if (error.emptyBody()) {
			return new SimResponse(error.status(), null);
		}
		ObjectNode body = Envelopes.MAPPER.createObjectNode();
		ArrayNode errors = body.putArray("errors");
		error.errors().forEach(errors::add);
		return json(error.status(), body);
	}

}
