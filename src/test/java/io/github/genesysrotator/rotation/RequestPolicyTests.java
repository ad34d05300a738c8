package io.github.genesysrotator.rotation;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPolicyTests {

	@RepeatedTest(20)
	void pausesDoubleWithJitterAndNeverExceedTheLongestPause() {
		RequestPolicy policy = new RequestPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 8,
				Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(180));
		BackOffExecution pauses = policy.backOff().start();
		assertThat(pauses.nextBackOff()).isBetween(200L, 300L);
		assertThat(pauses.nextBackOff()).isBetween(200L, 600L);
		assertThat(pauses.nextBackOff()).isBetween(400L, 1000L);
		assertThat(pauses.nextBackOff()).isBetween(500L, 1000L);
		assertThat(pauses.nextBackOff()).isBetween(500L, 1000L);
	}

}
