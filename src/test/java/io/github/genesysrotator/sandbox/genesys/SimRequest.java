package io.github.genesysrotator.sandbox.genesys;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
 * @param query the raw query string; {@code null} or empty if none
 */
record SimRequest(String method, String path, Map<String, String> headers, byte[] body, String correlationId,
		String query) {

	/** The query parameters, first value of each, URL-decoded. */
	Map<String, String> queryParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (this.query == null) {
			return parameters;
		}
		for (String pair : this.query.split("&")) {
			int equals = pair.indexOf('=');
			if (!pair.isEmpty()) {
				parameters.putIfAbsent(decode((equals < 0) ? pair : pair.substring(0, equals)),
						(equals < 0) ? "" : decode(pair.substring(equals + 1)));
			}
		}
		return parameters;
	}

	/** A query parameter's first value, decoded; {@code null} when absent. */
	String queryParameter(String name) {
		return queryParameters().get(name);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
