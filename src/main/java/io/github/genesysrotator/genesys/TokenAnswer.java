package io.github.genesysrotator.genesys;

import java.util.Locale;

import io.github.genesysrotator.genesys.GenesysHttp.HttpResult;
import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.DependencyUnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the login host's answer to one client-credentials grant means: the one place that
 * reads a token answer, for verification and admin tokens alike.
 * <ul>
 * <li>{@code invalid_client} (HTTP 400): this secret is not (yet) accepted;</li>
 * <li>{@code invalid_request} whose description starts {@code rate limit exceeded} (HTTP
 * 400, no {@code Retry-After}): the endpoint's own rate limit, transient;</li>
 * <li>anything else: a refusal.</li>
 * </ul>
 *
 * @param kind what the answer means
 * @param status the HTTP status
 * @param accessToken the issued token ({@link Kind#ISSUED} only, else empty)
 * @param expiresInSeconds the token's lifetime ({@link Kind#ISSUED} only)
 * @param reason the OAuth error code and status, quotable in errors and logs
 */
record TokenAnswer(Kind kind, int status, String accessToken, long expiresInSeconds, String reason) {

	private static final String RATE_LIMIT_EXCEEDED = "rate limit exceeded";

	/** Default lifetime when an answer names none. */
	private static final long DEFAULT_EXPIRES_IN = 300;

	/**
	 * Reads one answer.
	 * @throws DependencyRejectedException when a 2xx answer is not a JSON object
	 */
	static TokenAnswer read(JsonMapper json, HttpResult result, String operation) {
		if (result.ok()) {
			JsonNode body = GenesysErrors.parse(json, result, operation);
			String token = body.path("access_token").asString("");
			if (token.isEmpty()) {
				// No token for this secret: verification tries again, an admin token is
				// refused.
				return new TokenAnswer(Kind.NOT_ACCEPTED, result.status(), "", 0,
						"no access_token (HTTP " + result.status() + ")");
			}
			return new TokenAnswer(Kind.ISSUED, result.status(), token,
					body.path("expires_in").asLong(DEFAULT_EXPIRES_IN), "HTTP " + result.status());
		}
		return new TokenAnswer(refusalKind(json, result), result.status(), "", 0, GenesysErrors.code(json, result));
	}

	private static Kind refusalKind(JsonMapper json, HttpResult result) {
		if (result.status() != 400) {
			return Kind.REFUSED;
		}
		try {
			JsonNode body = json.readTree(result.body());
			String error = body.path("error").asString("");
			String description = body.path("error_description").asString(body.path("description").asString(""));
			if (error.equals("invalid_client")) {
				return Kind.NOT_ACCEPTED;
			}
			if (error.equals("invalid_request")
					&& description.toLowerCase(Locale.ROOT).startsWith(RATE_LIMIT_EXCEEDED)) {
				return Kind.RATE_LIMITED;
			}
			return Kind.REFUSED;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return Kind.REFUSED;
		}
	}

	/** The transient failure a rate-limited grant is to its caller. */
	DependencyUnavailableException rateLimited(String org) {
		return new DependencyUnavailableException(Dependency.GENESYS, "Genesys rate limited token grants of org '" + org
				+ "' (" + this.reason + ", " + RATE_LIMIT_EXCEEDED + ")");
	}

	/** The token never prints. */
	@Override
	public String toString() {
		return "TokenAnswer[kind=" + this.kind + ", " + this.reason + "]";
	}

	/** What an answer means. */
	enum Kind {

		/** A token was issued: the secret works. */
		ISSUED,

		/** {@code invalid_client}: the secret is not (yet) accepted. */
		NOT_ACCEPTED,

		/** The token endpoint's own rate limit: back off and try again. */
		RATE_LIMITED,

		/** Any other answer: a refusal. */
		REFUSED

	}

}
