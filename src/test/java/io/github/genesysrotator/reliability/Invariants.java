package io.github.genesysrotator.reliability;

import java.time.Instant;
import java.util.List;

import io.github.genesysrotator.reliability.FaultMatrix.Cell;
import io.github.genesysrotator.rotation.CredentialSpec;
import io.github.genesysrotator.rotation.StateRecord;
import io.github.genesysrotator.rotation.StateRecord.Slot;
import io.github.genesysrotator.rotation.StateRecordStore;
import io.github.genesysrotator.rotation.Stored;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.sandbox.ConsumerProbe;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxConsumer.Published;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for a credential after any rotation, however it was broken, once
 * recovery had its turn: consumers authenticate, no regenerated secret is lost, the state
 * record is at rest, and regenerations never overlapped.
 */
final class Invariants {

	private final String credential;

	private final String consumerPath;

	private final Strategy strategy;

	private final List<String> clientIds;

	private final Sandbox sandbox;

	private final SandboxConsumer consumer;

	private final StateRecordStore states;

	private final Instant now;

	Invariants(Cell cell, Sandbox sandbox, SandboxConsumer consumer, StateRecordStore states, Instant now) {
		this(cell.credential(), cell.consumerPath(), cell.strategy(), (cell.strategy() == Strategy.DUAL)
				? List.of(Sandbox.DUAL_A_ID, Sandbox.DUAL_B_ID) : List.of(Sandbox.SINGLE_ID), sandbox, consumer, states,
				now);
	}

	Invariants(CredentialSpec spec, Sandbox sandbox, SandboxConsumer consumer, StateRecordStore states, Instant now) {
		this(spec.name(), spec.vaultPath(), spec.strategy(), spec.clientIds(), sandbox, consumer, states, now);
	}

	private Invariants(String credential, String consumerPath, Strategy strategy, List<String> clientIds,
			Sandbox sandbox, SandboxConsumer consumer, StateRecordStore states, Instant now) {
		this.credential = credential;
		this.consumerPath = consumerPath;
		this.strategy = strategy;
		this.clientIds = clientIds;
		this.sandbox = sandbox;
		this.consumer = consumer;
		this.states = states;
		this.now = now;
	}

	void check(ConsumerProbe.Report probe, Published before, int maxConcurrentRegenerations) {
		consumersAuthenticate(probe);
		noRegeneratedSecretLost();
		recordAtRest();
		assertThat(maxConcurrentRegenerations).as("regenerations of %s in flight at once", this.credential)
			.isLessThanOrEqualTo(1);
		Published after = this.consumer.read(this.consumerPath);
		assertThat(after.version()).as("consumer path version never goes back")
			.isGreaterThanOrEqualTo(before.version());
	}

	/**
	 * Invariant 1: dual consumers never see a refused secret; single ones only during the
	 * exposure window or until recovery, and authenticate afterwards.
	 */
	void consumersAuthenticate(ConsumerProbe.Report probe) {
		if (this.strategy == Strategy.DUAL) {
			assertThat(probe.failures()).as("dual consumers refused").isEmpty();
		}
		assertThat(this.consumer.authenticates(this.consumerPath)).as("consumer path authenticates at rest").isTrue();
	}

	/**
	 * Invariant 2: each client's latest regenerated secret is published or staged in the
	 * state record; the earlier ones were superseded by it.
	 */
	void noRegeneratedSecretLost() {
		Published published = this.consumer.read(this.consumerPath);
		StateRecord record = record();
		for (String clientId : this.clientIds) {
			List<String> issued = this.sandbox.genesys().observations().regeneratedSecrets(clientId);
			if (issued.isEmpty()) {
				continue;
			}
			String latest = issued.get(issued.size() - 1);
			boolean isPublished = clientId.equals(published.clientId()) && latest.equals(published.secret());
			boolean isStaged = record.slots()
				.stream()
				.filter((slot) -> clientId.equals(slot.clientId()) && slot.secret() != null)
				.map(Slot::secret)
				.anyMatch((secret) -> latest.equals(secret.reveal()));
			assertThat(isPublished || isStaged)
				.as("latest secret of %s (regenerated %d times) is published or staged", clientId, issued.size())
				.isTrue();
		}
	}

	/** The state record; a run that never wrote one left the bootstrap state. */
	private StateRecord record() {
		return this.states.read(this.credential)
			.map(Stored::value)
			.orElseGet(() -> StateRecord.bootstrap(this.clientIds));
	}

	/** Invariant 3: at rest, nobody holds a live lease. */
	void recordAtRest() {
		StateRecord record = record();
		assertThat(record.phase().inFlight()).as("phase %s at rest", record.phase()).isFalse();
		assertThat(record.lease().holder() == null || record.lease().expired(this.now))
			.as("live lease of %s at rest", record.lease().holder())
			.isTrue();
	}

}
