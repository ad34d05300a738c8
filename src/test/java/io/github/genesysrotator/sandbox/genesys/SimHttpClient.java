package io.github.genesysrotator.sandbox.genesys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to a simulator over real HTTP, as the rotator would, for the contract tests.
 */
final class SimHttpClient {

	static final String FORM = "application/x-www-form-urlencoded";

	private final HttpClient http;

	private final String baseUrl;

	private final Duration requestTimeout;

	SimHttpClient(String baseUrl) {
		this(baseUrl, Duration.ofSeconds(10));
	}

	SimHttpClient(String baseUrl, Duration requestTimeout) {
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		this.baseUrl = baseUrl;
		this.requestTimeout = requestTimeout;
	}

	static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	HttpResponse<String> token(String clientId, String secret) {
		return tokenRaw(basic(clientId, secret), FORM, "grant_type=client_credentials");
	}

	HttpResponse<String> token(SeededClient client) {
		return token(client.id(), client.secret());
	}

	/** A token request with full control; {@code authorization} may be null. */
	HttpResponse<String> tokenRaw(String authorization, String contentType, String body) {
		HttpRequest.Builder request = request("/oauth/token").header("Content-Type", contentType)
			.POST(BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	/** Obtains an access token, failing the test if the simulator refuses. */
	String accessToken(SeededClient client) {
		HttpResponse<String> response = token(client);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("access_token").stringValue();
	}

	HttpResponse<String> get(String path, String accessToken) {
		return send(authorized(path, accessToken).GET().build());
	}

	HttpResponse<String> post(String path, String accessToken, String json) {
		HttpRequest.BodyPublisher body = (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody();
		return send(authorized(path, accessToken).header("Content-Type", "application/json").POST(body).build());
	}

	HttpResponse<String> put(String path, String accessToken, String json) {
		return send(authorized(path, accessToken).header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(json))
			.build());
	}

	HttpResponse<String> delete(String path, String accessToken) {
		return send(authorized(path, accessToken).DELETE().build());
	}

	/** Sends and lets transport failures through, for fault tests. */
	HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, BodyHandlers.ofString());
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(this.requestTimeout);
	}

	static JsonNode json(HttpResponse<String> response) {
		return SimJson.MAPPER.readTree(response.body());
	}

	private HttpRequest.Builder authorized(String path, String accessToken) {
		HttpRequest.Builder request = request(path);
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return sendRaw(request);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
