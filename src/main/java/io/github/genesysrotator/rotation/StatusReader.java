package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import io.github.genesysrotator.rotation.StateRecord.Slot;

import org.springframework.stereotype.Component;

/**
 * Builds each credential's status from its state record and its configuration: what is
 * published, when it is due next, how the last rotation ended. It reads and never writes.
 * The engine builds its statuses here, and the gauges read theirs here without depending
 * on the engine (which depends on them, as its listeners).
 */
@Component
public class StatusReader {

	private final CredentialCatalog catalog;

	private final StateRecordStore states;

	private final Duration failureBackoff;

	private final Clock clock;

	public StatusReader(CredentialCatalog catalog, StateRecordStore states, RotatorProperties properties, Clock clock) {
		this.catalog = catalog;
		this.states = states;
		this.failureBackoff = properties.schedule().failureBackoff();
		this.clock = clock;
	}

	/** The status of one credential, read from its state record. */
	public CredentialStatus status(String credential) {
		CredentialSpec spec = this.catalog.get(credential);
		return of(spec, this.states.readOrBootstrap(spec).value());
	}

	/** The status of every credential. */
	public List<CredentialStatus> statuses() {
		return this.catalog.all().stream().map((spec) -> of(spec, this.states.readOrBootstrap(spec).value())).toList();
	}

	/** The status a record shows, now. */
	CredentialStatus of(CredentialSpec spec, StateRecord record) {
		Optional<Slot> active = record.active();
		String standby = (spec.strategy() == Strategy.DUAL && record.activeSlot() != null)
				? record.slots().get(record.standbySlot()).clientId() : null;
		Instant generatedAt = secretGeneratedAt(record);
		Instant nextDue = spec.nextAllowedStart(earliestStart(spec, record, generatedAt));
		return new CredentialStatus(spec.name(), spec.strategy(), spec.org(), spec.vaultPath(), spec.config().enabled(),
				record.phase(), active.map(Slot::clientId).orElse(null), standby, record.promotedAt(), generatedAt,
				(generatedAt != null) ? Duration.between(generatedAt, now()) : null, spec.config().rotationInterval(),
				record.history().stream().findFirst().orElse(null), record.lastSuccess().orElse(null), nextDue,
				record.journal().lastError(), record.lease().holder(), record.pausedAt(now()).orElse(null),
				latestUsage(record),
				spec.targets()
					.stream()
					.map((target) -> new CredentialStatus.TargetStatus(target, record.publications().get(target.key())))
					.toList());
	}

	/**
	 * The retirement guard's latest answer: the one about the latest demotion. After a
	 * rotation that went on it is the answer about the client just regenerated, until the
	 * next rotation asks about the other one.
	 */
	private static StandbyUsage latestUsage(StateRecord record) {
		return record.slots()
			.stream()
			.map(Slot::usage)
			.filter((usage) -> usage != null && usage.demotedOn() != null)
			.max(Comparator.comparing(StandbyUsage::demotedOn))
			.orElse(null);
	}

	/**
	 * When the published secret was generated: a rollback republishes an older secret, so
	 * this is the active slot's generation time, not its publication. A secret the
	 * rotator adopted without a generation time counts from its publication.
	 */
	private static Instant secretGeneratedAt(StateRecord record) {
		Instant generated = record.active().map(Slot::generatedAt).orElse(null);
		return (generated != null) ? generated : record.promotedAt();
	}

	/**
	 * When the credential may rotate next, before its window: when its secret is due, and
	 * not before {@code rotator.schedule.failure-backoff} has passed since a failed
	 * rotation (on any replica: the history is shared).
	 */
	private Instant earliestStart(CredentialSpec spec, StateRecord record, Instant generatedAt) {
		Instant earliest = now();
		Instant due = spec.dueAt(generatedAt);
		if (due != null && due.isAfter(earliest)) {
			earliest = due;
		}
		HistoryEntry last = record.history().stream().findFirst().orElse(null);
		if (last != null && last.outcome() == Outcome.FAILED && last.finishedAt() != null) {
			Instant retryFrom = last.finishedAt().plus(this.failureBackoff);
			if (retryFrom.isAfter(earliest)) {
				earliest = retryFrom;
			}
		}
		return earliest;
	}

	private Instant now() {
		return this.clock.instant();
	}

}
