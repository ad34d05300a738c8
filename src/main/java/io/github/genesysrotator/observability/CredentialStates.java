package io.github.genesysrotator.observability;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.genesysrotator.rotation.CredentialStatus;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationListener;
import io.github.genesysrotator.rotation.StatusReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What this replica knows about each credential, for gauges and health: the state records
 * read from Vault on a fixed delay and as each attempt here leaves them, plus the live
 * signals of rotations running here. Scrapes and health checks read only this memory,
 * never Vault.
 */
@Component
class CredentialStates implements RotationListener {

	private static final Log logger = LogFactory.getLog(CredentialStates.class);

	private final StatusReader reader;

	private final Clock clock;

	private final Map<String, CredentialStatus> statuses = new ConcurrentHashMap<>();

	private final Map<String, Phase> phases = new ConcurrentHashMap<>();

	private final Set<String> uncommitted = ConcurrentHashMap.newKeySet();

	/**
	 * When each credential last changed through this replica's own rotations; guarded by
	 * itself. A refresh whose read began before that keeps its hands off the credential.
	 */
	private final Map<String, Long> changedAt = new HashMap<>();

	private volatile boolean vaultUp;

	CredentialStates(StatusReader reader, Clock clock) {
		this.reader = reader;
		this.clock = clock;
	}

	/**
	 * Read every state record again. A failure keeps the previous snapshot. Runs every
	 * {@code rotator.metrics.refresh} ({@link StateRefreshConfiguration}).
	 */
	void refresh() {
		long readFrom = System.nanoTime();
		try {
			List<CredentialStatus> all = this.reader.statuses();
			synchronized (this.changedAt) {
				all.stream().filter((status) -> !changedSince(status.name(), readFrom)).forEach(this::store);
			}
			this.vaultUp = true;
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	@Override
	public void phaseChanged(String credential, Phase phase) {
		synchronized (this.changedAt) {
			this.changedAt.put(credential, System.nanoTime());
			this.phases.put(credential, phase);
		}
	}

	@Override
	public void uncommitted(String credential, boolean uncommitted) {
		if (uncommitted) {
			this.uncommitted.add(credential);
		}
		else {
			this.uncommitted.remove(credential);
		}
	}

	/** The status an attempt here left: no Vault read needed. */
	@Override
	public void statusKnown(CredentialStatus status) {
		synchronized (this.changedAt) {
			this.changedAt.put(status.name(), System.nanoTime());
			store(status);
		}
		this.vaultUp = true;
	}

	private boolean changedSince(String credential, long nanoTime) {
		Long changed = this.changedAt.get(credential);
		return changed != null && changed - nanoTime >= 0;
	}

	/** The credential's current phase, or {@code null} before anything is known. */
	@Nullable Phase phase(String credential) {
		return this.phases.get(credential);
	}

	/** Whether a generated secret of the credential is held in memory only. */
	boolean uncommitted(String credential) {
		return this.uncommitted.contains(credential);
	}

	/** Whether the last read of the state records succeeded. */
	boolean vaultUp() {
		return this.vaultUp;
	}

	/**
	 * Seconds since the published secret was generated, now (after a rollback, the older
	 * secret's age); NaN when unknown.
	 */
	double secretAgeSeconds(String credential) {
		CredentialStatus status = this.statuses.get(credential);
		if (status == null || status.secretGeneratedAt() == null) {
			return Double.NaN;
		}
		return (this.clock.millis() - status.secretGeneratedAt().toEpochMilli()) / 1000.0;
	}

	/** Unix time of the last successful rotation; NaN when unknown. */
	double lastSuccessEpochSeconds(String credential) {
		CredentialStatus status = this.statuses.get(credential);
		return (status != null) ? epochSeconds(status.lastSuccessAt()) : Double.NaN;
	}

	/** Unix time at which the credential becomes due; NaN when unknown. */
	double nextDueEpochSeconds(String credential) {
		CredentialStatus status = this.statuses.get(credential);
		return (status != null) ? epochSeconds(status.nextDue()) : Double.NaN;
	}

	/**
	 * Whether routine rotations of the credential are paused now: a pause ends by itself
	 * at its {@code until}, without waiting for the next read.
	 */
	boolean paused(String credential) {
		CredentialStatus status = this.statuses.get(credential);
		return status != null && status.paused() != null && status.paused().inForceAt(this.clock.instant());
	}

	/**
	 * The retirement guard's latest answer: 1 in use, 0 not in use, -1 unknown (also
	 * before its first answer).
	 */
	double standbyInUse(String credential) {
		CredentialStatus status = this.statuses.get(credential);
		return (status != null && status.standbyUsage() != null) ? status.standbyUsage().gaugeValue() : -1;
	}

	private void store(CredentialStatus status) {
		this.statuses.put(status.name(), status);
		this.phases.put(status.name(), status.phase());
	}

	private void failed(RuntimeException ex) {
		this.vaultUp = false;
		logger.warn("Reading the state records failed (" + ex.getClass().getSimpleName() + "); metrics keep the "
				+ "previous values");
	}

	private static double epochSeconds(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() / 1000.0 : Double.NaN;
	}

}
