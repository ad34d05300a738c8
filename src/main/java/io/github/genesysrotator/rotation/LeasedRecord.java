package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import io.github.genesysrotator.rotation.StateRecord.Lease;

/**
 * A state record held under this instance's lease. Every change is one check-and-set
 * write that also extends the lease; losing a write means another instance took the
 * record over, and the caller must stop before any further side effect.
 */
final class LeasedRecord {

	private final String credential;

	private final StateRecordStore store;

	private final Clock clock;

	private final Duration ttl;

	private final String holder;

	private StateRecord record;

	private long version;

	private boolean known = true;

	LeasedRecord(String credential, StateRecordStore store, Clock clock, Duration ttl, String holder,
			Stored<StateRecord> read) {
		this.credential = credential;
		this.store = store;
		this.clock = clock;
		this.ttl = ttl;
		this.holder = holder;
		this.record = read.value();
		this.version = read.version();
	}

	StateRecord current() {
		return this.record;
	}

	/**
	 * Whether {@link #current()} is what Vault holds: false after a write that failed
	 * (lost to another instance, or with an unknown result) until one succeeds.
	 */
	boolean known() {
		return this.known;
	}

	/** Apply a change and renew the lease, in one check-and-set write. */
	void update(UnaryOperator<StateRecord> change) {
		write(change.apply(this.record).withLease(new Lease(this.holder, this.clock.instant().plus(this.ttl))));
	}

	/**
	 * Make sure the lease is still ours before a side effect: when less than half of it
	 * is left, renew it. A holder paused past its lease (a GC pause, a stalled VM) then
	 * loses this check-and-set to whoever took the record over, and stops.
	 * @throws StateConflictException when another instance took the record over
	 */
	void confirm() {
		Instant expiresAt = this.record.lease().expiresAt();
		if (expiresAt == null || this.clock.instant().plus(this.ttl.dividedBy(2)).isAfter(expiresAt)) {
			update(UnaryOperator.identity());
		}
	}

	/** Apply a change and give the lease up, in one check-and-set write. */
	void release(UnaryOperator<StateRecord> change) {
		write(change.apply(this.record).withLease(Lease.NONE));
	}

	private void write(StateRecord next) {
		this.known = false;
		try {
			this.version = this.store.write(this.credential, next, this.version);
			this.record = next;
		}
		catch (StateConflictException ex) {
			if (!resolvedConflict(next)) {
				throw ex;
			}
		}
		this.known = true;
	}

	/**
	 * A write whose response was lost may have been applied: its retry then conflicts
	 * with our own version. A pause or a due announcement ({@link StateRecord.Controls})
	 * may have been written since our last write: it is carried into this one. Reading
	 * back tells these apart from another holder's write.
	 */
	private boolean resolvedConflict(StateRecord attempted) {
		Stored<StateRecord> stored = this.store.read(this.credential).orElse(null);
		if (stored == null) {
			return false;
		}
		StateRecord controlsOnly = stored.value().withControls(this.record.controls());
		if (stored.value().withControls(attempted.controls()).equals(attempted)) {
			this.version = stored.version();
			this.record = stored.value();
			return true;
		}
		if (controlsOnly.equals(this.record)) {
			this.record = stored.value();
			this.version = stored.version();
			write(attempted.withControls(stored.value().controls()));
			return true;
		}
		return false;
	}

}
