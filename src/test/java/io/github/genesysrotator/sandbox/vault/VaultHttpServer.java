package io.github.genesysrotator.sandbox.vault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.genesysrotator.sandbox.vault.SimRequest.Operation;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The Reactor Netty front: turns HTTP into {@link SimRequest}s, applies faults, computes
 * the answer synchronously and sends it. Faults live here because only the transport can
 * delay, reset or never answer.
 */
final class VaultHttpServer {

	private static final String ADMIN_PREFIX = "/__sim/";

	private final VaultRouter router;

	private final FaultInjector faults;

	private final RequestLog log;

	private final Function<SimRequest, SimResponse> admin;

	private DisposableServer server;

	private LoopResources loops;

	VaultHttpServer(VaultRouter router, FaultInjector faults, RequestLog log, Function<SimRequest, SimResponse> admin) {
		this.router = router;
		this.faults = faults;
		this.log = log;
		this.admin = admin;
	}

	void start(int port) {
		// Event loops of its own: the service under test disposes Reactor Netty's global
		// ones when its context closes.
		this.loops = LoopResources.create("vault-simulator", 2, true);
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(port)
			.handle((request, response) -> request.receive()
				.aggregate()
				.asByteArray()
				.defaultIfEmpty(new byte[0])
				.flatMap((body) -> handle(request, response, body)))
			.bindNow();
	}

	int port() {
		return this.server.port();
	}

	void stop() {
		if (this.server != null) {
			try {
				this.server.disposeNow(Duration.ofSeconds(2));
			}
			catch (IllegalStateException ex) {
				// Connections held open by a timeout fault: closing them is all we
				// wanted.
			}
		}
		if (this.loops != null) {
			this.loops.disposeLater().block(Duration.ofSeconds(5));
		}
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, byte[] body) {
		QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
		String method = request.method().name();
		String path = decoder.path();
		String query = (request.uri().indexOf('?') >= 0) ? request.uri().substring(request.uri().indexOf('?') + 1) : "";
		String token = token(request);
		if (path.startsWith(ADMIN_PREFIX)) {
			SimResponse answer = safely(() -> this.admin.apply(simRequest(Operation.CREATE_OR_UPDATE, method,
					path.substring(ADMIN_PREFIX.length()), decoder.parameters(), null, body)));
			return send(response, answer, method);
		}
		FaultRule fault = this.faults.match(method, path);
		Mono<Void> delay = delay(this.faults.globalLatency().plus((fault != null) ? fault.latency() : Duration.ZERO));
		if (fault != null && fault.kind() == FaultRule.Kind.RESET) {
			this.log.record(new RecordedRequest(method, path, query, -1, token));
			return delay.then(Mono.defer(() -> reset(response)));
		}
		if (fault != null && fault.kind() == FaultRule.Kind.TIMEOUT) {
			this.log.record(new RecordedRequest(method, path, query, -1, token));
			return Mono.never();
		}
		SimResponse answer = (fault != null && fault.kind() == FaultRule.Kind.STATUS)
				? SimResponse.error(VaultError.of(fault.status(), fault.message()))
				: answer(request, method, path, decoder.parameters(), token, body);
		this.log.record(new RecordedRequest(method, path, query, answer.status(), token));
		return delay.then(Mono.defer(() -> send(response, answer, method)));
	}

	private SimResponse answer(HttpServerRequest request, String method, String path, Map<String, List<String>> query,
			String token, byte[] body) {
		return safely(() -> {
			if (!path.startsWith("/v1/")) {
				throw VaultError.notFound();
			}
			Operation operation = operation(request, method, query);
			return this.router.route(simRequest(operation, method, path.substring(4), query, token, body));
		});
	}

	private static Operation operation(HttpServerRequest request, String method, Map<String, List<String>> query) {
		return switch (method) {
			case "GET" -> "true".equals(first(query, "list")) ? Operation.LIST : Operation.READ;
			case "LIST" -> Operation.LIST;
			case "POST", "PUT" -> Operation.CREATE_OR_UPDATE;
			case "DELETE" -> Operation.DELETE;
			case "HEAD" -> Operation.HEAD;
			case "PATCH" -> {
				String contentType = request.requestHeaders().get("Content-Type", "");
				if (!contentType.startsWith("application/merge-patch+json")) {
					throw VaultError.of(415,
							"PATCH requires Content-Type of application/merge-patch+json, got \"" + contentType + "\"");
				}
				yield Operation.PATCH;
			}
			default -> throw VaultError.of(405, "unsupported operation");
		};
	}

	private static SimRequest simRequest(Operation operation, String method, String path,
			Map<String, List<String>> query, String token, byte[] body) {
		JsonNode json = null;
		if (body.length > 0) {
			try {
				json = Envelopes.MAPPER.readTree(body);
			}
			catch (JacksonException ex) {
				throw VaultError.badRequest("error parsing JSON");
			}
		}
		return new SimRequest(operation, method, path, query, token, json);
	}

	private static SimResponse safely(java.util.function.Supplier<SimResponse> action) {
		try {
			return action.get();
		}
		catch (VaultError error) {
			return SimResponse.error(error);
		}
	}

	private static String token(HttpServerRequest request) {
		String token = request.requestHeaders().get("X-Vault-Token");
		if (token != null && !token.isEmpty()) {
			return token;
		}
		String authorization = request.requestHeaders().get("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		return null;
	}

	private static Mono<Void> send(HttpServerResponse response, SimResponse answer, String method) {
		response.status(HttpResponseStatus.valueOf(answer.status()));
		response.header("Cache-Control", "no-store");
		if (answer.body() == null) {
			return response.send();
		}
		response.header("Content-Type", "application/json");
		if (method.equals("HEAD")) {
			return response.send();
		}
		byte[] bytes = Envelopes.MAPPER.writeValueAsString(answer.body()).concat("\n").getBytes(StandardCharsets.UTF_8);
		return response.sendByteArray(Mono.just(bytes)).then();
	}

	/** SO_LINGER 0 then close makes the kernel send RST instead of FIN. */
	private static Mono<Void> reset(HttpServerResponse response) {
		response.withConnection((connection) -> {
			connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
			connection.channel().close();
		});
		return Mono.empty();
	}

	private static Mono<Void> delay(Duration latency) {
		return (latency.isZero() || latency.isNegative()) ? Mono.empty() : Mono.delay(latency).then();
	}

	private static String first(Map<String, List<String>> query, String name) {
		List<String> values = query.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}
