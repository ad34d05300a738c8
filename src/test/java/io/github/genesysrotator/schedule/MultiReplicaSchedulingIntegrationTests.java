package io.github.genesysrotator.schedule;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationListener;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotatorProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.genesysrotator.schedule.ManualTaskScheduler.Task;
import io.github.genesysrotator.sandbox.FreshSandbox;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas, each a full application context with its own instance id, on one sandbox.
 * Their schedulers both find the credentials due in the same instant and start their
 * rotations together: the lease in Vault lets exactly one of them regenerate each
 * credential.
 */
class MultiReplicaSchedulingIntegrationTests {

	@RegisterExtension
	static final FreshSandbox sandbox = new FreshSandbox();

	private static final List<Replica> replicas = new ArrayList<>();

	@BeforeAll
	static void startReplicas() {
		replicas.add(Replica.start("replica-a"));
		replicas.add(Replica.start("replica-b"));
	}

	@AfterAll
	static void stop() {
		replicas.forEach((replica) -> replica.context().close());
	}

	@Test
	void bothSchedulersFindTheCredentialsDueAndEachIsRegeneratedOnce() throws Exception {
		replicas.forEach((replica) -> replica.scheduler().pass());
		List<Task> queued = new ArrayList<>();
		for (Replica replica : replicas) {
			assertThat(replica.tasks().pending()).as(replica.id() + " queued every credential").hasSize(3);
			queued.addAll(replica.tasks().pending());
		}

		runTogether(queued);

		assertThat(sandbox.get().genesys().observations().regenerationCount(Sandbox.DUAL_B_ID)).isEqualTo(1);
		assertThat(sandbox.get().genesys().observations().regenerationCount(Sandbox.DUAL_A_ID)).isZero();
		assertThat(sandbox.get().genesys().observations().regenerationCount(Sandbox.SINGLE_ID)).isEqualTo(1);
		assertThat(sandbox.get().genesys().observations().regenerationCount(Sandbox.DATA_ACTIONS_B_ID)).isEqualTo(1);
		for (String credential : List.of(Sandbox.DUAL, Sandbox.SINGLE, Sandbox.DATA_ACTIONS)) {
			List<Outcome> outcomes = replicas.stream()
				.flatMap((replica) -> replica.recorder().outcomes(credential).stream())
				.toList();
			assertThat(outcomes).as(credential)
				.hasSize(2)
				.containsOnlyOnce(Outcome.SUCCESS)
				.allMatch((outcome) -> outcome == Outcome.SUCCESS || outcome == Outcome.BUSY
						|| outcome == Outcome.SKIPPED);
		}
		assertThat(new SandboxConsumer(sandbox.get()).authenticates(Sandbox.DUAL_PATH)).isTrue();
		assertThat(new SandboxConsumer(sandbox.get()).authenticates(Sandbox.SINGLE_PATH)).isTrue();

		replicas.forEach((replica) -> replica.scheduler().pass());
		assertThat(replicas).allSatisfy(
				(replica) -> assertThat(replica.tasks().pending()).as("nothing is due any more on " + replica.id())
					.isEmpty());
	}

	/** Every queued rotation starts at the same moment, each on its own thread. */
	private static void runTogether(List<Task> tasks) throws Exception {
		CyclicBarrier start = new CyclicBarrier(tasks.size());
		ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<?>> running = new ArrayList<>();
			for (Task task : tasks) {
				running.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					task.run();
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * One replica: the application with scheduling switched off, and a scheduler built on
	 * its own beans whose queued rotations the test starts.
	 */
	private record Replica(String id, ConfigurableApplicationContext context, RotationScheduler scheduler,
			ManualTaskScheduler tasks, OutcomeRecorder recorder) {

		static Replica start(String id) {
			ConfigurableApplicationContext context = Sandbox.application(RecorderConfiguration.class)
				.run(sandbox.get()
					.serviceArguments(Map.of("rotator.instance-id", id, "rotator.schedule.enabled", "false",
							"spring.main.web-application-type", "none", "rotator.rotation.verify-interval", "50ms")));
			ManualTaskScheduler tasks = new ManualTaskScheduler();
			RotatorProperties properties = context.getBean(RotatorProperties.class);
			RotationScheduler scheduler = new RotationScheduler(context.getBean(RotationService.class),
					context.getBean(CredentialCatalog.class), properties.schedule(), context.getBean(Clock.class),
					tasks, (bound) -> 0);
			return new Replica(id, context, scheduler, tasks, context.getBean(OutcomeRecorder.class));
		}

	}

	static final class OutcomeRecorder implements RotationListener {

		private final List<RotationResult> results = new CopyOnWriteArrayList<>();

		@Override
		public void finished(RotationResult result) {
			this.results.add(result);
		}

		List<Outcome> outcomes(String credential) {
			return this.results.stream()
				.filter((result) -> result.credential().equals(credential))
				.map(RotationResult::outcome)
				.toList();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecorderConfiguration {

		@Bean
		OutcomeRecorder outcomeRecorder() {
			return new OutcomeRecorder();
		}

	}

}
