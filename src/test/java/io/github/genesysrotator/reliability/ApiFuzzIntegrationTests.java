package io.github.genesysrotator.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.genesysrotator.sandbox.IssuedSecrets;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and malformed requests against the whole service: every one is answered with a
 * 4xx problem, never a 5xx or a stack trace, and none changes anything at Genesys or in
 * Vault.
 */
@SandboxServiceTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ApiFuzzIntegrationTests {

	private static final List<String> NAMES = List.of("unknown", "DEMO-DUAL", "demo_dual", "-leading", "a".repeat(64),
			"a".repeat(5000), "..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2factuator", "..;", "%00",
			"demo-dual%00", "%F0%9F%92%A3", "caf%C3%A9", "%E2%80%AEdemo", "demo-dual%20", "%25", "demo-dual;x=1",
			"%0d%0aSet-Cookie:%20x=1", "%C0%AE%C0%AE", "%FF%FE", "demo-dual%2F..%2Fdemo-single", "'%20OR%201=1--",
			"%3Cscript%3E");

	/** Bodies that never form a valid rotation request. */
	private static final List<String> BODIES = List.of("{", "}", "[]", "\"routine\"", "1", "true", "{\"mode\":1}",
			"{\"mode\":\"ROUTINE\"}", "{\"mode\":\"routine \"}", "{\"mode\":\"compromise\\u0000\"}",
			"{\"mode\":\"\u202eenimor\"}", "{\"mode\":\"routine\"", "{\"mode\":\"routine\"}}",
			"{\"mode\":\"compromise\",\"mode\":\"x\"}", "{\"dryrun\":true}", "{\"dryRun\":\"yes\"}", "{\"dryRun\":[]}",
			"{\"reason\":\"" + "r".repeat(501) + "\"}", "{\"reason\":{}}", "{\"mode\":\"routine\",\"extra\":{}}",
			"{\"__proto__\":{\"admin\":true}}", "[".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
			"{\"reason\":\"" + "x".repeat(2_000_000) + "\"}", "\u0000\u0001\u0002", "{\"mode\":\"\uD83D\uDCA3\"}");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "application/json; charset=utf-16", "*/*", "application/json;;;",
			"\u00e9/\u00e9");

	@Autowired
	private Sandbox sandbox;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private SandboxConsumer consumer;

	@LocalServerPort
	private int port;

	@Test
	void hostileRequestsGetProblemsAndChangeNothing() throws Exception {
		this.consumer = new SandboxConsumer(this.sandbox);
		long dualVersion = this.consumer.read(Sandbox.DUAL_PATH).version();
		long singleVersion = this.consumer.read(Sandbox.SINGLE_PATH).version();
		List<Input> inputs = inputs();
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> bad = new ArrayList<>();
		for (Input input : inputs) {
			HttpResponse<String> response = send(input);
			statuses.merge(response.statusCode(), 1, Integer::sum);
			String type = response.headers().firstValue("Content-Type").orElse("");
			boolean problem = response.statusCode() >= 400 && response.statusCode() < 500
					&& type.startsWith("application/problem+json");
			boolean trace = response.body().contains("Exception") || response.body().contains("\tat ");
			if (!problem || trace) {
				bad.add(response.statusCode() + " " + type + " <- " + input);
			}
			IssuedSecrets.assertClean("answer to " + input, response.headers().map() + "\n" + response.body(),
					this.sandbox.vaultToken());
		}
		RaceIntegrationTests.writeFigures("api-fuzz.txt", "inputs=" + inputs.size() + " statuses=" + statuses + "\n");

		assertThat(bad).as("answers other than a 4xx problem without a stack trace").isEmpty();
		assertThat(this.sandbox.genesys().observations().regenerationCounts().values()).allMatch((count) -> count == 0);
		assertThat(this.consumer.read(Sandbox.DUAL_PATH).version()).isEqualTo(dualVersion);
		assertThat(this.consumer.read(Sandbox.SINGLE_PATH).version()).isEqualTo(singleVersion);
	}

	private List<Input> inputs() {
		List<Input> inputs = new ArrayList<>();
		for (String name : NAMES) {
			inputs.add(new Input("GET", "/api/v1/credentials/" + name, null, null, Map.of()));
			inputs.add(new Input("GET", "/api/v1/credentials/" + name + "/rotations", null, null, Map.of()));
			inputs.add(new Input("POST", "/api/v1/credentials/" + name + "/rotations", "{\"dryRun\":true}",
					"application/json", Map.of()));
			inputs.add(new Input("POST", "/api/v1/credentials/" + name + "/rollback", null, null, Map.of()));
		}
		for (String credential : List.of(Sandbox.DUAL, Sandbox.SINGLE)) {
			String rotations = "/api/v1/credentials/" + credential + "/rotations";
			for (String body : BODIES) {
				inputs.add(new Input("POST", rotations, body, "application/json", Map.of()));
			}
			for (String type : CONTENT_TYPES.subList(1, CONTENT_TYPES.size())) {
				inputs.add(new Input("POST", rotations, "{\"mode\":\"x\"}", type, Map.of()));
			}
			for (String method : List.of("PUT", "DELETE", "PATCH")) {
				inputs.add(new Input(method, rotations, "{}", "application/json", Map.of()));
				inputs.add(new Input(method, "/api/v1/credentials/" + credential, "{}", "application/json", Map.of()));
			}
			inputs.add(new Input("GET", "/api/v1/credentials/" + credential + "/secret", null, null, Map.of()));
			inputs.add(new Input("POST", rotations, "{\"mode\":\"x\"}", "application/json",
					Map.of("X-Request-Id", "\u00e9".repeat(2000))));
			inputs.add(new Input("POST", rotations, "{\"mode\":\"\"}", "application/json",
					Map.of("X-Forwarded-Host", "evil.example", "X-Huge", "h".repeat(6000))));
			inputs.add(new Input("POST", rotations, "[]", "application/json", Map.of("Accept", "text/html")));
			inputs.add(new Input("POST", rotations, "{\"dryRun\":1,\"mode\":\"x\"}", "application/json",
					Map.of("Authorization-Extra", "\u00e9")));
		}
		for (String path : List.of("/api/v1/", "/api/v2/credentials", "/api/v1/credentials/demo-dual/rotations/x",
				"/api/v1/credentials/demo-dual/rotations/../rollback", "/api/v1/credentials?name=%00")) {
			inputs.add(new Input("POST", path, "{}", "application/json", Map.of()));
		}
		return inputs;
	}

	private HttpResponse<String> send(Input input) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + input.path()))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + Sandbox.API_TOKEN);
		if (input.contentType() != null) {
			builder.header("Content-Type", input.contentType());
		}
		input.headers().forEach(builder::header);
		HttpRequest.BodyPublisher body = (input.body() != null)
				? BodyPublishers.ofString(input.body(), StandardCharsets.UTF_8) : BodyPublishers.noBody();
		return this.http.send(builder.method(input.method(), body).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** One hostile request. */
	private record Input(String method, String path, String body, String contentType, Map<String, String> headers) {

		@Override
		public String toString() {
			String shown = (this.body != null && this.body.length() > 60) ? this.body.substring(0, 60) + "..."
					: this.body;
			String path = (this.path.length() > 80) ? this.path.substring(0, 80) + "..." : this.path;
			return this.method + " " + path + " [" + this.contentType + "] " + shown;
		}

	}

}
