package io.github.genesysrotator.observability;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.github.genesysrotator.observability.NotificationProperties.Event;
import io.github.genesysrotator.observability.NotificationProperties.Webhook;
import io.github.genesysrotator.observability.RotationCloudEvent.CredentialEvent;
import io.github.genesysrotator.rotation.InstanceId;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationListener;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.StateRecord.Pause;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the configured webhooks about succeeded, failed and rolled back rotations,
 * upcoming rotations, pauses and resumes as CloudEvents. Runs on the rotating thread only
 * long enough to build the body and queue it; the {@link WebhookDispatcher} does the
 * sending. Busy, refused and dry-run attempts changed nothing and raise no event.
 */
final class WebhookNotifier implements RotationListener {

	private final List<Webhook> webhooks;

	private final WebhookDispatcher dispatcher;

	private final JsonMapper json;

	private final Clock clock;

	private final InstanceId instanceId;

	WebhookNotifier(List<Webhook> webhooks, WebhookDispatcher dispatcher, JsonMapper json, Clock clock,
			InstanceId instanceId) {
		this.webhooks = List.copyOf(webhooks);
		this.dispatcher = dispatcher;
		this.json = json;
		this.clock = clock;
		this.instanceId = instanceId;
	}

	@Override
	public void finished(RotationResult result) {
		if (result.dryRun()) {
			return;
		}
		if (result.outcome() == Outcome.SUCCESS) {
			publish(result.rollback() ? Event.ROTATION_ROLLEDBACK : Event.ROTATION_SUCCEEDED, result);
		}
		else if (result.outcome() == Outcome.FAILED) {
			publish(Event.ROTATION_FAILED, result);
		}
	}

	@Override
	public void paused(String credential, Pause pause) {
		publish(Event.CREDENTIAL_PAUSED,
				new CredentialEvent(credential, pause.by(), pause.reason(), pause.until(), null));
	}

	@Override
	public void resumed(String credential, String actor) {
		publish(Event.CREDENTIAL_RESUMED, new CredentialEvent(credential, actor, null, null, null));
	}

	@Override
	public void rotationDue(String credential, Instant dueAt) {
		publish(Event.ROTATION_DUE, new CredentialEvent(credential, null, null, null, dueAt));
	}

	private void publish(Event event, RotationResult result) {
		publish(event, () -> RotationCloudEvent.of(event, result, this.instanceId.value(), this.clock.instant()));
	}

	private void publish(Event event, CredentialEvent data) {
		publish(event, () -> RotationCloudEvent.of(event, data, this.instanceId.value(), this.clock.instant()));
	}

	private void publish(Event event, Supplier<RotationCloudEvent> build) {
		List<Webhook> targets = this.webhooks.stream().filter((webhook) -> webhook.wants(event)).toList();
		if (targets.isEmpty()) {
			return;
		}
		RotationCloudEvent cloudEvent = build.get();
		byte[] body = this.json.writeValueAsBytes(cloudEvent);
		targets.forEach((webhook) -> this.dispatcher.submit(webhook, cloudEvent.id(), body));
	}

}
