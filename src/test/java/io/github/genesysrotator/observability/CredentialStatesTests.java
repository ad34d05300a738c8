package io.github.genesysrotator.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.genesysrotator.rotation.CredentialStatus;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.StatusReader;
import io.github.genesysrotator.rotation.Strategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class CredentialStatesTests {

	private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	private final StatusReader reader = mock(StatusReader.class);

	private final CredentialStates states = new CredentialStates(this.reader, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aRefreshKeepsWhatItRead() {
		given(this.reader.statuses()).willReturn(List.of(status(Phase.FAILED, NOW.minus(Duration.ofDays(3)))));

		this.states.refresh();

		assertThat(this.states.phase("billing")).isEqualTo(Phase.FAILED);
		assertThat(this.states.secretAgeSeconds("billing")).isEqualTo(Duration.ofDays(3).toSeconds());
		assertThat(this.states.vaultUp()).isTrue();
	}

	@Test
	void aRefreshThatReadBeforeARotationHereFinishedDoesNotUndoIt() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch rotated = new CountDownLatch(1);
		given(this.reader.statuses()).willAnswer((invocation) -> {
			CredentialStatus before = status(Phase.IDLE, NOW.minus(Duration.ofDays(30)));
			reading.countDown();
			assertThat(rotated.await(30, TimeUnit.SECONDS)).isTrue();
			return List.of(before);
		});
		CompletableFuture<Void> refresh = CompletableFuture.runAsync(this.states::refresh);
		assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

		this.states.phaseChanged("billing", Phase.REGENERATING);
		this.states.statusKnown(status(Phase.IDLE, NOW));
		rotated.countDown();
		refresh.get(30, TimeUnit.SECONDS);

		assertThat(this.states.secretAgeSeconds("billing")).as("age from the rotation, not the older read").isZero();

		given(this.reader.statuses()).willReturn(List.of(status(Phase.FAILED, NOW.minus(Duration.ofDays(1)))));
		this.states.refresh();
		assertThat(this.states.phase("billing")).as("a read begun afterwards is taken").isEqualTo(Phase.FAILED);
	}

	@Test
	void aFailedRefreshKeepsThePreviousValuesAndReportsVaultDown() {
		this.states.statusKnown(status(Phase.IDLE, NOW.minus(Duration.ofHours(1))));
		given(this.reader.statuses()).willThrow(new IllegalStateException("sealed"));

		this.states.refresh();

		assertThat(this.states.vaultUp()).isFalse();
		assertThat(this.states.secretAgeSeconds("billing")).isEqualTo(3600.0);
	}

	private static CredentialStatus status(Phase phase, Instant activeSince) {
		return new CredentialStatus("billing", Strategy.DUAL, "acme", "genesys/billing", true, phase, "a", "b",
				activeSince, activeSince, Duration.between(activeSince, NOW), Duration.ofDays(30), null, activeSince,
				activeSince.plus(Duration.ofDays(30)), null, null, null, null);
	}

}
