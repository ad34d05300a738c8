package io.github.genesysrotator.sandbox.genesys;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the endpoint classes see it, free of Netty types.
 *
 * @param method the HTTP method
 * @param path the path without query string
 * @param headers first value of each header, keyed by lower-case name
 * @param body the raw body (empty if none)
 * @param correlationId the id sent back as {@code ININ-Correlation-Id} and
 * {@code contextId}
 */
record SimRequest(String method, String path, Map<String, String> headers, byte[] body, String correlationId) {

	String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
