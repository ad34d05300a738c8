package io.github.genesysrotator.genesys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.genesysrotator.sandbox.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-org pacing of token grants, on a clock the test moves: every wait the pacer
 * asks for moves it.
 */
class GrantPacerTests {

	private final MutableClock clock = MutableClock.startingNow();

	private final List<Duration> waits = new ArrayList<>();

	private final GrantPacer pacer = new GrantPacer(this.clock, 60, Duration.ofMillis(200), Duration.ofSeconds(2),
			(wait) -> {
				this.waits.add(wait);
				this.clock.advance(wait);
			});

	@Test
	void grantsOfAnOrgAreSpacedEvenlyAndAQuietOrgWaitsForNothing() {
		this.pacer.awaitTurn("acme");
		this.pacer.awaitTurn("acme");
		this.pacer.awaitTurn("acme");
		this.pacer.awaitTurn("globex");

		assertThat(this.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(5));
		this.pacer.awaitTurn("acme");
		assertThat(this.waits).hasSize(2);
	}

	@Test
	void aClockSteppedBackForgetsTheScheduleInsteadOfWaitingForIt() {
		this.clock.advance(Duration.ofMinutes(10));
		this.pacer.awaitTurn("acme");
		this.pacer.answered("acme", true);
		this.clock.advance(Duration.ofMinutes(-10));

		this.pacer.awaitTurn("acme");

		assertThat(this.waits).as("no wait for a slot ten minutes ahead").isEmpty();
	}

	@Test
	void aGrantTakenPartWayThroughTheSpacingWaitsOnlyTheRest() {
		this.pacer.awaitTurn("acme");
		this.clock.advance(Duration.ofMillis(300));

		this.pacer.awaitTurn("acme");

		assertThat(this.waits).containsExactly(Duration.ofMillis(700));
	}

	@Test
	void rateLimitedAnswersHoldTheOrgForAJitteredBackoffThatDoublesUpToTheMaximum() {
		List<Duration> holds = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			this.clock.advance(Duration.ofSeconds(10));
			this.pacer.answered("acme", true);
			this.waits.clear();
			this.pacer.awaitTurn("acme");
			holds.add(this.waits.isEmpty() ? Duration.ZERO : this.waits.get(0));
		}

		assertThat(holds.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
		assertThat(holds.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
		assertThat(holds.get(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
		assertThat(holds.get(5)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
		this.waits.clear();
		this.clock.advance(Duration.ofSeconds(10));
		this.pacer.answered("acme", false);
		this.pacer.answered("acme", true);
		this.pacer.awaitTurn("acme");
		assertThat(this.waits).as("a granted answer starts the back-off over").hasSize(1);
		assertThat(this.waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
	}

}
