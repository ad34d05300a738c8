package io.github.genesysrotator.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.github.genesysrotator.sandbox.genesys.GenesysSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer as {@code docs/consumers.md} describes it, over real HTTP: it reads
 * {@code client_id}/{@code client_secret} from the Vault consumer path and requests a
 * client-credentials token from the Genesys simulator.
 */
public final class SandboxConsumer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Bounds a request that a fault made hang; generous, so a loaded machine does not
	 * fail a test's own checks. A probe sets a short one of its own.
	 */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Sandbox sandbox;

	private final Duration timeout;

	private final boolean observer;

	public SandboxConsumer(Sandbox sandbox) {
		this(sandbox, REQUEST_TIMEOUT, false);
	}

	private SandboxConsumer(Sandbox sandbox, Duration timeout, boolean observer) {
		this.sandbox = sandbox;
		this.timeout = timeout;
		this.observer = observer;
	}

	/** The same consumer with another bound on each request. */
	public SandboxConsumer withTimeout(Duration timeout) {
		return new SandboxConsumer(this.sandbox, timeout, this.observer);
	}

	/**
	 * The same consumer, passing the Genesys simulator's fault rules untouched
	 * ({@link io.github.genesysrotator.sandbox.genesys.GenesysSimulator#OBSERVER_HEADER}):
	 * for probes beside a fault aimed at the rotator's own call.
	 */
	public SandboxConsumer exemptFromGenesysFaults() {
		return new SandboxConsumer(this.sandbox, this.timeout, true);
	}

	/** The credential consumers read now: client id, secret and the KV version. */
	public Published read(String vaultPath) {
		JsonNode body = get(this.sandbox.vaultUri() + "/v1/secret/data/" + vaultPath);
		JsonNode data = body.path("data").path("data");
		return new Published(data.path("client_id").asString(), data.path("client_secret").asString(),
				body.path("data").path("metadata").path("version").asLong(), data);
	}

	/** Whether what the consumer path holds obtains a token right now. */
	public boolean authenticates(String vaultPath) {
		Published published = read(vaultPath);
		return tokenWorks(published.clientId(), published.secret());
	}

	/** Whether this client id and secret obtain a token right now. */
	public boolean tokenWorks(String clientId, String secret) {
		return tokenStatus(clientId, secret) == 200;
	}

	/**
	 * What a consumer does with a credential: obtain a token and make one API call with
	 * it (read its own OAuth client; a consumer's role may answer 403, which still counts
	 * as a call in the client's API usage).
	 * @return whether the token was issued and the call authenticated
	 */
	public boolean callsApi(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> token = send(
				HttpRequest.newBuilder(URI.create(this.sandbox.genesys().baseUrl() + "/oauth/token"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
					.timeout(this.timeout)
					.build());
		if (token.statusCode() != 200) {
			return false;
		}
		String accessToken = JSON.readTree(token.body()).path("access_token").asString();
		HttpResponse<String> call = send(HttpRequest
			.newBuilder(URI.create(this.sandbox.genesys().baseUrl() + "/api/v2/oauth/clients/" + clientId))
			.header("Authorization", "Bearer " + accessToken)
			.timeout(this.timeout)
			.GET()
			.build());
		return call.statusCode() != 401;
	}

	/**
	 * The HTTP status of a token request with this client id and secret: 200 obtains a
	 * token, 400/401 means Genesys refused the secret, anything else is an outage.
	 */
	public int tokenStatus(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.sandbox.genesys().baseUrl() + "/oauth/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.timeout(this.timeout);
		if (this.observer) {
			request.header(GenesysSimulator.OBSERVER_HEADER, "true");
		}
		return send(request.build()).statusCode();
	}

	private JsonNode get(String uri) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
			.header("X-Vault-Token", this.sandbox.vaultToken())
			.timeout(this.timeout)
			.GET()
			.build();
		return JSON.readTree(send(request).body());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Sandbox request failed: " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A consumer path's content.
	 *
	 * @param clientId the client id
	 * @param secret the secret
	 * @param version the KV version
	 * @param data every data key
	 */
	public record Published(String clientId, String secret, long version, JsonNode data) {

		public Map<String, Object> keys() {
			return JSON.convertValue(this.data, Map.class);
		}

		@Override
		public String toString() {
			return "Published[clientId=" + this.clientId + ", version=" + this.version + "]";
		}

	}

}
