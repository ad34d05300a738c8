package io.github.genesysrotator.genesys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import io.github.genesysrotator.genesys.GenesysHttp.HttpResult;
import io.github.genesysrotator.rotation.ClientSecret;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client-credentials grant on the login host: Basic auth (UTF-8) and a form body, as
 * the official SDKs send it. Genesys answers a bad secret with 400
 * {@code invalid_client}.
 */
final class TokenEndpoint {

	private final GenesysHttp http;

	private final OrgDirectory orgs;

	TokenEndpoint(GenesysHttp http, OrgDirectory orgs) {
		this.http = http;
		this.orgs = orgs;
	}

	/** A client-credentials grant, retried like every Genesys call. */
	HttpResult request(String org, String operation, String clientId, ClientSecret secret) {
		return this.http.exchange(org, operation, grant(org, clientId, secret));
	}

	/**
	 * One client-credentials grant, not retried: for callers that retry on their own
	 * clock.
	 */
	HttpResult requestOnce(String org, String operation, String clientId, ClientSecret secret) {
		return this.http.exchange(org, operation, grant(org, clientId, secret), 1);
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
