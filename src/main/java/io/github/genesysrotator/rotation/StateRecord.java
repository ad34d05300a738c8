package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The durable state of one credential, kept in Vault next to (never inside) the consumer
 * path. Every change is written with check-and-set, so a transition happens at most once.
 *
 * @param lease who may change the record now
 * @param journal the rotation in flight, or the last one
 * @param slots one slot per configured client, in configuration order
 * @param activeSlot index of the published client, or {@code null} before the first
 * publication
 * @param promotedAt when the active client was published
 * @param history finished rotations, newest first, bounded
 * @param controls what operators and the scheduler set outside rotations
 * @param publications the publication journal: the last publication to each target, by
 * {@link PublicationTarget#key()}; empty in records written before targets existed
 */
public record StateRecord(Lease lease, Journal journal, List<Slot> slots, @Nullable Integer activeSlot,
		@Nullable Instant promotedAt, List<HistoryEntry> history, Controls controls,
		Map<String, TargetPublication> publications) {

	public StateRecord {
		slots = List.copyOf(slots);
		history = List.copyOf(history);
		controls = (controls != null) ? controls : Controls.NONE;
		publications = (publications != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(publications))
				: Map.of();
	}

	public StateRecord(Lease lease, Journal journal, List<Slot> slots, Integer activeSlot, Instant promotedAt,
			List<HistoryEntry> history, Controls controls) {
		this(lease, journal, slots, activeSlot, promotedAt, history, controls, Map.of());
	}

	/** A fresh record for a credential nobody has rotated yet. */
	public static StateRecord bootstrap(List<String> clientIds) {
		List<Slot> slots = clientIds.stream().map(Slot::unknown).toList();
		return new StateRecord(Lease.NONE, Journal.IDLE, slots, null, null, List.of(), Controls.NONE);
	}

	public Phase phase() {
		return this.journal.phase();
	}

	public Optional<Slot> active() {
		return (this.activeSlot != null) ? Optional.of(this.slots.get(this.activeSlot)) : Optional.empty();
	}

	/** When the latest successful rotation finished, if one is in the history. */
	public Optional<Instant> lastSuccess() {
		return this.history.stream()
			.filter((entry) -> entry.outcome() == Outcome.SUCCESS)
			.map(HistoryEntry::finishedAt)
			.findFirst();
	}

	/** Dual: the slot that is not active. Only meaningful once a slot is active. */
	public int standbySlot() {
		return 1 - this.activeSlot;
	}

	public int slotOf(String clientId) {
		for (int i = 0; i < this.slots.size(); i++) {
			if (this.slots.get(i).clientId().equals(clientId)) {
				return i;
			}
		}
		return -1;
	}

	public StateRecord withLease(Lease lease) {
		return new StateRecord(lease, this.journal, this.slots, this.activeSlot, this.promotedAt, this.history,
				this.controls, this.publications);
	}

	public StateRecord withJournal(Journal journal) {
		return new StateRecord(this.lease, journal, this.slots, this.activeSlot, this.promotedAt, this.history,
				this.controls, this.publications);
	}

	public StateRecord withSlot(int index, Slot slot) {
		List<Slot> updated = new ArrayList<>(this.slots);
		updated.set(index, slot);
		return new StateRecord(this.lease, this.journal, updated, this.activeSlot, this.promotedAt, this.history,
				this.controls, this.publications);
	}

	public StateRecord withActive(int index, Instant at) {
		return new StateRecord(this.lease, this.journal, this.slots, index, at, this.history, this.controls,
				this.publications);
	}

	public StateRecord withHistory(HistoryEntry entry, int limit) {
		List<HistoryEntry> updated = new ArrayList<>();
		updated.add(entry);
		updated.addAll(this.history);
		return new StateRecord(this.lease, this.journal, this.slots, this.activeSlot, this.promotedAt,
				updated.subList(0, Math.min(limit, updated.size())), this.controls, this.publications);
	}

	public StateRecord withControls(Controls changed) {
		return new StateRecord(this.lease, this.journal, this.slots, this.activeSlot, this.promotedAt, this.history,
				changed, this.publications);
	}

	/**
	 * The record with these publications journalled (replacing older ones per target).
	 */
	public StateRecord withPublications(Collection<TargetPublication> published) {
		Map<String, TargetPublication> updated = new LinkedHashMap<>(this.publications);
		published.forEach((publication) -> updated.put(publication.target(), publication));
		return new StateRecord(this.lease, this.journal, this.slots, this.activeSlot, this.promotedAt, this.history,
				this.controls, updated);
	}

	/** Whether the rotation in the journal has written this client to the target. */
	public boolean publishedBy(String rotationId, PublicationTarget target, String clientId) {
		TargetPublication publication = this.publications.get(target.key());
		return publication != null && rotationId != null && rotationId.equals(publication.rotationId())
				&& clientId.equals(publication.clientId());
	}

	/** The pause in force at {@code now}, if any: a pause ends by itself at its end. */
	public Optional<Pause> pausedAt(Instant now) {
		return Optional.ofNullable(this.controls.pause()).filter((pause) -> pause.inForceAt(now));
	}

	/** Who holds the right to change the record, and until when. */
	public record Lease(@Nullable String holder, @Nullable Instant expiresAt) {

		public static final Lease NONE = new Lease(null, null);

		public boolean heldByAnotherThan(String instanceId, Instant now) {
			return this.holder != null && !this.holder.equals(instanceId) && this.expiresAt != null
					&& this.expiresAt.isAfter(now);
		}

		public boolean expired(Instant now) {
			return this.expiresAt == null || !this.expiresAt.isAfter(now);
		}

	}

	/**
	 * The rotation in flight (or the last one, when idle).
	 *
	 * @param phase the phase reached
	 * @param rotationId the rotation's id
	 * @param trigger what started it
	 * @param actor who started it
	 * @param mode routine or compromise
	 * @param targetSlot the slot being regenerated
	 * @param publish whether the target is published once verified ({@code false} when a
	 * compromise rotation retires the leaked client)
	 * @param startedAt when it started
	 * @param lastError the last error (never a secret)
	 */
	public record Journal(Phase phase, @Nullable String rotationId, @Nullable Trigger trigger, @Nullable String actor,
			@Nullable Mode mode, @Nullable Integer targetSlot, boolean publish, @Nullable Instant startedAt,
			@Nullable String lastError) {

		public static final Journal IDLE = new Journal(Phase.IDLE, null, null, null, null, null, false, null, null);

		/**
		 * A new rotation, about to regenerate {@code targetSlot} and publish it once
		 * verified.
		 */
		public static Journal regenerating(String rotationId, RotationRequest request, int targetSlot,
				Instant startedAt) {
			return new Journal(Phase.REGENERATING, rotationId, request.trigger(), request.actor(), request.mode(),
					targetSlot, true, startedAt, null);
		}

		/**
		 * A rollback: the previous client's secret is known to work, so it starts
		 * verified and is published again.
		 */
		public static Journal rollingBack(String rotationId, RotationRequest request, int previousSlot,
				Instant startedAt) {
			return new Journal(Phase.VERIFIED, rotationId, request.trigger(), request.actor(), Mode.ROUTINE,
					previousSlot, true, startedAt, null);
		}

		/**
		 * The second half of a compromise rotation: regenerate the leaked client, which
		 * is not published again, under the same rotation.
		 */
		public Journal retiring(int leakedSlot) {
			return new Journal(Phase.REGENERATING, this.rotationId, this.trigger, this.actor, Mode.COMPROMISE,
					leakedSlot, false, this.startedAt, null);
		}

		public Journal withPhase(Phase next) {
			return new Journal(next, this.rotationId, this.trigger, this.actor, this.mode, this.targetSlot,
					this.publish, this.startedAt, this.lastError);
		}

		public Journal failed(String error) {
			return new Journal(Phase.FAILED, this.rotationId, this.trigger, this.actor, this.mode, this.targetSlot,
					this.publish, this.startedAt, error);
		}

		public Journal resumedBy(Trigger by, String actor) {
			return new Journal(this.phase, this.rotationId, by, actor, this.mode, this.targetSlot, this.publish,
					this.startedAt, this.lastError);
		}

	}

	/**
	 * One OAuth client and what the rotator knows of it.
	 *
	 * @param clientId the Genesys client id
	 * @param secret its current secret, or {@code null} when unknown (never generated by
	 * the rotator)
	 * @param generatedAt when the secret was generated
	 * @param verifiedAt when a token grant with the secret last succeeded
	 * @param usage the retirement guard's last answer for this client, or {@code null}
	 * (records written before the guard existed have none)
	 */
	public record Slot(String clientId, @Nullable ClientSecret secret, @Nullable Instant generatedAt,
			@Nullable Instant verifiedAt, @Nullable StandbyUsage usage) {

		public Slot(String clientId, ClientSecret secret, Instant generatedAt, Instant verifiedAt) {
			this(clientId, secret, generatedAt, verifiedAt, null);
		}

		static Slot unknown(String clientId) {
			return new Slot(clientId, null, null, null);
		}

		public Slot regenerated(ClientSecret newSecret, Instant at) {
			return new Slot(this.clientId, newSecret, at, null, this.usage);
		}

		public Slot verified(Instant at) {
			return new Slot(this.clientId, this.secret, this.generatedAt, at, this.usage);
		}

		public Slot withUsage(StandbyUsage answer) {
			return new Slot(this.clientId, this.secret, this.generatedAt, this.verifiedAt, answer);
		}

	}

	/**
	 * A finished rotation or rollback.
	 *
	 * @param rotationId the rotation's id
	 * @param action a rotation or a rollback
	 * @param trigger what started it
	 * @param actor who started it
	 * @param mode routine or compromise
	 * @param outcome how it ended
	 * @param clientId the client regenerated (or republished, for a rollback)
	 * @param startedAt start
	 * @param finishedAt end
	 * @param consumerVersion the consumer path's KV version it published, if any
	 * @param error what went wrong, if it failed (never a secret)
	 * @param targets the publication targets the rotation wrote, in the order it wrote
	 * them (empty when it published nothing)
	 */
	public record HistoryEntry(String rotationId, @Nullable RotationAction action, @Nullable Trigger trigger,
			@Nullable String actor, @Nullable Mode mode, Outcome outcome, @Nullable String clientId,
			@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Long consumerVersion,
			@Nullable String error, List<TargetPublication> targets) {

		public HistoryEntry {
			targets = (targets != null) ? List.copyOf(targets) : List.of();
		}

		public Duration duration() {
			return Duration.between(this.startedAt, this.finishedAt);
		}

	}

	/**
	 * What operators and the scheduler change outside rotations, without the lease. A
	 * rotation never changes them, and carries a change made while it runs into its own
	 * next write ({@link LeasedRecord}), so pausing a running rotation pauses the next
	 * one.
	 *
	 * @param pause the pause set over the API, or {@code null}
	 * @param dueAnnounced the due date a {@code rotation.due} event was last sent for
	 */
	public record Controls(@Nullable Pause pause, @Nullable Instant dueAnnounced) {

		public static final Controls NONE = new Controls(null, null);

		public Controls withPause(Pause changed) {
			return new Controls(changed, this.dueAnnounced);
		}

		public Controls withDueAnnounced(Instant due) {
			return new Controls(this.pause, due);
		}

	}

	/**
	 * The last publication to one target.
	 *
	 * @param target the target's {@link PublicationTarget#key()}
	 * @param rotationId the rotation (or rollback) that published
	 * @param clientId the client published
	 * @param publishedAt when the target acknowledged the write
	 * @param version the Vault KV version written, or {@code null} for an integration
	 * credential
	 */
	public record TargetPublication(String target, String rotationId, String clientId, Instant publishedAt,
			@Nullable Long version) {

	}

	/**
	 * Routine rotations of the credential are stopped.
	 *
	 * @param by who paused it
	 * @param reason why, or {@code null}
	 * @param since when it was paused
	 * @param until when the pause ends by itself, or {@code null} for "until resumed"
	 */
	public record Pause(String by, @Nullable String reason, Instant since, @Nullable Instant until) {

		public boolean inForceAt(Instant now) {
			return this.until == null || this.until.isAfter(now);
		}

	}

}
