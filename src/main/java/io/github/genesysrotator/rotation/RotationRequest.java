package io.github.genesysrotator.rotation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A request to rotate one credential, from any trigger.
 *
 * @param credential the credential name
 * @param trigger what asks
 * @param actor who asks (token name, JWT subject, {@code scheduler}, ...)
 * @param mode routine or compromise
 * @param dryRun only check what would happen
 * @param reason free text for the audit log (never a metric label)
 * @param queuedAt for scheduled passes: skip when the credential was rotated after this
 * instant; {@code null} otherwise
 */
public record RotationRequest(String credential, Trigger trigger, String actor, Mode mode, boolean dryRun,
		@Nullable String reason, @Nullable Instant queuedAt) {

	public RotationRequest {
		mode = (mode != null) ? mode : Mode.ROUTINE;
	}

	public static RotationRequest of(String credential, Trigger trigger, String actor) {
		return new RotationRequest(credential, trigger, actor, Mode.ROUTINE, false, null, null);
	}

}
