package io.github.genesysrotator.vault;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.DependencyUnavailableException;
import io.github.genesysrotator.rotation.RotationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Turns Spring Vault failures into the rotation's error types. Spring Vault wraps an HTTP
 * error in a {@code VaultException} whose cause is the HTTP client's exception: the
 * status and Vault's {@code {"errors":[...]}} body are read from that cause, never from
 * message text a new Spring Vault release may word differently. Transport failures arrive
 * as {@link ResourceAccessException} or an {@link IOException} cause.
 */
final class VaultErrors {

	/** Vault's exact text for a check-and-set write over another version (HTTP 400). */
	private static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";

	private static final JsonMapper json = JsonMapper.builder().build();

	private VaultErrors() {
	}

	static boolean isCasMismatch(RuntimeException ex) {
		RestClientResponseException http = httpCause(ex);
		return http != null && http.getStatusCode().value() == 400
				&& vaultErrorsOf(http).stream().anyMatch((error) -> error.contains(CAS_MISMATCH));
	}

	static RotationException translate(String operation, RuntimeException ex) {
		int status = statusOf(ex);
		String message = "Vault " + operation + " failed: " + describe(status, ex);
		if (status == -1 || status == 429 || status >= 500) {
			return new DependencyUnavailableException(Dependency.VAULT, message, ex);
		}
		return new DependencyRejectedException(Dependency.VAULT, status, message);
	}

	/** The HTTP status Vault answered, or -1 when no answer came. */
	private static int statusOf(RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ResourceAccessException || cause instanceof IOException) {
				return -1;
			}
		}
		RestClientResponseException http = httpCause(ex);
		return (http != null) ? http.getStatusCode().value() : -1;
	}

	private static RestClientResponseException httpCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RestClientResponseException http) {
				return http;
			}
		}
		return null;
	}

	/** Vault's error strings: the {@code errors} array of the body, empty if none. */
	private static List<String> vaultErrorsOf(RestClientResponseException http) {
		try {
			JsonNode errors = json.readTree(http.getResponseBodyAsString()).path("errors");
			List<String> texts = new ArrayList<>();
			errors.forEach((error) -> texts.add(error.asString()));
			return texts;
		}
		catch (JacksonException ex) {
			return List.of();
		}
	}

	private static String describe(int status, RuntimeException ex) {
		return (status == -1) ? "unreachable (" + ex.getClass().getSimpleName() + ")" : "HTTP " + status;
	}

}
