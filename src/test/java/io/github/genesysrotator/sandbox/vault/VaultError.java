package io.github.genesysrotator.sandbox.vault;

import java.util.List;

/**
 * An error response as Vault sends it: a status and {@code {"errors":[...]}} with zero or
 * one message. Thrown by handlers to end a request early.
 */
final class VaultError extends RuntimeException {

	private final int status;

	private final List<String> errors;

	private final boolean emptyBody;

	private VaultError(int status, List<String> errors, boolean emptyBody) {
		super(status + " " + errors, null, false, false);
		this.status = status;
		this.errors = errors;
		this.emptyBody = emptyBody;
	}

	static VaultError of(int status, String message) {
		return new VaultError(status, List.of(message), false);
	}

	static VaultError badRequest(String message) {
		return of(400, message);
	}

	/** Vault's "handler returned nothing" 404: {@code {"errors":[]}}. */
	static VaultError notFound() {
		return new VaultError(404, List.of(), false);
	}

	/** A status with no body at all (KV PATCH on a missing key). */
	static VaultError emptyBody(int status) {
		return new VaultError(status, List.of(), true);
	}

	/** No token, or a token whose policies lack the capability. */
	static VaultError permissionDenied() {
		return of(403, Multierror.format(List.of("permission denied")));
	}

	/** Unknown, revoked or expired token (Vault 1.16+ names both causes). */
	static VaultError invalidToken() {
		return of(403, Multierror.format(List.of("permission denied", "invalid token")));
	}

	/** 400 {@code {"errors":[]}} (a health query code that is not an integer). */
	static VaultError notFoundOrBadRequest() {
		return new VaultError(400, List.of(), false);
	}

	static VaultError sealed() {
		return of(503, "Vault is sealed");
	}

	static VaultError unsupportedOperation() {
		return of(405, "unsupported operation");
	}

	int status() {
		return this.status;
	}

	List<String> errors() {
		return this.errors;
	}

	boolean emptyBody() {
		return this.emptyBody;
	}

}
