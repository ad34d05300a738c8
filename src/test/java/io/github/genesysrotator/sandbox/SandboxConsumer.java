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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer as DESIGN section 10 describes it, over real HTTP: it reads
 * {@code client_id}/{@code client_secret} from the Vault consumer path and requests a
 * client-credentials token from the Genesys simulator.
 */
public final class SandboxConsumer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Bounds a request that a fault made hang. */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Sandbox sandbox;

	public SandboxConsumer(Sandbox sandbox) {
		this.sandbox = sandbox;
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
	 * The HTTP status of a token request with this client id and secret: 200 obtains a
	 * token, 400/401 means Genesys refused the secret, anything else is an outage.
	 */
	public int tokenStatus(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.sandbox.genesys().baseUrl() + "/oauth/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.timeout(REQUEST_TIMEOUT)
			.build();
		return send(request).statusCode();
	}

	private JsonNode get(String uri) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
			.header("X-Vault-Token", this.sandbox.vaultToken())
			.timeout(REQUEST_TIMEOUT)
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
