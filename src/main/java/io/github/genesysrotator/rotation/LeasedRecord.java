package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

import io.github.genesysrotator.rotation.StateRecord.Lease;

/**
 * A state record held under this instance's lease. Every change is one check-and-set
 * write that also extends the lease; losing a write means another instance took the
 * record over, and the caller must stop before any further side effect. The rotating
 * thread and the verification beside it share one instance, so its writes are serialised.
 */
final class LeasedRecord {

	/** Renewals tried before a step whose answers keep arriving too late gives up. */
	private static final int RENEWALS = 3;

	private final String credential;

	private final StateRecordStore store;

	private final Clock clock;

	private final Duration ttl;

	private final Duration margin;

	private final String holder;

	private StateRecord record;

	private long version;

	private boolean known = true;

	LeasedRecord(String credential, StateRecordStore store, Clock clock, RotatorProperties.Rotation timings,
			String holder, Stored<StateRecord> read) {
		this.credential = credential;
		this.store = store;
		this.clock = clock;
		this.ttl = timings.leaseTtl();
		this.margin = timings.fenceMargin();
		this.holder = holder;
		this.record = read.value();
		this.version = read.version();
	}

	synchronized StateRecord current() {
		return this.record;
	}

	/**
	 * Whether {@link #current()} is what Vault holds: false after a write that failed
	 * (lost to another instance, or with an unknown result) until one succeeds.
	 */
	synchronized boolean known() {
		return this.known;
	}

	/** Apply a change and renew the lease, in one check-and-set write. */
	synchronized void update(UnaryOperator<StateRecord> change, String step) {
		Instant start = this.clock.instant();
		write(change.apply(this.record).withLease(new Lease(this.holder, start.plus(this.ttl))), step);
	}

	/**
	 * Make sure the lease stays ours for at least {@code needed} from now, renewing it
	 * with a check-and-set write when less is left. The renewal covers {@code needed}
	 * even past the lease TTL (a long {@code Retry-After}). A renewal is judged from the
	 * moment it was sent: one whose answer came back too late to cover {@code needed} is
	 * repeated, and a holder that was paused past its lease (a GC pause, a frozen VM)
	 * loses the write to whoever took the record over.
	 * @param needed how long the next step may take at worst
	 * @param step what the lease is needed for, for the error
	 * @throws LeaseLostException when another instance took the record over
	 * @throws DependencyUnavailableException when Vault answers every renewal too late
	 */
	synchronized void confirmFor(Duration needed, String step) {
		for (int renewals = 0; remaining().compareTo(needed) < 0; renewals++) {
			if (renewals == RENEWALS) {
				throw new DependencyUnavailableException(Dependency.VAULT, "Vault answered " + RENEWALS
						+ " lease renewals of '" + this.credential + "' too late to cover " + step);
			}
			Instant start = this.clock.instant();
			Duration length = longer(this.ttl, needed.plus(this.margin));
			write(this.record.withLease(new Lease(this.holder, start.plus(length))), step);
		}
	}

	/**
	 * Renew the lease now, whatever is left of it: a check-and-set write that fails when
	 * another instance took the record over.
	 * @throws LeaseLostException when it did
	 */
	synchronized void renew(String step) {
		update(UnaryOperator.identity(), step);
	}

	/** Apply a change and give the lease up, in one check-and-set write. */
	synchronized void release(UnaryOperator<StateRecord> change, String step) {
		write(change.apply(this.record).withLease(Lease.NONE), step);
	}

	private Duration remaining() {
		Instant expiresAt = this.record.lease().expiresAt();
		return (expiresAt != null) ? Duration.between(this.clock.instant(), expiresAt) : Duration.ZERO;
	}

	private void write(StateRecord next, String step) {
		this.known = false;
		try {
			this.version = this.store.write(this.credential, next, this.version);
			this.record = next;
		}
		catch (StateConflictException ex) {
			if (!resolvedConflict(next, step)) {
				throw new LeaseLostException(this.credential, step);
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
	private boolean resolvedConflict(StateRecord attempted, String step) {
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
			write(attempted.withControls(stored.value().controls()), step);
			return true;
		}
		return false;
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
