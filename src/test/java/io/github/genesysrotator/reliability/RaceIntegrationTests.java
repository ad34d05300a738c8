package io.github.genesysrotator.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.CredentialSpec;
import io.github.genesysrotator.rotation.GenesysOAuthClients;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationListener;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotationTestSupport;
import io.github.genesysrotator.rotation.RotationTestSupport.Replicas;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.StateRecordStore;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.ConsumerProbe;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas racing for the same credentials over one Vault and one Genesys simulator, and
 * a lease holder that pauses past its lease.
 */
@SandboxServiceTest
@Import(RotationTestSupport.Beans.class)
class RaceIntegrationTests {

	@Autowired
	private Sandbox sandbox;

	private static final int REQUESTS = 200;

	private static final int REPLICAS = 4;

	private static final int WAVE = 20;

	private SandboxConsumer consumer;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CredentialCatalog catalog;

	@Autowired
	private RotatorProperties properties;

	@Autowired
	private GenesysOAuthClients genesys;

	@Autowired
	private StateRecordStore states;

	@Autowired
	private Replicas replicas;

	private ObservedGenesys observed;

	@BeforeEach
	void resetWorld() {
		this.consumer = new SandboxConsumer(this.sandbox);
		this.clock.reset();
		this.observed = ObservedGenesys.watching(this.genesys, this.catalog);
	}

	@Test
	void twoHundredConcurrentRequestsOnFourReplicasSerialiseEachCredential() throws Exception {
		List<RotationService> replicas = new ArrayList<>();
		for (int i = 1; i <= REPLICAS; i++) {
			replicas.add(replica("replica-" + i));
		}
		List<String> credentials = List.of(Sandbox.DUAL, Sandbox.SINGLE);
		ConsumerProbe dualProbe = new ConsumerProbe(this.consumer, Sandbox.DUAL_PATH, 100_000);
		List<Future<RotationResult>> futures = new ArrayList<>();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(WAVE);
		try {
			for (int wave = 0; wave < REQUESTS / WAVE; wave++) {
				futures.addAll(wave(pool, replicas, credentials, wave));
				// Consumers re-read within the grace period (docs/consumers.md): the
				// clock jumps past it only once the probe has read what this wave
				// published. Then the next wave may rotate again.
				dualProbe.awaitFreshAttempt(Duration.ofSeconds(30));
				this.clock.advance(Duration.ofMinutes(2));
			}
		}
		finally {
			pool.shutdownNow();
		}
		long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		ConsumerProbe.Report dualReport = dualProbe.stop();

		List<RotationResult> results = new ArrayList<>();
		for (Future<RotationResult> future : futures) {
			results.add(future.get());
		}
		StringBuilder figures = new StringBuilder("requests=" + REQUESTS + " replicas=" + REPLICAS + " elapsedMs="
				+ elapsedMs + " dualProbeAttempts=" + dualReport.attempts() + "\n");
		for (String credential : credentials) {
			Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
			results.stream()
				.filter((result) -> result.credential().equals(credential))
				.forEach((result) -> outcomes.merge(result.outcome(), 1L, Long::sum));
			figures.append(credential).append(' ').append(outcomes).append('\n');
			assertThat(outcomes).as("%s outcomes", credential).containsKey(Outcome.BUSY).containsKey(Outcome.SUCCESS);
			assertThat(this.observed.maxConcurrentRegenerations(credential)).as("%s regenerations at once", credential)
				.isEqualTo(1);
			CredentialSpec spec = this.catalog.get(credential);
			for (String clientId : spec.clientIds()) {
				long successes = results.stream()
					.filter((result) -> result.outcome() == Outcome.SUCCESS)
					.filter((result) -> result.regeneratedClientIds().contains(clientId))
					.count();
				assertThat(this.sandbox.genesys().observations().regenerationCount(clientId))
					.as("regenerations of %s == successful rotations of it", clientId)
					.isEqualTo((int) successes);
			}
			Invariants invariants = new Invariants(spec, this.sandbox, this.consumer, this.states,
					this.clock.instant());
			invariants.noRegeneratedSecretLost();
			invariants.recordAtRest();
		}
		assertThat(dualReport.failures()).as("dual consumers refused during the race").isEmpty();
		writeFigures("races.txt", figures.toString());
	}

	@Test
	void holderPausedPastItsLeaseStopsBeforeRegenerating() throws Exception {
		CountDownLatch paused = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		RotationListener pauseBeforeRegenerating = new RotationListener() {
			@Override
			public void phaseChanged(String credential, Phase phase) {
				if (phase == Phase.REGENERATING && paused.getCount() > 0) {
					paused.countDown();
					await(resume);
				}
			}
		};
		RotationService holder = replica("replica-1", pauseBeforeRegenerating);
		RotationService other = replica("replica-2");
		ConsumerProbe probe = new ConsumerProbe(this.consumer, Sandbox.DUAL_PATH, 100_000);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<RotationResult> first = pool
				.submit(() -> holder.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.API, "holder")));
			assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
			this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));

			RotationResult takeover = other.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.API, "other"));
			assertThat(takeover.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(takeover.trigger()).isEqualTo(Trigger.RECOVERY);
			resume.countDown();
			RotationResult late = first.get(1, TimeUnit.MINUTES);

			assertThat(late.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(late.errorCode()).isEqualTo("lease-lost");
			assertThat(late.regeneratedClientIds()).as("the late holder regenerated nothing").isEmpty();
		}
		finally {
			resume.countDown();
			pool.shutdownNow();
		}
		assertThat(probe.stop().failures()).as("consumers refused").isEmpty();
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_B_ID)).isEqualTo(1);
		assertThat(this.consumer.authenticates(Sandbox.DUAL_PATH)).isTrue();
		Invariants invariants = new Invariants(this.catalog.get(Sandbox.DUAL), this.sandbox, this.consumer, this.states,
				this.clock.instant());
		invariants.noRegeneratedSecretLost();
		invariants.recordAtRest();
	}

	@Test
	void recoveryOnTheReplicaRunningTheRotationLeavesItAlone() throws Exception {
		CountDownLatch paused = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		List<RotationResult> finished = new CopyOnWriteArrayList<>();
		RotationListener pauseWhenStaged = new RotationListener() {
			@Override
			public void phaseChanged(String credential, Phase phase) {
				if (phase == Phase.STAGED && paused.getCount() > 0) {
					paused.countDown();
					await(resume);
				}
			}

			@Override
			public void finished(RotationResult result) {
				finished.add(result);
			}
		};
		RotationService holder = replica("replica-1", pauseWhenStaged);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<RotationResult> rotation = pool
				.submit(() -> holder.rotate(RotationRequest.of(Sandbox.DUAL, Trigger.API, "holder")));
			assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();

			assertThat(holder.recoverAbandoned()).as("nothing abandoned: it runs here").isEmpty();
			resume.countDown();
			assertThat(rotation.get(1, TimeUnit.MINUTES).outcome()).isEqualTo(Outcome.SUCCESS);
		}
		finally {
			resume.countDown();
			pool.shutdownNow();
		}
		assertThat(finished).as("attempts reported").extracting(RotationResult::trigger).containsExactly(Trigger.API);
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_B_ID)).isEqualTo(1);
	}

	/** One wave of requests released at once, spread over replicas and credentials. */
	private List<Future<RotationResult>> wave(ExecutorService pool, List<RotationService> replicas,
			List<String> credentials, int wave) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<RotationResult>> futures = new ArrayList<>();
		for (int i = 0; i < WAVE; i++) {
			RotationService replica = replicas.get(i % REPLICAS);
			RotationRequest request = RotationRequest.of(credentials.get((i / REPLICAS) % 2), Trigger.API,
					"race-" + wave + "-" + i);
			futures.add(pool.submit(() -> {
				start.await();
				return replica.rotate(request);
			}));
		}
		start.countDown();
		for (Future<RotationResult> future : futures) {
			future.get(2, TimeUnit.MINUTES);
		}
		return futures;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private RotationService replica(String instanceId, RotationListener... listeners) {
		return this.replicas.start(instanceId, this.observed, listeners);
	}

	static void writeFigures(String name, String text) throws IOException {
		Path file = Path.of("target", "reliability", name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
