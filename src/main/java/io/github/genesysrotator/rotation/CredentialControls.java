package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import io.github.genesysrotator.rotation.StateRecord.Controls;
import io.github.genesysrotator.rotation.StateRecord.Pause;

/**
 * Pauses, resumes and due announcements: changes of a state record's
 * {@link StateRecord.Controls}, made without the lease. Each is a check-and-set write of
 * the record as just read, retried with a fresh read when another writer got there first,
 * so it never undoes a rotation's transition; a rotation running meanwhile carries it
 * into its own next write ({@link LeasedRecord}).
 */
final class CredentialControls {

	/** Conflicts tolerated before giving up: each needs another write in between. */
	private static final int ATTEMPTS = 5;

	private final RotationContext context;

	CredentialControls(RotationContext context) {
		this.context = context;
	}

	/**
	 * Stop routine rotations of the credential, until resumed or until {@code until}.
	 * @throws InvalidPauseException when {@code until} is not in the future
	 */
	StateRecord pause(CredentialSpec spec, String actor, String reason, Instant until) {
		Instant now = this.context.clock().instant();
		if (until != null && !until.isAfter(now)) {
			throw new InvalidPauseException("'until' must be in the future (now is " + now + ")");
		}
		Pause pause = new Pause(actor, reason, now, until);
		StateRecord written = change(spec, (record) -> record.controls().withPause(pause)).orElseThrow();
		this.context.listener().paused(spec.name(), pause);
		return written;
	}

	/**
	 * Undo a pause; nothing is written (and no event raised) when none is in force.
	 * @return the record as it now stands
	 */
	StateRecord resume(CredentialSpec spec, String actor) {
		Instant now = this.context.clock().instant();
		Optional<StateRecord> written = change(spec,
				(record) -> record.pausedAt(now).isPresent() ? record.controls().withPause(null) : null);
		written.ifPresent((record) -> this.context.listener().resumed(spec.name(), actor));
		return written.orElseGet(() -> this.context.read(spec).value());
	}

	/**
	 * Mark the credential's next scheduled rotation as announced, when it is due within
	 * the lead time, not paused and not announced yet. Across replicas one write wins,
	 * and only the winner raises the event.
	 * @return whether this call announced it
	 */
	boolean announceDue(CredentialSpec spec, Duration leadTime) {
		Instant now = this.context.clock().instant();
		return change(spec, (record) -> {
			Instant due = spec.nextScheduled(record.promotedAt());
			boolean announce = spec.config().enabled() && due != null && now.isBefore(due)
					&& !now.isBefore(due.minus(leadTime)) && record.pausedAt(now).isEmpty()
					&& !due.equals(record.controls().dueAnnounced());
			return announce ? record.controls().withDueAnnounced(due) : null;
		}).map((record) -> {
			this.context.listener().rotationDue(spec.name(), record.controls().dueAnnounced());
			return true;
		}).orElse(false);
	}

	/**
	 * Read, change the controls and write with check-and-set, again after a conflict. The
	 * change answers {@code null} when there is nothing to write.
	 * @return the record written, or empty when nothing was
	 * @throws StateConflictException when every attempt lost to another writer
	 */
	private Optional<StateRecord> change(CredentialSpec spec, Function<StateRecord, Controls> change) {
		for (int attempt = 1;; attempt++) {
			Stored<StateRecord> stored = this.context.read(spec);
			Controls controls = change.apply(stored.value());
			if (controls == null) {
				return Optional.empty();
			}
			StateRecord next = stored.value().withControls(controls);
			try {
				this.context.states().write(spec.name(), next, stored.version());
				return Optional.of(next);
			}
			catch (StateConflictException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
