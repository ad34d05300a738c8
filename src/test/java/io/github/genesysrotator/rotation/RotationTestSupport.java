package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import io.github.genesysrotator.sandbox.MutableClock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The test beans shared by the rotation integration tests. */
public final class RotationTestSupport {

	private RotationTestSupport() {
	}

	/**
	 * Further replicas on the same Vault and Genesys as the test context's service: each
	 * has its own instance id and no memory shared with the others.
	 */
	public static final class Replicas {

		private final CredentialCatalog catalog;

		private final RotatorProperties properties;

		private final GenesysOAuthClients genesys;

		private final IntegrationCredentials integrations;

		private final ConsumerPathStore consumers;

		private final StateRecordStore states;

		private final Clock clock;

		private final Sleeper sleeper;

		private final Executor parallelCalls;

		Replicas(CredentialCatalog catalog, RotatorProperties properties, GenesysOAuthClients genesys,
				IntegrationCredentials integrations, ConsumerPathStore consumers, StateRecordStore states, Clock clock,
				Sleeper sleeper, Executor parallelCalls) {
			this.catalog = catalog;
			this.properties = properties;
			this.genesys = genesys;
			this.integrations = integrations;
			this.consumers = consumers;
			this.states = states;
			this.clock = clock;
			this.sleeper = sleeper;
			this.parallelCalls = parallelCalls;
		}

		/** The test context's Genesys adapter, for wrappers. */
		public GenesysOAuthClients genesys() {
			return this.genesys;
		}

		/** The test context's integration-credential adapter, for wrappers. */
		public IntegrationCredentials integrations() {
			return this.integrations;
		}

		/** The test context's consumer-path adapter, for wrappers. */
		public ConsumerPathStore consumers() {
			return this.consumers;
		}

		public RotationService start(String instanceId, RotationListener... listeners) {
			return start(instanceId, this.genesys, listeners);
		}

		/**
		 * A replica whose Genesys calls go through a wrapper (to observe or crash them).
		 */
		public RotationService start(String instanceId, GenesysOAuthClients genesys, RotationListener... listeners) {
			return start(instanceId, genesys, this.consumers, this.states, listeners);
		}

		/**
		 * A replica whose Genesys, consumer-path and state-record adapters go through
		 * wrappers (to hold an answer, say).
		 */
		public RotationService start(String instanceId, GenesysOAuthClients genesys, ConsumerPathStore consumers,
				StateRecordStore states, RotationListener... listeners) {
			return start(instanceId, genesys, this.integrations, consumers, states, listeners);
		}

		/**
		 * A replica whose integration-credential calls go through a wrapper (to crash
		 * between two targets, say).
		 */
		public RotationService start(String instanceId, IntegrationCredentials integrations,
				RotationListener... listeners) {
			return start(instanceId, this.genesys, integrations, this.consumers, this.states, listeners);
		}

		/**
		 * A replica whose Genesys, integration-credential and consumer-path calls go
		 * through wrappers (to crash before or after any of them).
		 */
		public RotationService start(String instanceId, GenesysOAuthClients genesys,
				IntegrationCredentials integrations, ConsumerPathStore consumers, StateRecordStore states,
				RotationListener... listeners) {
			RotatorProperties other = new RotatorProperties(instanceId, this.properties.vault(), this.properties.orgs(),
					this.properties.credentials(), this.properties.schedule(), this.properties.api(),
					this.properties.rotation(), this.properties.genesys(), this.properties.health(),
					this.properties.metrics(), this.properties.notifications(), this.properties.security(),
					this.properties.oneshot(), this.properties.oneshotMode(), this.properties.oneshotDryRun());
			return new RotationService(this.catalog, other, genesys, integrations, consumers, states, this.clock,
					this.sleeper, new InstanceId(instanceId), List.of(listeners), this.parallelCalls);
		}

	}

	/**
	 * Waits as production does, or, once a test says so, by moving the
	 * {@link MutableClock} instead: a 130 s {@code Retry-After} then passes at once, and
	 * the lease arithmetic sees it pass. A test can also act at the end of each wait, on
	 * the waiting thread: move the clock further (a replica frozen past its lease) or let
	 * another replica try the credential meanwhile.
	 */
	public static final class TestSleeper implements Sleeper {

		private final MutableClock clock;

		private final List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final AtomicReference<java.util.function.Consumer<Duration>> atEndOfWait = new AtomicReference<>();

		private volatile boolean virtual;

		TestSleeper(MutableClock clock) {
			this.clock = clock;
		}

		/** From now on, waits move the clock instead of the thread sleeping. */
		public void moveClockInstead() {
			this.virtual = true;
		}

		/** Run an action at the end of every wait, given the wait's length. */
		public void atEndOfEachWait(java.util.function.Consumer<Duration> action) {
			this.atEndOfWait.set(action);
		}

		/** Every wait asked for since the last reset. */
		public List<Duration> waits() {
			return List.copyOf(this.waits);
		}

		public void reset() {
			this.virtual = false;
			this.waits.clear();
			this.atEndOfWait.set(null);
		}

		@Override
		public void sleep(Duration duration) throws InterruptedException {
			this.waits.add(duration);
			if (this.virtual) {
				this.clock.advance(duration);
			}
			else {
				Sleeper.THREAD.sleep(duration);
			}
			java.util.function.Consumer<Duration> action = this.atEndOfWait.get();
			if (action != null) {
				action.accept(duration);
			}
		}

	}

	/**
	 * Throws an {@link Error} when a phase is reached: the process "dies" right there.
	 */
	public static final class CrashSwitch implements RotationListener {

		private final AtomicReference<Phase> armedAt = new AtomicReference<>();

		private final AtomicReference<Runnable> action = new AtomicReference<>();

		public void armAt(Phase phase) {
			runAt(phase, () -> {
				throw new SimulatedCrash(phase);
			});
		}

		/** Run an action (a fault injection) once, when the phase is reached. */
		public void runAt(Phase phase, Runnable run) {
			this.action.set(run);
			this.armedAt.set(phase);
		}

		public void disarm() {
			this.armedAt.set(null);
		}

		@Override
		public void phaseChanged(String credential, Phase phase) {
			if (this.armedAt.compareAndSet(phase, null)) {
				this.action.get().run();
			}
		}

	}

	/** The rotating thread dies without any cleanup. */
	public static final class SimulatedCrash extends Error {

		public SimulatedCrash(Phase phase) {
			super("simulated crash at " + phase);
		}

	}

	/** Records uncommitted-secret signals. */
	public static final class UncommittedRecorder implements RotationListener {

		final List<Boolean> signals = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void uncommitted(String credential, boolean uncommitted) {
			this.signals.add(uncommitted);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Beans {

		@Bean
		@Primary
		MutableClock testClock() {
			return MutableClock.ticking();
		}

		@Bean
		@Primary
		TestSleeper testSleeper(MutableClock clock) {
			return new TestSleeper(clock);
		}

		@Bean
		CrashSwitch crashSwitch() {
			return new CrashSwitch();
		}

		@Bean
		UncommittedRecorder uncommittedRecorder() {
			return new UncommittedRecorder();
		}

		@Bean
		Replicas replicas(CredentialCatalog catalog, RotatorProperties properties, GenesysOAuthClients genesys,
				IntegrationCredentials integrations, ConsumerPathStore consumers, StateRecordStore states,
				MutableClock clock, TestSleeper sleeper,
				@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor parallelCalls) {
			return new Replicas(catalog, properties, genesys, integrations, consumers, states, clock, sleeper,
					parallelCalls);
		}

	}

}
