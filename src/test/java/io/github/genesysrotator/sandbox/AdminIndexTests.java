package io.github.genesysrotator.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /__sim/} on both simulators, as a new user finds it from the banner: an
 * index of the admin routes, each of them served, and each of them documented in
 * {@code docs/sandbox.md}.
 */
class AdminIndexTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@RegisterExtension
	static final FreshSandbox sandbox = new FreshSandbox();

	@Test
	void theGenesysSimulatorListsItsAdminRoutesFaultTargetsAndFaultTypes() throws Exception {
		JsonNode index = index(sandbox.get().genesys().baseUrl());
		assertThat(index.get("simulator").stringValue()).isEqualTo("Genesys Cloud");
		assertThat(routes(index)).contains("GET /__sim/", "POST /__sim/faults", "GET /__sim/observations");
		assertThat(index.get("operations").valueStream().map(JsonNode::stringValue)).contains("REGENERATE_SECRET",
				"TOKEN");
		assertThat(index.get("faultTypes").valueStream().map(JsonNode::stringValue)).contains("STATUS",
				"TOO_MANY_REQUESTS", "APPLY_THEN_DROP");
	}

	@Test
	void theVaultSimulatorListsItsAdminRoutes() throws Exception {
		JsonNode index = index(sandbox.get().vaultUri().toString());
		assertThat(index.get("simulator").stringValue()).isEqualTo("Vault");
		assertThat(routes(index)).contains("GET /__sim/", "POST /__sim/faults", "POST /__sim/seal");
	}

	@Test
	void everyGenesysRouteInTheIndexIsServed() throws Exception {
		String base = sandbox.get().genesys().baseUrl();
		JsonNode org = JSON.readTree(send(base, "POST", "/__sim/orgs", "{\"name\":\"index\"}").body());
		String orgId = org.get("id").stringValue();
		JsonNode client = JSON
			.readTree(send(base, "POST", "/__sim/orgs/" + orgId + "/clients", "{\"name\":\"index\",\"permissions\":[]}")
				.body());
		for (String route : routes(index(base))) {
			String faultId = JSON
				.readTree(send(base, "POST", "/__sim/faults", "{\"operation\":\"ANY\",\"type\":\"LATENCY\"}").body())
				.get("id")
				.stringValue();
			String concrete = route.replace("{orgId}", orgId)
				.replace("clients/{id}/", "clients/" + client.get("id").stringValue() + "/")
				.replace("{id}", faultId);
			assertThat(send(base, concrete.split(" ")[0], concrete.split(" ")[1], "").statusCode()).as(route)
				.isNotEqualTo(404);
		}
		sandbox.get().reset();
	}

	@Test
	void everyVaultRouteInTheIndexIsServed() throws Exception {
		String base = sandbox.get().vaultUri().toString();
		for (String route : routes(index(base))) {
			assertThat(send(base, route.split(" ")[0], route.split(" ")[1], "").statusCode()).as(route)
				.isNotEqualTo(404);
		}
		sandbox.get().reset();
	}

	@Test
	void docsSandboxMdNamesEveryAdminRouteOfBothSimulators() throws Exception {
		String docs = Files.readString(Path.of(System.getProperty("basedir", ""), "docs", "sandbox.md"));
		for (String base : List.of(sandbox.get().genesys().baseUrl(), sandbox.get().vaultUri().toString())) {
			assertThat(routes(index(base))).allSatisfy((route) -> assertThat(docs).contains("`" + route + "`"));
		}
	}

	private static JsonNode index(String base) throws IOException, InterruptedException {
		HttpResponse<String> response = send(base, "GET", "/__sim/", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		return JSON.readTree(response.body());
	}

	private static List<String> routes(JsonNode index) {
		return index.get("routes")
			.valueStream()
			.map((route) -> route.get("method").stringValue() + " " + route.get("path").stringValue())
			.toList();
	}

	private static HttpResponse<String> send(String base, String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base).resolve(path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.header("Content-Type", "application/json")
			.build();
		return HTTP.send(request, BodyHandlers.ofString());
	}

}
