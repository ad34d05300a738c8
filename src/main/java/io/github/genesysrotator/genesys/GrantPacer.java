package io.github.genesysrotator.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Paces the rotator's own client-credentials grants per org, verification and admin
 * tokens alike: at most {@code rotator.genesys.token-grants-per-minute}, evenly spaced,
 * so that a fleet due at once does not run into the login host's own rate limit. That
 * limit is shared with every other application of the org, so Genesys may still answer
 * with it: then the org's grants hold off for a back-off that doubles with each limited
 * answer in a row (from {@code initial-backoff} up to {@code max-backoff}, with jitter),
 * timed on the rotator's clock.
 */
final class GrantPacer {

	private final Clock clock;

	private final Duration spacing;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final Consumer<Duration> pause;

	private final Map<String, OrgPace> orgs = new ConcurrentHashMap<>();

	GrantPacer(Clock clock, int grantsPerMinute, Duration initialBackoff, Duration maxBackoff) {
		this(clock, grantsPerMinute, initialBackoff, maxBackoff, GenesysHttp::pause);
	}

	/**
	 * @param pause waits the given time (tests substitute one that moves their clock)
	 */
	GrantPacer(Clock clock, int grantsPerMinute, Duration initialBackoff, Duration maxBackoff,
			Consumer<Duration> pause) {
		this.clock = clock;
		this.spacing = Duration.ofMinutes(1).dividedBy(grantsPerMinute);
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.pause = pause;
	}

	/**
	 * Wait for this org's next grant slot (at once when the org has been quiet). Slots
	 * are handed out in order, so concurrent callers queue behind each other.
	 */
	void awaitTurn(String org) {
		OrgPace pace = this.orgs.computeIfAbsent(org, (name) -> new OrgPace());
		Duration wait;
		synchronized (pace) {
			Instant now = this.clock.instant();
			pace.forgetIfClockWentBack(now);
			Instant turn = latest(latest(now, pace.nextSlot), pace.holdUntil);
			pace.nextSlot = turn.plus(this.spacing);
			wait = Duration.between(now, turn);
		}
		if (!wait.isNegative() && !wait.isZero()) {
			this.pause.accept(wait);
		}
	}

	/** Genesys answered a grant of this org: rate limited or not. */
	void answered(String org, boolean rateLimited) {
		OrgPace pace = this.orgs.computeIfAbsent(org, (name) -> new OrgPace());
		synchronized (pace) {
			if (!rateLimited) {
				pace.limitedInARow = 0;
				return;
			}
			pace.limitedInARow++;
			Duration backoff = this.initialBackoff.multipliedBy(1L << Math.min(pace.limitedInARow - 1, 20));
			if (backoff.compareTo(this.maxBackoff) > 0) {
				backoff = this.maxBackoff;
			}
			pace.holdUntil = latest(pace.holdUntil, this.clock.instant().plus(jittered(backoff)));
		}
	}

	/** Between half and all of {@code backoff}, at random. */
	private static Duration jittered(Duration backoff) {
		long millis = backoff.toMillis();
		return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** One org's grant schedule. */
	private static final class OrgPace {

		private Instant nextSlot = Instant.MIN;

		private Instant holdUntil = Instant.MIN;

		private int limitedInARow;

		private Instant lastSeen = Instant.MIN;

		/**
		 * A clock stepped back (NTP, a test resetting its clock) would otherwise leave
		 * slots and holds far in the future, and grants waiting for them: start over.
		 */
		void forgetIfClockWentBack(Instant now) {
			if (now.isBefore(this.lastSeen)) {
				this.nextSlot = Instant.MIN;
				this.holdUntil = Instant.MIN;
			}
			this.lastSeen = now;
		}

	}

}
