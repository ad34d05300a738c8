package io.github.genesysrotator.web;

import java.net.URI;
import java.util.Map;

import io.github.genesysrotator.rotation.ErrorCode;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationResult;

import org.springframework.http.HttpStatus;

/**
 * The API's problem vocabulary: one stable {@code type} URI per error code, the API's own
 * codes, and the HTTP status of a rotation result. Each rotation error code brings its
 * own status and title ({@link ErrorCode}); a code no {@link ErrorCode} names is a server
 * error.
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

	/** The API's own codes, which need no status: the handlers choose it. */
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
		return ErrorCode.of(code).map(ProblemTypes::status).orElse(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	/** The status of a rotation error code. */
	public static HttpStatus status(ErrorCode code) {
		return HttpStatus.valueOf(code.status());
	}

	/** The error code of a result that did not succeed. */
	public static String code(RotationResult result) {
		if (result.errorCode() != null) {
			return result.errorCode();
		}
		return (result.outcome() == Outcome.BUSY) ? ErrorCode.ROTATION_IN_PROGRESS.code() : INTERNAL_ERROR;
	}

	/** A short human title for a code. */
	public static String title(String code) {
		return ErrorCode.of(code)
			.map(ErrorCode::title)
			.orElseGet(() -> REQUEST_TITLES.getOrDefault(code, "Internal error"));
	}

}
