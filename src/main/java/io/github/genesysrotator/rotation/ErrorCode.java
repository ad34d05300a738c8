package io.github.genesysrotator.rotation;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Why a rotation or a control did not happen: the stable {@code code} the API, the
 * history, the audit log and the one-shot output carry, with the HTTP status and the
 * title the API answers it with.
 */
public enum ErrorCode {

	/** No such credential is configured. */
	UNKNOWN_CREDENTIAL("unknown-credential", 404, "Unknown credential"),

	/** No such org is configured. */
	UNKNOWN_ORG("unknown-org", 404, "Unknown org"),

	/** This or another replica is rotating the credential. */
	ROTATION_IN_PROGRESS("rotation-in-progress", 409, "A rotation of this credential is in progress"),

	/** The request does not apply to this credential (a rollback of a single one). */
	NOT_APPLICABLE("not-applicable", 409, "Not applicable to this credential"),

	/** A check before the first side effect failed. */
	PREFLIGHT_FAILED("preflight-failed", 409, "Preflight check failed"),

	/** The state record changed under the rotation. */
	STATE_CONFLICT("state-conflict", 409, "State record changed concurrently"),

	/** Another replica took the lease over. */
	LEASE_LOST("lease-lost", 409, "Rotation taken over by another replica"),

	/** The consumer path changed under the rotation. */
	PUBLICATION_CONFLICT("publication-conflict", 409, "Consumer path changed concurrently"),

	/** Rotated since the scheduler queued it. */
	ALREADY_ROTATED("already-rotated", 409, "Already rotated"),

	/** A rotation a crash left behind was closed without finishing. */
	ABANDONED("abandoned", 409, "Interrupted rotation closed"),

	/** Routine rotations of the credential are paused. */
	PAUSED("paused", 409, "Credential paused"),

	/** The retirement guard saw the standby client still in use. */
	STANDBY_IN_USE("standby-in-use", 409, "Standby client still in use"),

	/** A pause that ends in the past. */
	INVALID_PAUSE("invalid-pause", 422, "Invalid pause"),

	/** The API's minimum interval between routine rotations. */
	COOLDOWN("cooldown", 429, "Rotated too recently"),

	/** The previous secret's grace period is not over. */
	GRACE_PERIOD("grace-period", 429, "Grace period not over"),

	/** Genesys Cloud answered 4xx. */
	GENESYS_REJECTED("genesys-rejected", 502, "Genesys Cloud refused the request"),

	/** The new secret obtains no token. */
	VERIFICATION_FAILED("verification-failed", 502, "New secret not accepted by Genesys Cloud"),

	/** Vault answered 4xx. */
	VAULT_REJECTED("vault-rejected", 502, "Vault refused the request"),

	/** Genesys Cloud unreachable, 5xx or 429 past the retries. */
	GENESYS_UNAVAILABLE("genesys-unavailable", 503, "Genesys Cloud unavailable"),

	/** Vault unreachable or 5xx past the retries. */
	VAULT_UNAVAILABLE("vault-unavailable", 503, "Vault unavailable"),

	/** The configuration does not allow the rotation. */
	INVALID_CONFIGURATION("invalid-configuration", 500, "Invalid configuration");

	private final String code;

	private final int status;

	private final String title;

	ErrorCode(String code, int status, String title) {
		this.code = code;
		this.status = status;
		this.title = title;
	}

	/** The code as it appears on the wire and in the state record. */
	public String code() {
		return this.code;
	}

	/** The HTTP status the API answers with. */
	public int status() {
		return this.status;
	}

	/** A short human title. */
	public String title() {
		return this.title;
	}

	/** The error code with this wire value, if there is one. */
	public static Optional<ErrorCode> of(@Nullable String code) {
		return Arrays.stream(values()).filter((value) -> value.code.equals(code)).findFirst();
	}

	/** Whether {@code code} (a result's or a history entry's) names this error. */
	public boolean is(@Nullable String code) {
		return this.code.equals(code);
	}

	@Override
	public String toString() {
		return this.code;
	}

}
