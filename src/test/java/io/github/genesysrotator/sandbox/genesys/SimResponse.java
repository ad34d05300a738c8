package io.github.genesysrotator.sandbox.genesys;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A computed response, sent by {@link GenesysSimulator} after faults are applied.
 *
 * @param status the HTTP status
 * @param headers response headers (besides correlation id and content type)
 * @param body the JSON body, or {@code null} for none
 */
record SimResponse(int status, Map<String, String> headers, JsonNode body) {

	static SimResponse json(int status, JsonNode body) {
		return new SimResponse(status, new LinkedHashMap<>(), body);
	}

	static SimResponse empty(int status) {
		return new SimResponse(status, new LinkedHashMap<>(), null);
	}

	SimResponse header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	SimResponse headers(Map<String, String> extra) {
		this.headers.putAll(extra);
		return this;
	}

}
