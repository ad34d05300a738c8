package io.github.genesysrotator.sandbox.genesys;

import tools.jackson.databind.node.ObjectNode;

/**
 * Genesys {@code ErrorBody} responses. {@code contextId} repeats the correlation id, as
 * the Go SDK assumes when it copies the header into a missing {@code contextId}.
 */
final class ApiErrors {

	private ApiErrors() {
	}

	static SimResponse error(SimRequest request, int status, String code, String message) {
		ObjectNode body = SimJson.object();
		body.put("message", message);
		body.put("code", code);
		body.put("status", status);
		body.putObject("messageParams");
		body.put("contextId", request.correlationId());
		body.putArray("details");
		body.putArray("errors");
		return SimResponse.json(status, body);
	}

	static SimResponse badRequest(SimRequest request, String message) {
		return error(request, 400, "bad.request", message);
	}

	static SimResponse notFound(SimRequest request) {
		return error(request, 404, "not.found", "The requested resource was not found.");
	}

	static SimResponse authenticationRequired(SimRequest request) {
		return error(request, 401, "authentication.required",
				"No authentication bearer token specified in authorization header.");
	}

	static SimResponse badCredentials(SimRequest request) {
		return error(request, 401, "bad.credentials", "Invalid login credentials.");
	}

	static SimResponse missingPermission(SimRequest request, OAuthPermission permission) {
		return missingPermission(request, permission.value());
	}

	static SimResponse missingPermission(SimRequest request, String permission) {
		return error(request, 403, "missing.any.permissions",
				"Unable to perform the requested action. You must have at least one of the following permissions assigned: ["
						+ permission + "]");
	}

	static SimResponse tooManyRequests(SimRequest request, long retryAfterSeconds) {
		return error(request, 429, "too.many.requests",
				"Rate limit exceeded the maximum. Retry the request in [" + retryAfterSeconds + "] seconds")
			.header("Retry-After", Long.toString(retryAfterSeconds));
	}

	/** Error codes for injected statuses, from the catalogue in the fact sheet. */
	static SimResponse injectedStatus(SimRequest request, int status) {
		return switch (status) {
			case 429 -> tooManyRequests(request, 1);
			case 500 -> error(request, status, "internal.server.error", "The server encountered an unexpected error.");
			case 503 -> error(request, status, "service.unavailable", "Service Unavailable");
			case 504 -> error(request, status, "request.timeout", "The request timed out.");
			default -> error(request, status, (status >= 500) ? "server.error" : "bad.request",
					"Injected failure (HTTP " + status + ")");
		};
	}

}
