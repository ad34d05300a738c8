package io.github.genesysrotator.web;

import java.time.Instant;

import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;

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
 */
record HistoryView(String rotationId, String action, String trigger, String actor, String mode, String outcome,
		String clientId, Instant startedAt, Instant finishedAt, String duration, Long consumerVersion, String error) {

	static HistoryView of(HistoryEntry entry) {
		if (entry == null) {
			return null;
		}
		return new HistoryView(entry.rotationId(), (entry.action() != null) ? entry.action().label() : null,
				label(entry.trigger()), entry.actor(), label(entry.mode()), label(entry.outcome()), entry.clientId(),
				entry.startedAt(), entry.finishedAt(),
				(entry.startedAt() != null && entry.finishedAt() != null) ? iso(entry.duration()) : null,
				entry.consumerVersion(), entry.error());
	}

}
