package io.github.genesysrotator.sandbox.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A bare java.net.http client for asserting Vault's wire format, independent of Spring.
 */
final class RawVault {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI base;

	private final Duration timeout;

	RawVault(URI base) {
		this(base, Duration.ofSeconds(10));
	}

	RawVault(URI base, Duration timeout) {
		this.base = base;
		this.timeout = timeout;
	}

	Response get(String path, String token) {
		return send("GET", path, token, null, null);
	}

	Response post(String path, String token, Object body) {
		return send("POST", path, token, body, "application/json");
	}

	Response send(String method, String path, String token, Object body, String contentType) {
		return send(this.base.resolve("/v1/" + path), method, token, body, contentType);
	}

	/**
	 * For the simulator's admin routes: {@code route} is resolved against the base URI.
	 */
	int sendAbsolute(String method, String route, Object body) {
		return send(this.base.resolve(route), method, null, body, "application/json").status();
	}

	private Response send(URI uri, String method, String token, Object body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(json(body))
					: HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("X-Vault-Token", token);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> data(Map<String, ?> data) {
		return Map.of("data", data);
	}

	static Map<String, Object> data(Map<String, ?> data, int cas) {
		return Map.of("data", data, "options", Map.of("cas", cas));
	}

	private static String json(Object body) {
		return (body instanceof String text) ? text : Envelopes.MAPPER.writeValueAsString(body);
	}

	/**
	 * A raw response.
	 *
	 * @param status the status
	 * @param text the body text
	 * @param contentType the Content-Type header
	 */
	record Response(int status, String text, String contentType) {

		JsonNode json() {
			return Envelopes.MAPPER.readTree(this.text);
		}

		String firstError() {
			return json().path("errors").path(0).asString();
		}

	}

}
