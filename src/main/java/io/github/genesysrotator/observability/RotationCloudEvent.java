package io.github.genesysrotator.observability;

import java.time.Instant;
import java.util.UUID;

import io.github.genesysrotator.observability.NotificationProperties.Event;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.web.RotationView;

/**
 * A rotation event in CloudEvents 1.0 structured JSON. {@code data} is the record the API
 * answers for the rotation ({@link RotationView}), which never holds a secret.
 *
 * @param specversion always {@code 1.0}
 * @param id unique per event; retries of one delivery repeat it, so receivers can
 * de-duplicate
 * @param source {@code /genesys-secret-rotator/<instance-id>}
 * @param type {@link #TYPE_PREFIX} followed by {@code rotation.succeeded},
 * {@code rotation.failed} or {@code rotation.rolledback}
 * @param time when the event was raised (RFC 3339)
 * @param subject the credential
 * @param datacontenttype always {@code application/json}
 * @param data the rotation record
 */
record RotationCloudEvent(String specversion, String id, String source, String type, String time, String subject,
		String datacontenttype, RotationView data) {

	/** Reverse-DNS prefix of the event types, after the problem types' domain. */
	static final String TYPE_PREFIX = "dev.genesys-secret-rotator.";

	static RotationCloudEvent of(Event event, RotationResult result, String instanceId, Instant now) {
		return new RotationCloudEvent("1.0", UUID.randomUUID().toString(), "/genesys-secret-rotator/" + instanceId,
				TYPE_PREFIX + event.shortName(), now.toString(), result.credential(), "application/json",
				RotationView.of(result));
	}

}
