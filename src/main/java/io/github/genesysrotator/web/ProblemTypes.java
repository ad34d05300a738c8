package io.github.genesysrotator.web;

import java.net.URI;
import java.util.Map;

import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationResult;

import org.springframework.http.HttpStatus;

/**
 * The API's problem vocabulary: one stable {@code type} URI per error code, and the HTTP
 * status each rotation error code answers with (design section 7). Codes the table does
 * not know are server errors, so a new engine code never leaks out as a 200 or a 4xx by
 * accident.
 */
public final class ProblemTypes {

	/** Base of every problem {@code type}; the error code is the last path segment. */
	public static final String BASE = "https://genesys-secret-rotator.dev/problems/";

	/** Path or query parameters that fail validation, unreadable JSON. */
	public static final String INVALID_REQUEST = "invalid-request";

	/** A readable JSON body with unknown fields, wrong types or invalid values. */
	public static final String INVALID_BODY = "invalid-body";

	/** The request body is larger than the API accepts. */
	public static final String BODY_TOO_LARGE = "body-too-large";

	/** No such route or resource. */
	public static final String NOT_FOUND = "not-found";

	/** Missing or invalid bearer token. */
	public static final String UNAUTHORIZED = "unauthorized";

	/** Authenticated, but the role is missing. */
	public static final String FORBIDDEN = "forbidden";

	/** Anything unexpected; details are in the server log, never in the answer. */
	public static final String INTERNAL_ERROR = "internal-error";

	/** Every rotation error code with its status and title, in one table. */
	private static final Map<String, Problem> ROTATION_CODES = Map.ofEntries(
			rotation("unknown-credential", HttpStatus.NOT_FOUND, "Unknown credential"),
			rotation("unknown-org", HttpStatus.NOT_FOUND, "Unknown org"),
			rotation("rotation-in-progress", HttpStatus.CONFLICT, "A rotation of this credential is in progress"),
			rotation("not-applicable", HttpStatus.CONFLICT, "Not applicable to this credential"),
			rotation("preflight-failed", HttpStatus.CONFLICT, "Preflight check failed"),
			rotation("state-conflict", HttpStatus.CONFLICT, "State record changed concurrently"),
			rotation("lease-lost", HttpStatus.CONFLICT, "Rotation taken over by another replica"),
			rotation("publication-conflict", HttpStatus.CONFLICT, "Consumer path changed concurrently"),
			rotation("already-rotated", HttpStatus.CONFLICT, "Already rotated"),
			rotation("abandoned", HttpStatus.CONFLICT, "Interrupted rotation closed"),
			rotation("paused", HttpStatus.CONFLICT, "Credential paused"),
			rotation("standby-in-use", HttpStatus.CONFLICT, "Standby client still in use"),
			rotation("invalid-pause", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid pause"),
			rotation("cooldown", HttpStatus.TOO_MANY_REQUESTS, "Rotated too recently"),
			rotation("grace-period", HttpStatus.TOO_MANY_REQUESTS, "Grace period not over"),
			rotation("genesys-rejected", HttpStatus.BAD_GATEWAY, "Genesys Cloud refused the request"),
			rotation("verification-failed", HttpStatus.BAD_GATEWAY, "New secret not accepted by Genesys Cloud"),
			rotation("vault-rejected", HttpStatus.BAD_GATEWAY, "Vault refused the request"),
			rotation("genesys-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Genesys Cloud unavailable"),
			rotation("vault-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Vault unavailable"),
			rotation("invalid-configuration", HttpStatus.INTERNAL_SERVER_ERROR, "Invalid configuration"));

	/** The API's own codes, which need no status from this table. */
	private static final Map<String, String> REQUEST_TITLES = Map.of(INVALID_REQUEST, "Invalid request", INVALID_BODY,
			"Invalid request body", BODY_TOO_LARGE, "Request body too large", NOT_FOUND, "Not found", UNAUTHORIZED,
			"Authentication required", FORBIDDEN, "Forbidden");

	private ProblemTypes() {
	}

	/** The {@code type} URI of an error code. */
	public static URI type(String code) {
		return URI.create(BASE + code);
	}

	/** The status a rotation or rollback answer with this result gets. */
	public static HttpStatus status(RotationResult result) {
		if (result.outcome() == Outcome.SUCCESS) {
			return HttpStatus.OK;
		}
		if (result.outcome() == Outcome.BUSY) {
			return HttpStatus.CONFLICT;
		}
		HttpStatus status = status(result.errorCode());
		if (status == HttpStatus.TOO_MANY_REQUESTS && result.retryAfter() == null) {
			// 429 promises a Retry-After; a time rule without a known end is a conflict.
			return HttpStatus.CONFLICT;
		}
		if (result.outcome() == Outcome.SKIPPED && status.is5xxServerError()) {
			return HttpStatus.CONFLICT;
		}
		return status;
	}

	/** The status of a rotation error code; unknown codes are server errors. */
	public static HttpStatus status(String code) {
		Problem problem = (code != null) ? ROTATION_CODES.get(code) : null;
		return (problem != null) ? problem.status() : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** The error code of a result that did not succeed. */
	public static String code(RotationResult result) {
		if (result.errorCode() != null) {
			return result.errorCode();
		}
		return (result.outcome() == Outcome.BUSY) ? "rotation-in-progress" : INTERNAL_ERROR;
	}

	/** A short human title for a code. */
	public static String title(String code) {
		Problem problem = ROTATION_CODES.get(code);
		if (problem != null) {
			return problem.title();
		}
		return REQUEST_TITLES.getOrDefault(code, "Internal error");
	}

	private static Map.Entry<String, Problem> rotation(String code, HttpStatus status, String title) {
		return Map.entry(code, new Problem(status, title));
	}

	private record Problem(HttpStatus status, String title) {

	}

}
