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

	private static final Map<String, HttpStatus> ROTATION_CODES = Map.ofEntries(
			Map.entry("unknown-credential", HttpStatus.NOT_FOUND),
			Map.entry("rotation-in-progress", HttpStatus.CONFLICT), Map.entry("preflight-failed", HttpStatus.CONFLICT),
			Map.entry("state-conflict", HttpStatus.CONFLICT), Map.entry("publication-conflict", HttpStatus.CONFLICT),
			Map.entry("already-rotated", HttpStatus.CONFLICT), Map.entry("abandoned", HttpStatus.CONFLICT),
			Map.entry("cooldown", HttpStatus.TOO_MANY_REQUESTS),
			Map.entry("grace-period", HttpStatus.TOO_MANY_REQUESTS),
			Map.entry("genesys-rejected", HttpStatus.BAD_GATEWAY),
			Map.entry("verification-failed", HttpStatus.BAD_GATEWAY),
			Map.entry("vault-rejected", HttpStatus.BAD_GATEWAY),
			Map.entry("genesys-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
			Map.entry("vault-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
			Map.entry("invalid-configuration", HttpStatus.INTERNAL_SERVER_ERROR));

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
		return (code != null) ? ROTATION_CODES.getOrDefault(code, HttpStatus.INTERNAL_SERVER_ERROR)
				: HttpStatus.INTERNAL_SERVER_ERROR;
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
		return switch (code) {
			case "unknown-credential" -> "Unknown credential";
			case "rotation-in-progress" -> "A rotation of this credential is in progress";
			case "preflight-failed" -> "Preflight check failed";
			case "state-conflict" -> "State record changed concurrently";
			case "publication-conflict" -> "Consumer path changed concurrently";
			case "already-rotated" -> "Already rotated";
			case "abandoned" -> "Interrupted rotation closed";
			case "cooldown" -> "Rotated too recently";
			case "grace-period" -> "Grace period not over";
			case "genesys-rejected" -> "Genesys Cloud refused the request";
			case "verification-failed" -> "New secret not accepted by Genesys Cloud";
			case "vault-rejected" -> "Vault refused the request";
			case "genesys-unavailable" -> "Genesys Cloud unavailable";
			case "vault-unavailable" -> "Vault unavailable";
			case "invalid-configuration" -> "Invalid configuration";
			case INVALID_REQUEST -> "Invalid request";
			case INVALID_BODY -> "Invalid request body";
			case BODY_TOO_LARGE -> "Request body too large";
			case NOT_FOUND -> "Not found";
			case UNAUTHORIZED -> "Authentication required";
			case FORBIDDEN -> "Forbidden";
			default -> "Internal error";
		};
	}

}
