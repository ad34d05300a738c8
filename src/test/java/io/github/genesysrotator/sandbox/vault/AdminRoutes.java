package io.github.genesysrotator.sandbox.vault;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /__sim/...}: drive the simulator over HTTP for demos and benchmarks.
 * {@code GET /__sim/} lists the {@link #ROUTES}; {@code docs/sandbox.md} shows them in
 * use. A fault rule matches a method ({@code *} for any) and a glob on the full request
 * path ({@code *} matches any characters), and applies to {@code times} matching
 * requests, or until cleared when omitted.
 */
final class AdminRoutes {

	/** Every admin route, as {@code GET /__sim/} lists it. */
	static final List<Route> ROUTES = List.of(new Route("GET", "/__sim/", null, "this index"),
			new Route("GET", "/__sim/faults", null, "the active fault rules"),
			new Route("POST", "/__sim/faults",
					"{\"type\": \"status|latency|reset|timeout\", \"method\"?, \"path\"?, \"status\"?, "
							+ "\"message\"?, \"latencyMs\"?, \"times\"?}",
					"add a fault rule: an error answer, a delay, a reset connection or no answer at all"),
			new Route("DELETE", "/__sim/faults", null, "remove every fault rule"),
			new Route("POST", "/__sim/latency", "{\"millis\"}", "latency added to every answer"),
			new Route("POST", "/__sim/seal", null, "seal: every call but sys/health answers 503 'Vault is sealed'"),
			new Route("POST", "/__sim/unseal", null, "unseal"),
			new Route("GET", "/__sim/requests", null,
					"every request so far: method, path, query, status, whether it had a token"),
			new Route("POST", "/__sim/reset", null,
					"empty every mount, drop issued tokens, faults and the request log (the demo secrets too)"));

	private final VaultSimulator simulator;

	AdminRoutes(VaultSimulator simulator) {
		this.simulator = simulator;
	}

	SimResponse handle(SimRequest request) {
		String route = request.method() + " " + request.path();
		switch (route) {
			case "GET " -> {
				return SimResponse.json(200, index());
			}
			case "POST faults" -> this.simulator.faults().add(rule(request.body()));
			case "DELETE faults" -> this.simulator.faults().clear();
			case "POST latency" -> this.simulator.faults().globalLatency(latency(request.body()));
			case "POST seal" -> this.simulator.seal();
			case "POST unseal" -> this.simulator.unseal();
			case "POST reset" -> this.simulator.reset();
			case "GET requests" -> {
				return SimResponse.json(200, requests());
			}
			case "GET faults" -> {
				ObjectNode body = Envelopes.object();
				ArrayNode rules = body.putArray("rules");
				this.simulator.faults().rules().forEach((rule) -> rules.add(rule.toString()));
				return SimResponse.json(200, body);
			}
			default -> throw VaultError.of(404, "unknown simulator admin route " + route);
		}
		return SimResponse.noContent();
	}

	private static ObjectNode index() {
		ObjectNode body = Envelopes.object();
		body.put("simulator", "Vault");
		ArrayNode routes = body.putArray("routes");
		ROUTES.forEach((route) -> routes.addObject()
			.put("method", route.method())
			.put("path", route.path())
			.put("body", route.body())
			.put("does", route.does()));
		return body;
	}

	private static Duration latency(JsonNode body) {
		if (body == null || !body.path("millis").isIntegralNumber()) {
			throw VaultError.badRequest("body {\"millis\": <number>} required");
		}
		return Duration.ofMillis(body.get("millis").asLong());
	}

	private static FaultRule rule(JsonNode body) {
		if (body == null) {
			throw VaultError.badRequest("fault body required");
		}
		String method = body.path("method").asString("*");
		String path = body.path("path").asString("*");
		int times = body.has("times") ? body.get("times").asInt() : -1;
		return switch (body.path("type").asString("")) {
			case "latency" ->
				FaultRule.latency(method, path, Duration.ofMillis(body.path("latencyMs").asLong()), times);
			case "status" -> FaultRule.status(method, path, body.path("status").asInt(500),
					body.path("message").asString("internal error"), times);
			case "reset" -> FaultRule.reset(method, path, times);
			case "timeout" -> FaultRule.timeout(method, path, times);
			default -> throw VaultError.badRequest("type must be latency, status, reset or timeout");
		};
	}

	private ObjectNode requests() {
		ObjectNode body = Envelopes.object();
		ArrayNode list = body.putArray("requests");
		for (RecordedRequest recorded : this.simulator.requests().all()) {
			ObjectNode entry = list.addObject();
			entry.put("method", recorded.method());
			entry.put("path", recorded.path());
			entry.put("query", recorded.query());
			entry.put("status", recorded.status());
			entry.put("token", recorded.hadToken());
		}
		return body;
	}

	/**
	 * One admin route.
	 *
	 * @param method the HTTP method
	 * @param path the path
	 * @param body the JSON body it takes ({@code ?} marks an optional field), or
	 * {@code null}
	 * @param does what it does
	 */
	record Route(String method, String path, String body, String does) {
	}

}
