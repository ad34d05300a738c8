package io.github.genesysrotator.genesys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.genesysrotator.genesys.GenesysHttp.HttpResult;
import io.github.genesysrotator.rotation.ClientSecret;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client-credentials grant on the login host: Basic auth (UTF-8) and a form body, as
 * the official SDKs send it. Every grant waits for its org's turn ({@link GrantPacer}),
 * and its answer is read by {@link TokenAnswer}. Grants the login host refuses with its
 * own rate limit count in {@code rotator.genesys.token.rate.limited{org}}: that limit
 * answers 400, which the request timer cannot tell from a refused secret.
 */
final class TokenEndpoint {

	private final GenesysHttp http;

	private final OrgDirectory orgs;

	private final GrantPacer pacer;

	private final JsonMapper json;

	private final MeterRegistry registry;

	TokenEndpoint(GenesysHttp http, OrgDirectory orgs, GrantPacer pacer, JsonMapper json, MeterRegistry registry) {
		this.http = http;
		this.orgs = orgs;
		this.pacer = pacer;
		this.json = json;
		this.registry = registry;
		orgs.names().forEach(this::rateLimited);
	}

	/**
	 * A client-credentials grant; transport errors, 5xx and 429 are retried like every
	 * Genesys call.
	 */
	TokenAnswer request(String org, String operation, String clientId, ClientSecret secret) {
		return paced(org, operation, () -> this.http.exchange(org, operation, grant(org, clientId, secret)));
	}

	/**
	 * One client-credentials grant, not retried: for callers that retry on their own
	 * clock.
	 */
	TokenAnswer requestOnce(String org, String operation, String clientId, ClientSecret secret) {
		return paced(org, operation, () -> this.http.exchange(org, operation, grant(org, clientId, secret), 1));
	}

	private TokenAnswer paced(String org, String operation, Supplier<HttpResult> exchange) {
		this.pacer.awaitTurn(org);
		TokenAnswer answer = TokenAnswer.read(this.json, exchange.get(), operation);
		boolean rateLimited = answer.kind() == TokenAnswer.Kind.RATE_LIMITED;
		this.pacer.answered(org, rateLimited);
		if (rateLimited) {
			rateLimited(org).increment();
		}
		return answer;
	}

	/** Registered at zero for every org at startup, so an alert sees its first count. */
	private Counter rateLimited(String org) {
		return Counter.builder("rotator.genesys.token.rate.limited")
			.description("Token grants the login host refused with its own rate limit")
			.tag("org", org)
			.register(this.registry);
	}

	private Function<WebClient, WebClient.RequestHeadersSpec<?>> grant(String org, String clientId,
			ClientSecret secret) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8));
		String uri = this.orgs.endpoints(org).loginBaseUrl() + "/oauth/token";
		return (client) -> client.post()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"));
	}

}
