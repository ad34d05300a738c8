package io.github.genesysrotator.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code POST /credentials/{name}/pause}. An {@code until} that is
 * not in the future is refused by the service, which owns the clock.
 *
 * @param reason why, for the status, the audit log and the webhooks
 * @param until when the pause ends by itself (ISO-8601); absent: until resumed
 */
record PauseRequestBody(
		@Size(max = PauseRequestBody.MAX_REASON) @Pattern(regexp = "[^\\p{Cntrl}]*",
				message = "must not contain control characters such as line breaks") String reason,
		@Schema(description = "ISO-8601 instant, e.g. 2026-12-24T08:00:00Z") Instant until) {

	/** The longest reason accepted, in characters. */
	static final int MAX_REASON = 256;

	static final PauseRequestBody NONE = new PauseRequestBody(null, null);

	/** As for rotations: a typo such as {@code "untill"} must not pause forever. */
	@JsonAnySetter
	void refuseUnknown(String field, Object value) {
		throw new RotateRequestBody.UnknownFieldException(field);
	}

}
