package io.github.genesysrotator.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import io.github.genesysrotator.sandbox.Sandbox;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-run script the rotator replaces: regenerate the only client's secret with an
 * admin token, then, after the time a person takes to copy it, write it to Vault. Between
 * the two every consumer holds a dead secret.
 */
final class NaiveScript {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Sandbox sandbox;

	private final String clientId;

	private final String vaultPath;

	private final Duration copyDelay;

	private final String adminToken;

	NaiveScript(Sandbox sandbox, String clientId, String vaultPath, Duration copyDelay) {
		this.sandbox = sandbox;
		this.clientId = clientId;
		this.vaultPath = vaultPath;
		this.copyDelay = copyDelay;
		this.adminToken = adminToken();
	}

	/** One rotation; returns when consumers had a dead secret (start to Vault write). */
	Window rotateOnce() throws InterruptedException {
		Instant start = Instant.now();
		String secret = regenerate();
		Instant regenerated = Instant.now();
		// The person copying the secret into Vault: the delay is what is being modelled.
		Thread.sleep(this.copyDelay.toMillis());
		writeVault(secret);
		return new Window(start, regenerated, Instant.now());
	}

	private String adminToken() {
		String secret = this.sandbox.genesys().currentSecret(Sandbox.ADMIN_ID).orElseThrow();
		String basic = Base64.getEncoder()
			.encodeToString((Sandbox.ADMIN_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.sandbox.genesys().baseUrl() + "/oauth/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		return JSON.readTree(send(request, 200)).path("access_token").asString();
	}

	private String regenerate() {
		HttpRequest request = HttpRequest
			.newBuilder(
					URI.create(this.sandbox.genesys().baseUrl() + "/api/v2/oauth/clients/" + this.clientId + "/secret"))
			.header("Authorization", "Bearer " + this.adminToken)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return JSON.readTree(send(request, 200)).path("secret").asString();
	}

	private void writeVault(String secret) {
		Map<String, Object> body = Map.of("data", Map.of("client_id", this.clientId, "client_secret", secret));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.sandbox.vaultUri() + "/v1/secret/data/" + this.vaultPath))
			.header("X-Vault-Token", this.sandbox.vaultToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		send(request, 200);
	}

	private String send(HttpRequest request, int expected) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Script request failed: " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One run of the script.
	 *
	 * @param start the regeneration request was sent
	 * @param regenerated its response arrived
	 * @param published the Vault write was answered
	 */
	record Window(Instant start, Instant regenerated, Instant published) {

		Duration exposure() {
			return Duration.between(this.regenerated, this.published);
		}

	}

}
