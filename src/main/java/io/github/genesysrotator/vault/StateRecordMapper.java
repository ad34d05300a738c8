package io.github.genesysrotator.vault;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.rotation.ClientSecret;
import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationAction;
import io.github.genesysrotator.rotation.StandbyUsage;
import io.github.genesysrotator.rotation.StateRecord;
import io.github.genesysrotator.rotation.StateRecord.Controls;
import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import io.github.genesysrotator.rotation.StateRecord.Journal;
import io.github.genesysrotator.rotation.StateRecord.Lease;
import io.github.genesysrotator.rotation.StateRecord.Pause;
import io.github.genesysrotator.rotation.StateRecord.Slot;
import io.github.genesysrotator.rotation.StateRecord.TargetPublication;
import io.github.genesysrotator.rotation.Trigger;

/**
 * Maps a {@link StateRecord} to the KV data stored in Vault and back. Written by hand so
 * the one place a secret is revealed for storage is visible, and the stored layout (snake
 * case, ISO-8601 instants, lower-case enums) is the documented one.
 */
final class StateRecordMapper {

	private StateRecordMapper() {
	}

	static Map<String, Object> toData(StateRecord record) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("holder", record.lease().holder());
		data.put("lease_expires_at", text(record.lease().expiresAt()));
		Journal journal = record.journal();
		data.put("phase", journal.phase().name());
		data.put("rotation_id", journal.rotationId());
		data.put("trigger", (journal.trigger() != null) ? journal.trigger().label() : null);
		data.put("actor", journal.actor());
		data.put("mode", (journal.mode() != null) ? journal.mode().name() : null);
		data.put("target_slot", journal.targetSlot());
		data.put("publish", journal.publish());
		data.put("started_at", text(journal.startedAt()));
		data.put("last_error", journal.lastError());
		data.put("slots", record.slots().stream().map(StateRecordMapper::slotData).toList());
		data.put("active_slot", record.activeSlot());
		data.put("promoted_at", text(record.promotedAt()));
		data.put("history", record.history().stream().map(StateRecordMapper::historyData).toList());
		Pause pause = record.controls().pause();
		if (pause != null) {
			data.put("paused_by", pause.by());
			data.put("pause_reason", pause.reason());
			data.put("paused_at", text(pause.since()));
			data.put("paused_until", text(pause.until()));
		}
		data.put("due_announced_for", text(record.controls().dueAnnounced()));
		if (!record.publications().isEmpty()) {
			data.put("publications",
					record.publications().values().stream().map(StateRecordMapper::publicationData).toList());
		}
		return data;
	}

	@SuppressWarnings("unchecked")
	static StateRecord fromData(Map<String, Object> data) {
		Lease lease = new Lease(string(data, "holder"), instant(data, "lease_expires_at"));
		Journal journal = new Journal(Phase.valueOf(string(data, "phase")), string(data, "rotation_id"),
				trigger(string(data, "trigger")), string(data, "actor"), mode(string(data, "mode")),
				integer(data, "target_slot"), Boolean.TRUE.equals(data.get("publish")), instant(data, "started_at"),
				string(data, "last_error"));
		List<Slot> slots = new ArrayList<>();
		for (Object slot : (List<Object>) data.getOrDefault("slots", List.of())) {
			slots.add(slot((Map<String, Object>) slot));
		}
		List<HistoryEntry> history = new ArrayList<>();
		for (Object entry : (List<Object>) data.getOrDefault("history", List.of())) {
			history.add(history((Map<String, Object>) entry));
		}
		List<TargetPublication> publications = new ArrayList<>();
		for (Object publication : (List<Object>) data.getOrDefault("publications", List.of())) {
			publications.add(publication((Map<String, Object>) publication));
		}
		return new StateRecord(lease, journal, slots, integer(data, "active_slot"), instant(data, "promoted_at"),
				history, controls(data), Map.of())
			.withPublications(publications);
	}

	/** Records written before pauses and announcements existed have neither. */
	private static Controls controls(Map<String, Object> data) {
		Pause pause = (data.get("paused_at") != null) ? new Pause(string(data, "paused_by"),
				string(data, "pause_reason"), instant(data, "paused_at"), instant(data, "paused_until")) : null;
		return new Controls(pause, instant(data, "due_announced_for"));
	}

	private static Map<String, Object> publicationData(TargetPublication publication) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("target", publication.target());
		data.put("rotation_id", publication.rotationId());
		data.put("client_id", publication.clientId());
		data.put("published_at", text(publication.publishedAt()));
		data.put("version", publication.version());
		return data;
	}

	/** Records written before publication targets existed have no journal of them. */
	private static TargetPublication publication(Map<String, Object> data) {
		Object version = data.get("version");
		return new TargetPublication(string(data, "target"), string(data, "rotation_id"), string(data, "client_id"),
				instant(data, "published_at"), (version instanceof Number number) ? number.longValue() : null);
	}

	private static Map<String, Object> slotData(Slot slot) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("client_id", slot.clientId());
		data.put("client_secret", (slot.secret() != null) ? slot.secret().reveal() : null);
		data.put("generated_at", text(slot.generatedAt()));
		data.put("verified_at", text(slot.verifiedAt()));
		StandbyUsage usage = slot.usage();
		if (usage != null) {
			data.put("usage", usage.answer().label());
			data.put("usage_demoted_on", text(usage.demotedOn()));
			data.put("usage_checked_on", text(usage.checkedOn()));
			data.put("usage_last_used_on", text(usage.lastUsedOn()));
			data.put("usage_reason", usage.reason());
		}
		return data;
	}

	private static Slot slot(Map<String, Object> data) {
		String secret = string(data, "client_secret");
		return new Slot(string(data, "client_id"), (secret != null) ? ClientSecret.of(secret) : null,
				instant(data, "generated_at"), instant(data, "verified_at"), usage(data));
	}

	/** Slots written before the retirement guard existed have no usage: "none". */
	private static StandbyUsage usage(Map<String, Object> data) {
		String answer = string(data, "usage");
		if (answer == null) {
			return null;
		}
		return new StandbyUsage(StandbyUsage.Answer.of(answer), string(data, "client_id"),
				date(data, "usage_demoted_on"), date(data, "usage_checked_on"), date(data, "usage_last_used_on"),
				string(data, "usage_reason"));
	}

	private static Map<String, Object> historyData(HistoryEntry entry) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("rotation_id", entry.rotationId());
		data.put("action", (entry.action() != null) ? entry.action().label() : null);
		data.put("trigger", (entry.trigger() != null) ? entry.trigger().label() : null);
		data.put("actor", entry.actor());
		data.put("mode", (entry.mode() != null) ? entry.mode().name() : null);
		data.put("outcome", entry.outcome().name());
		data.put("client_id", entry.clientId());
		data.put("started_at", text(entry.startedAt()));
		data.put("finished_at", text(entry.finishedAt()));
		data.put("consumer_version", entry.consumerVersion());
		data.put("error", entry.error());
		if (!entry.targets().isEmpty()) {
			data.put("targets", entry.targets().stream().map(StateRecordMapper::publicationData).toList());
		}
		return data;
	}

	/** Entries written before history listed targets have none. */
	@SuppressWarnings("unchecked")
	private static HistoryEntry history(Map<String, Object> data) {
		Object version = data.get("consumer_version");
		List<TargetPublication> targets = new ArrayList<>();
		for (Object target : (List<Object>) data.getOrDefault("targets", List.of())) {
			targets.add(publication((Map<String, Object>) target));
		}
		return new HistoryEntry(string(data, "rotation_id"), RotationAction.of(string(data, "action")),
				trigger(string(data, "trigger")), string(data, "actor"), mode(string(data, "mode")),
				Outcome.valueOf(string(data, "outcome")), string(data, "client_id"), instant(data, "started_at"),
				instant(data, "finished_at"), (version instanceof Number number) ? number.longValue() : null,
				string(data, "error"), targets);
	}

	private static String text(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	private static LocalDate date(Map<String, Object> data, String key) {
		String value = string(data, key);
		return (value != null && !value.isEmpty()) ? LocalDate.parse(value) : null;
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static String string(Map<String, Object> data, String key) {
		Object value = data.get(key);
		return (value != null) ? value.toString() : null;
	}

	private static Instant instant(Map<String, Object> data, String key) {
		String value = string(data, key);
		return (value != null && !value.isEmpty()) ? Instant.parse(value) : null;
	}

	private static Integer integer(Map<String, Object> data, String key) {
		Object value = data.get(key);
		return (value instanceof Number number) ? number.intValue() : null;
	}

	private static Trigger trigger(String value) {
		return (value != null) ? Trigger.valueOf(value.toUpperCase(java.util.Locale.ROOT)) : null;
	}

	private static Mode mode(String value) {
		return (value != null) ? Mode.valueOf(value) : null;
	}

}
