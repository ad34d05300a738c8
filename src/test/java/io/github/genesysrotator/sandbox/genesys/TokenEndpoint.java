package io.github.genesysrotator.sandbox.genesys;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /oauth/token} for the client-credentials grant. Errors are HTTP 400 with
 * {@code {error, description, error_description}}, as observed on the real login hosts,
 * including the endpoint's own rate limit on grants (when switched on): 400
 * {@code invalid_request} whose description starts {@code rate limit exceeded;}, with no
 * {@code Retry-After}, as the Genesys Terraform provider expects it.
 */
final class TokenEndpoint {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String AUTHENTICATION_FAILED = "authentication failed";

	/** Documented up to the semicolon; the rest of the real text is unconfirmed. */
	static final String RATE_LIMIT_EXCEEDED = "rate limit exceeded; too many token requests, retry later";

	private final SimulatorState state;

	private final SimulatorObservations observations;

	private final GenesysSimulatorOptions options;

	private final RateLimiter rateLimiter;

	TokenEndpoint(SimulatorState state, SimulatorObservations observations, GenesysSimulatorOptions options,
			RateLimiter rateLimiter) {
		this.state = state;
		this.observations = observations;
		this.options = options;
		this.rateLimiter = rateLimiter;
	}

	/** The client id a token request names, valid or not; used to target fault rules. */
	static String presentedClientId(SimRequest request) {
		return credentials(request, true).map(Credentials::clientId).orElse(null);
	}

	SimResponse handle(SimRequest request) {
		String contentType = request.header("Content-Type");
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
			// Unconfirmed for the real service: an OAuth-style invalid_request.
			return reject(null, "invalid_request", "content type must be " + FORM);
		}
		Map<String, String> form = parseForm(request.bodyAsString());
		Optional<Credentials> credentials = credentials(request, this.options.formCredentialsAccepted());
		String clientId = credentials.map(Credentials::clientId).orElse(null);
		String grantType = form.get("grant_type");
		if (grantType == null) {
			return reject(clientId, "invalid_request", "grant_type is required");
		}
		if (!grantType.equals("client_credentials")) {
			return reject(clientId, "unsupported_grant_type", "unsupported grant type: " + grantType);
		}
		if (credentials.isEmpty()) {
			return reject(null, "invalid_client", AUTHENTICATION_FAILED);
		}
		if (this.options.tokenGrantsPerWindow() > 0
				&& !this.rateLimiter.acquire(grantBudget(clientId), this.state.now()).allowed()) {
			return reject(clientId, "invalid_request", RATE_LIMIT_EXCEEDED, true);
		}
		return authenticate(credentials.get());
	}

	/**
	 * Grants count per organization, whatever their outcome; a client id no organization
	 * knows has a budget of its own.
	 */
	private String grantBudget(String clientId) {
		return this.state.findClient(clientId).map(OAuthClientEntity::orgId).orElse("unknown client " + clientId);
	}

	private SimResponse authenticate(Credentials credentials) {
		synchronized (this.state) {
			Optional<OAuthClientEntity> client = this.state.findClient(credentials.clientId());
			// Unknown client, wrong secret, disabled and inactive all look the same
			// today.
			if (client.isEmpty() || !client.get().acceptsSecret(credentials.secret(), this.state.now())
					|| client.get().state() != ClientState.ACTIVE) {
				return reject(credentials.clientId(), "invalid_client", AUTHENTICATION_FAILED);
			}
			if (client.get().fields().grantType() != GrantType.CLIENT_CREDENTIALS) {
				return reject(credentials.clientId(), "unauthorized_client",
						"client is not authorized to use the client_credential grant type");
			}
			AccessToken token = this.state.issueToken(client.get());
			this.observations.recordTokenRequest(
					new TokenRequestRecord(credentials.clientId(), true, null, false, this.state.now()));
			ObjectNode body = SimJson.object();
			body.put("access_token", token.value());
			body.put("token_type", "bearer");
			body.put("expires_in", client.get().fields().accessTokenValiditySeconds() - 1);
			return SimResponse.json(200, body);
		}
	}

	private SimResponse reject(String clientId, String error, String description) {
		return reject(clientId, error, description, false);
	}

	private SimResponse reject(String clientId, String error, String description, boolean rateLimited) {
		this.observations
			.recordTokenRequest(new TokenRequestRecord(clientId, false, error, rateLimited, this.state.now()));
		ObjectNode body = SimJson.object();
		body.put("error", error);
		body.put("description", description);
		body.put("error_description", description);
		return SimResponse.json(400, body);
	}

	/**
	 * The Basic header wins; form fields are the undocumented alternative. A garbled
	 * Basic header yields no credentials rather than falling back to the form.
	 */
	private static Optional<Credentials> credentials(SimRequest request, boolean formAccepted) {
		String authorization = request.header("Authorization");
		if (authorization != null) {
			return basic(authorization);
		}
		if (!formAccepted) {
			return Optional.empty();
		}
		Map<String, String> form = parseForm(request.bodyAsString());
		String id = form.get("client_id");
		String secret = form.get("client_secret");
		return (id != null && secret != null) ? Optional.of(new Credentials(id, secret)) : Optional.empty();
	}

	private static Optional<Credentials> basic(String authorization) {
		if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon > 0) ? Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)))
					: Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Map<String, String> parseForm(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			form.putIfAbsent(decode(key), decode(value));
		}
		return form;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private record Credentials(String clientId, String secret) {

		/** Keeps the secret out of any accidental log line. */
		@Override
		public String toString() {
			return "Credentials[clientId=" + this.clientId + ", secret=****]";
		}

	}

}
