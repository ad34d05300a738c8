package io.github.genesysrotator.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.github.genesysrotator.reliability.FaultMatrix.Cell;
import io.github.genesysrotator.reliability.FaultMatrix.Fault;
import io.github.genesysrotator.reliability.FaultMatrix.VaultTarget;
import io.github.genesysrotator.reliability.FaultMatrix.World;
import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.GenesysOAuthClients;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationListener;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotationTestSupport;
import io.github.genesysrotator.rotation.RotationTestSupport.CrashSwitch;
import io.github.genesysrotator.rotation.RotationTestSupport.SimulatedCrash;
import io.github.genesysrotator.rotation.RotationTestSupport.Replicas;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.StateRecord;
import io.github.genesysrotator.rotation.StateRecordStore;
import io.github.genesysrotator.rotation.Stored;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.sandbox.ConsumerProbe;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.SandboxConsumer.Published;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step of a rotation crossed with every Genesys fault, Vault fault and a process
 * crash, for both strategies, over the simulators. Each cell runs one rotation with a
 * consumer probe, lets a fresh replica recover whatever the run left in flight once its
 * lease expired, and checks the invariants. The rows land in
 * {@code target/reliability/fault-matrix.md}.
 */
// Timeouts short enough that a hanging dependency costs a second, not a minute.
@SandboxServiceTest(properties = { "rotator.genesys.response-timeout=1s", "spring.cloud.vault.read-timeout=1000" })
@Import(RotationTestSupport.Beans.class)
@ExtendWith(OutputCaptureExtension.class)
class FaultMatrixIntegrationTests {

	@Autowired
	private Sandbox sandbox;

	private static final Map<String, String> rows = new TreeMap<>();

	private SandboxConsumer consumer;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CrashSwitch crashSwitch;

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

	@Autowired
	private List<RotationListener> listeners;

	@Autowired
	private MeterRegistry meters;

	private ObservedGenesys observed;

	private final Results results = new Results();

	private boolean leaseWaited;

	static Stream<Cell> cells() {
		return Cell.all().stream();
	}

	@BeforeEach
	void resetWorld() {
		this.consumer = new SandboxConsumer(this.sandbox);
		this.clock.reset();
		this.crashSwitch.disarm();
		this.observed = ObservedGenesys.watching(this.genesys, this.catalog);
	}

	@AfterAll
	static void writeReport() throws IOException {
		Path report = Path.of("target", "reliability", "fault-matrix.md");
		Files.createDirectories(report.getParent());
		List<String> lines = new ArrayList<>();
		lines.add("| strategy | step | fault | result | outcomes (run; recovery) | regenerations | consumer probe "
				+ "(attempts/refused/outage) | consumer broken | recovery |");
		lines.add("|---|---|---|---|---|---|---|---|---|");
		lines.addAll(rows.values());
		Files.write(report, lines);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cells")
	void cell(Cell cell, CapturedOutput output) throws Exception {
		String notApplicable = cell.notApplicable();
		if (notApplicable != null) {
			rows.put(key(cell), row(cell, "n/a: " + notApplicable, "", "", "", "", ""));
			Assumptions.abort("n/a: " + notApplicable);
		}
		Map<Outcome, Double> metricsBefore = rotationCounts(cell.credential());
		Published before = this.consumer.read(cell.consumerPath());
		List<RotationResult> takeovers = new ArrayList<>();
		Runnable takeover = () -> {
			// Frozen past the lease: another replica's recovery takes the rotation over.
			this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));
			takeovers.add(replica("replica-3").rotate(RotationRequest.of(cell.credential(), Trigger.API, "other")));
		};
		cell.inject(new World(this.sandbox, this.crashSwitch, this.observed, takeover));
		Map<String, FaultRule> armed = this.sandbox.genesys().faults().activeRules();
		this.sandbox.vault().requests().clear();

		// Each Genesys fault is aimed at the rotator's call at this step. A probe using
		// the same client (single) would otherwise spend it on its own token requests.
		ConsumerProbe probe = new ConsumerProbe(this.consumer.exemptFromGenesysFaults(), cell.consumerPath(), 100_000);
		boolean crashed = false;
		try {
			replica("replica-1").rotate(RotationRequest.of(cell.credential(), Trigger.API, "fault-matrix"));
		}
		catch (SimulatedCrash ex) {
			crashed = true;
		}
		assertThat(crashed).as("the run crashed").isEqualTo(cell.fault() == Fault.CRASH);
		if (cell.fault() == Fault.STALL) {
			assertThat(takeovers).as("another replica took over during the stall")
				.singleElement()
				.extracting(RotationResult::trigger)
				.isEqualTo(Trigger.RECOVERY);
			assertThat(this.results.all).as("the stalled holder reports it was taken over")
				.anyMatch((result) -> "lease-lost".equals(result.errorCode()));
		}
		if (cell.fault().vault()) {
			VaultTarget target = cell.vaultTarget();
			assertThat(this.sandbox.vault().requests().matching(target.method(), target.path()))
				.as("Vault fault struck %s %s", target.method(), target.path())
				.anyMatch((request) -> request.status() == cell.vaultFaultStatus());
		}
		Map<String, FaultRule> left = this.sandbox.genesys().faults().activeRules();
		armed.forEach((id, rule) -> assertThat(left.get(id)).as("Genesys fault %s struck the rotation", rule)
			.satisfiesAnyOf((remaining) -> assertThat(remaining).isNull(),
					(remaining) -> assertThat(remaining.times()).isLessThan(rule.times())));
		this.sandbox.genesys().faults().clear();
		this.sandbox.vault().faults().clear();
		this.crashSwitch.disarm();
		long recoveryStart = System.nanoTime();
		List<RotationResult> recovered = settle(cell.credential());
		Duration recovery = Duration.ofNanos(System.nanoTime() - recoveryStart);
		ConsumerProbe.Report report = probe.stop();

		new Invariants(cell, this.sandbox, this.consumer, this.states, this.clock.instant()).check(report, before,
				this.observed.maxConcurrentRegenerations(cell.credential()));
		checkOutcomesMetricsAndAudit(cell, metricsBefore, output);

		int regenerations = this.sandbox.genesys().observations().regenerationCount(cell.targetClient());
		String outcomes = this.results.describe(crashed, recovered.size());
		String broken = (cell.strategy() == Strategy.SINGLE) ? report.brokenFor().toMillis() + " ms" : "0 (dual)";
		String recoveryCell = recovered.isEmpty() ? "none needed"
				: (this.leaseWaited ? "lease TTL + " : "next recovery pass + ") + recovery.toMillis() + " ms";
		rows.put(key(cell), row(cell, "pass", outcomes, String.valueOf(regenerations),
				report.attempts() + "/" + report.failures().size() + "/" + report.outages(), broken, recoveryCell));
	}

	/**
	 * Whatever the run left in flight, a fresh replica finishes once the lease expired
	 * (or at once, when the run released it).
	 */
	private List<RotationResult> settle(String credential) {
		List<RotationResult> recovered = new ArrayList<>();
		RotationService fresh = replica("replica-2");
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<StateRecord> record = this.states.read(credential).map(Stored::value);
			if (record.isEmpty() || !record.get().phase().inFlight()) {
				break;
			}
			if (record.get().lease().holder() != null && !record.get().lease().expired(this.clock.instant())) {
				this.leaseWaited = true;
				this.clock.advance(this.properties.rotation().leaseTtl().plusSeconds(1));
			}
			recovered.addAll(fresh.recoverAbandoned());
		}
		return recovered;
	}

	/** Invariant 5: every attempt is counted once under its outcome, and audited. */
	private void checkOutcomesMetricsAndAudit(Cell cell, Map<Outcome, Double> before, CapturedOutput output) {
		Map<Outcome, Double> after = rotationCounts(cell.credential());
		for (Outcome outcome : Outcome.values()) {
			long reported = this.results.all.stream().filter((result) -> result.outcome() == outcome).count();
			assertThat(after.get(outcome) - before.get(outcome)).as("rotator_rotations_total{outcome=%s}", outcome)
				.isEqualTo((double) reported);
		}
		for (RotationResult result : this.results.all) {
			if (result.outcome() == Outcome.FAILED) {
				assertThat(result.errorCode()).as("failed result names its error").isNotBlank();
			}
			String event = switch (result.outcome()) {
				case SUCCESS -> "rotation.succeeded";
				case FAILED -> "rotation.failed";
				default -> null;
			};
			if (event != null && result.rotationId() != null) {
				assertThat(output.getAll()).contains(event + " rotationId=" + result.rotationId());
			}
			for (String client : result.regeneratedClientIds()) {
				assertThat(this.sandbox.genesys().observations().regenerationCount(client))
					.as("a result reports only regenerations Genesys saw")
					.isPositive();
			}
		}
		this.states.read(cell.credential())
			.map((stored) -> stored.value().history())
			.orElse(List.of())
			.stream()
			.filter((entry) -> entry.outcome() == Outcome.SUCCESS)
			.findFirst()
			.ifPresent((success) -> assertThat(
					this.consumer.read(cell.consumerPath()).data().path("rotation_id").asString())
				.as("the consumer path holds the last successful rotation")
				.isEqualTo(success.rotationId()));
	}

	private Map<Outcome, Double> rotationCounts(String credential) {
		Map<Outcome, Double> counts = new TreeMap<>();
		for (Outcome outcome : Outcome.values()) {
			counts.put(outcome,
					this.meters.find("rotator.rotations")
						.tags("credential", credential, "outcome", outcome.label())
						.counters()
						.stream()
						.mapToDouble(Counter::count)
						.sum());
		}
		return counts;
	}

	private RotationService replica(String instanceId) {
		List<RotationListener> all = new ArrayList<>(this.listeners);
		all.add(this.results);
		return this.replicas.start(instanceId, this.observed, all.toArray(RotationListener[]::new));
	}

	private static String key(Cell cell) {
		return cell.strategy().ordinal() + "-" + cell.step().ordinal() + "-"
				+ String.format("%02d", cell.fault().ordinal());
	}

	private static String row(Cell cell, String verdict, String outcomes, String regenerations, String probe,
			String broken, String recovery) {
		return "| " + String.join(" | ", cell.strategy().name().toLowerCase(), cell.step().label(),
				cell.fault().label(), verdict, outcomes, regenerations, probe, broken, recovery) + " |";
	}

	/** Every finished attempt of the cell, from every replica. */
	private static final class Results implements RotationListener {

		final Queue<RotationResult> all = new ConcurrentLinkedQueue<>();

		@Override
		public void finished(RotationResult result) {
			this.all.add(result);
		}

		String describe(boolean crashed, int recoveries) {
			List<String> described = new CopyOnWriteArrayList<>();
			if (crashed) {
				described.add("crash");
			}
			for (RotationResult result : this.all) {
				described.add(result.outcome().label()
						+ ((result.errorCode() != null) ? " (" + result.errorCode() + ")" : ""));
			}
			return String.join("; ", described);
		}

	}

}
