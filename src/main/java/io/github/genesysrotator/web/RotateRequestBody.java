package io.github.genesysrotator.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.Trigger;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * The optional body of {@code POST /credentials/{name}/rotations}.
 *
 * @param mode {@code routine} (default) or {@code compromise}
 * @param reason free text for the audit log
 * @param dryRun only acquire and preflight, and report what would happen
 */
record RotateRequestBody(@Schema(allowableValues = {
		"routine", "compromise" }, defaultValue = "routine") @Pattern(regexp = "routine|compromise",
				message = "must be 'routine' or 'compromise'") String mode,
		@Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*",
				message = "must not contain control characters such as line breaks") String reason,
		Boolean dryRun){

	static final RotateRequestBody DEFAULT = new RotateRequestBody(null, null, null);

	/**
	 * Unknown fields are refused here rather than by a global mapper setting, so the
	 * lenient mapper the Genesys and Vault adapters need stays as it is. A typo such as
	 * {@code "dryrun": true} must not start a real rotation.
	 */
	@JsonAnySetter
	void refuseUnknown(String field, Object value) {
		throw new UnknownFieldException(field);
	}

	RotationRequest toRequest(String credential, String actor) {
		Mode parsed = (this.mode != null) ? Mode.valueOf(this.mode.toUpperCase(Locale.ROOT)) : Mode.ROUTINE;
		return new RotationRequest(credential, Trigger.API, actor, parsed, Boolean.TRUE.equals(this.dryRun),
				this.reason, null);
	}

	/** A body field the API does not know. */
	static class UnknownFieldException extends IllegalArgumentException {

		UnknownFieldException(String field) {
			super("Unknown field '" + field + "'");
		}

	}

}
