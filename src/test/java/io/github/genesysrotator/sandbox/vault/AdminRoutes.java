package io.github.genesysrotator.sandbox.vault;

import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /__sim/...}: drive the simulator over HTTP for demos and benchmarks.
 * <ul>
 * <li>{@code POST /__sim/faults}
 * {@code {"type":"status|latency|reset|timeout","method":"POST","path":"/v1/secret/data/*","status":503,"message":"...","latencyMs":200,"times":3}}
 * ({@code times} omitted = until cleared)</li>
 * <li>{@code DELETE /__sim/faults}; {@code POST /__sim/latency {"millis":50}}</li>
 * <li>{@code POST /__sim/seal}, {@code /__sim/unseal}, {@code /__sim/reset}</li>
 * <li>{@code GET /__sim/requests}</li>
 * </ul>
 */
final class AdminRoutes {

	private final VaultSimulator simulator;

	AdminRoutes(VaultSimulator simulator) {
		this.simulator = simulator;
	}

	SimResponse handle(SimRequest request) {
		String route = request.method() + " " + request.path();
		switch (route) {
			case "POST faults" -> this.simulator.faults().add(rule(request.body()));
			case "DELETE faults" -> this.simulator.faults().clear();
			case "POST latency" ->
				this.simulator.faults().globalLatency(Duration.ofMillis(request.body().path("millis").asLong()));
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

}
