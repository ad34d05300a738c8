package io.github.genesysrotator.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the tests: they move it forward explicitly, so that token expiry,
 * rate-limit windows, propagation delays, grace periods and leases are tested without
 * sleeping. It either stands still at an instant ({@link #at(Instant)}) or follows the
 * system clock ({@link #ticking()}); either way {@link #advance(Duration)} adds to it and
 * {@link #reset()} takes back every move.
 */
public final class MutableClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset;

	private final ZoneId zone;

	private MutableClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
		this.base = base;
		this.offset = offset;
		this.zone = zone;
	}

	/** A clock standing still at {@code start} until a test moves it. */
	public static MutableClock at(Instant start) {
		return new MutableClock(Clock.fixed(start, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO),
				ZoneOffset.UTC);
	}

	/** A clock standing still at a fixed, millisecond-aligned instant. */
	public static MutableClock startingNow() {
		return at(Instant.parse("2026-01-15T10:00:00.000Z"));
	}

	/**
	 * A clock that follows the system clock, plus whatever the test moved it forward: for
	 * a service whose real waits still have to end (verification polls, HTTP timeouts).
	 */
	public static MutableClock ticking() {
		return new MutableClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
	}

	public void advance(Duration duration) {
		this.offset.updateAndGet((current) -> current.plus(duration));
	}

	/** From now on the clock reads {@code instant} (and goes on ticking if it ticks). */
	public void set(Instant instant) {
		this.offset.set(Duration.between(this.base.instant(), instant));
	}

	/** Takes back every move: the clock reads its start again, or the system time. */
	public void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.base, this.offset, zone);
	}

}
