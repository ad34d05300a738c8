package io.github.genesysrotator.web;

import java.time.Instant;
import java.util.List;

import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import io.github.genesysrotator.rotation.StateRecord.TargetPublication;

import static io.github.genesysrotator.web.RotationView.iso;
import static io.github.genesysrotator.web.RotationView.label;

/**
 * A finished rotation or rollback from a credential's history.
 *
 * @param rotationId the rotation's id
 * @param action {@code rotation} or {@code rollback}
 * @param trigger what started it
 * @param actor who started it
 * @param mode routine or compromise
 * @param outcome how it ended
 * @param clientId the client regenerated (or republished, for a rollback)
 * @param startedAt start
 * @param finishedAt end
 * @param duration end minus start
 * @param consumerVersion the consumer path's KV version it published
 * @param error what went wrong, if it failed
 * @param targets the publication targets it wrote, in order
 */
record HistoryView(String rotationId, String action, String trigger, String actor, String mode, String outcome,
		String clientId, Instant startedAt, Instant finishedAt, String duration, Long consumerVersion, String error,
		List<WrittenTarget> targets) {

	static HistoryView of(HistoryEntry entry) {
		if (entry == null) {
			return null;
		}
		return new HistoryView(entry.rotationId(), (entry.action() != null) ? entry.action().label() : null,
				label(entry.trigger()), entry.actor(), label(entry.mode()), label(entry.outcome()), entry.clientId(),
				entry.startedAt(), entry.finishedAt(),
				(entry.startedAt() != null && entry.finishedAt() != null) ? iso(entry.duration()) : null,
				entry.consumerVersion(), entry.error(), entry.targets().stream().map(WrittenTarget::of).toList());
	}

	/**
	 * A target a rotation wrote.
	 *
	 * @param type {@code vault-path} or {@code integration-credential}
	 * @param id the Vault path or the integration credential id
	 * @param publishedAt when the rotation wrote it
	 * @param version the Vault version it wrote (Vault paths only)
	 */
	record WrittenTarget(String type, String id, Instant publishedAt, Long version) {

		static WrittenTarget of(TargetPublication publication) {
			String key = publication.target();
			int colon = key.indexOf(':');
			return new WrittenTarget(key.substring(0, Math.max(colon, 0)), key.substring(colon + 1),
					publication.publishedAt(), publication.version());
		}

	}

}
