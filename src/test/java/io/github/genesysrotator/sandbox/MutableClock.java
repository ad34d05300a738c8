package io.github.genesysrotator.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move forward explicitly, so that token expiry, rate-limit windows,
 * propagation delays and grace periods are tested without sleeping.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	public static MutableClock at(Instant start) {
		return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
	}

	/** A clock starting at a fixed, millisecond-aligned instant. */
	public static MutableClock startingNow() {
		return at(Instant.parse("2026-01-15T10:00:00.000Z"));
	}

	public void advance(Duration duration) {
		this.now.updateAndGet((current) -> current.plus(duration));
	}

	public void set(Instant instant) {
		this.now.set(instant);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(this.now, zone);
	}

}
