package io.github.genesysrotator.sandbox.genesys;

import java.net.URLDecoder;
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
 * @param query the raw query string, or {@code null}
 */
record SimRequest(String method, String path, Map<String, String> headers, byte[] body, String correlationId,
		String query) {

	/** A query parameter's first value, decoded; {@code null} when absent. */
	String queryParameter(String name) {
		if (this.query == null || this.query.isEmpty()) {
			return null;
		}
		for (String pair : this.query.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
				return (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
