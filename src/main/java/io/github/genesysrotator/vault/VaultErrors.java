package io.github.genesysrotator.vault;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.DependencyUnavailableException;
import io.github.genesysrotator.rotation.RotationException;

import org.springframework.web.client.ResourceAccessException;

/**
 * Turns Spring Vault failures into the rotation's error types. Spring Vault reports HTTP
 * errors as {@code Status <code> <reason>: <vault message>}; transport failures arrive as
 * {@link ResourceAccessException} or an {@link IOException} cause.
 */
final class VaultErrors {

	private static final Pattern STATUS = Pattern.compile("Status (\\d{3})");

	private static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";

	private VaultErrors() {
	}

	static boolean isCasMismatch(RuntimeException ex) {
		return String.valueOf(ex.getMessage()).contains(CAS_MISMATCH);
	}

	static RotationException translate(String operation, RuntimeException ex) {
		int status = statusOf(ex);
		String message = "Vault " + operation + " failed: " + describe(status, ex);
		if (status == -1 || status == 429 || status >= 500) {
			return new DependencyUnavailableException(Dependency.VAULT, message, ex);
		}
		return new DependencyRejectedException(Dependency.VAULT, status, message);
	}

	private static int statusOf(RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ResourceAccessException || cause instanceof IOException) {
				return -1;
			}
			Matcher matcher = STATUS.matcher(String.valueOf(cause.getMessage()));
			if (matcher.find()) {
				return Integer.parseInt(matcher.group(1));
			}
		}
		return -1;
	}

	private static String describe(int status, RuntimeException ex) {
		return (status == -1) ? "unreachable (" + ex.getClass().getSimpleName() + ")" : "HTTP " + status;
	}

}
