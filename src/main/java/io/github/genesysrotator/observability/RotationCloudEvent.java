package io.github.genesysrotator.observability;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.genesysrotator.observability.NotificationProperties.Event;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.web.RotationView;

/**
 * A rotation event in CloudEvents 1.0 structured JSON. {@code data} is the record the API
 * answers for the rotation ({@link RotationView}), or for the other events a
 * {@link CredentialEvent}; neither ever holds a secret.
 *
 * @param specversion always {@code 1.0}
 * @param id unique per event; retries of one delivery repeat it, so receivers can
 * de-duplicate
 * @param source {@code /genesys-secret-rotator/<instance-id>}
 * @param type {@link #TYPE_PREFIX} followed by {@code rotation.succeeded},
 * {@code rotation.failed}, {@code rotation.rolledback}, {@code rotation.due},
 * {@code credential.paused} or {@code credential.resumed}
 * @param time when the event was raised (RFC 3339)
 * @param subject the credential
 * @param datacontenttype always {@code application/json}
 * @param data the rotation record, or the credential event
 */
record RotationCloudEvent(String specversion, String id, String source, String type, String time, String subject,
		String datacontenttype, Object data) {

	/** Reverse-DNS prefix of the event types, after the problem types' domain. */
	static final String TYPE_PREFIX = "dev.genesys-secret-rotator.";

	static RotationCloudEvent of(Event event, RotationResult result, String instanceId, Instant now) {
		return of(event, result.credential(), RotationView.of(result), instanceId, now);
	}

	static RotationCloudEvent of(Event event, CredentialEvent data, String instanceId, Instant now) {
		return of(event, data.credential(), data, instanceId, now);
	}

	private static RotationCloudEvent of(Event event, String credential, Object data, String instanceId, Instant now) {
		return new RotationCloudEvent("1.0", UUID.randomUUID().toString(), "/genesys-secret-rotator/" + instanceId,
				TYPE_PREFIX + event.shortName(), now.toString(), credential, "application/json", data);
	}

	/**
	 * The data of the events that are no rotation: a pause, a resume, an upcoming
	 * rotation. Absent fields are left out.
	 *
	 * @param credential the credential
	 * @param actor who paused or resumed it
	 * @param reason why it was paused
	 * @param until when the pause ends by itself
	 * @param dueAt when the scheduled rotation is due
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CredentialEvent(String credential, String actor, String reason, Instant until, Instant dueAt) {

	}

}
