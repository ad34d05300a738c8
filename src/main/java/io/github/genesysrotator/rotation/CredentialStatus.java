package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import org.jspecify.annotations.Nullable;

/**
 * Where a credential stands, as the API and the gauges show it. Never a secret.
 *
 * @param name the credential name
 * @param strategy dual or single
 * @param org the org
 * @param vaultPath the consumer path
 * @param enabled whether scheduled rotation is on
 * @param phase the current phase
 * @param activeClientId the published client, if any
 * @param standbyClientId dual: the other client
 * @param activeSince when the active client was published
 * @param secretGeneratedAt when the published secret was generated (older than
 * {@code activeSince} after a rollback)
 * @param secretAge age of the published secret: time since it was generated
 * @param rotationInterval the configured interval
 * @param lastRotation the newest history entry, if any
 * @param lastSuccessAt when a rotation last succeeded
 * @param nextDue when the next scheduled rotation may start
 * @param lastError the last error (never a secret)
 * @param leaseHolder the replica holding the lease, if any
 * @param paused the pause in force, if any
 * @param standbyUsage dual: the retirement guard's latest answer, or {@code null} before
 * its first
 * @param targets every publication target, with its last publication
 */
public record CredentialStatus(String name, Strategy strategy, String org, @Nullable String vaultPath, boolean enabled,
		Phase phase, @Nullable String activeClientId, @Nullable String standbyClientId, @Nullable Instant activeSince,
		@Nullable Instant secretGeneratedAt, @Nullable Duration secretAge, Duration rotationInterval,
		@Nullable HistoryEntry lastRotation, @Nullable Instant lastSuccessAt, @Nullable Instant nextDue,
		@Nullable String lastError, @Nullable String leaseHolder, StateRecord.@Nullable Pause paused,
		@Nullable StandbyUsage standbyUsage, List<TargetStatus> targets) {

	public CredentialStatus {
		targets = (targets != null) ? List.copyOf(targets) : List.of();
	}

	/**
	 * A status without a usage answer and without publication targets (tests and
	 * fixtures).
	 */
	public CredentialStatus(String name, Strategy strategy, String org, String vaultPath, boolean enabled, Phase phase,
			String activeClientId, String standbyClientId, Instant activeSince, Instant secretGeneratedAt,
			Duration secretAge, Duration rotationInterval, HistoryEntry lastRotation, Instant lastSuccessAt,
			Instant nextDue, String lastError, String leaseHolder, StateRecord.Pause paused) {
		this(name, strategy, org, vaultPath, enabled, phase, activeClientId, standbyClientId, activeSince,
				secretGeneratedAt, secretAge, rotationInterval, lastRotation, lastSuccessAt, nextDue, lastError,
				leaseHolder, paused, null, List.of());
	}

	/** A status without publication targets (tests and fixtures). */
	public CredentialStatus(String name, Strategy strategy, String org, String vaultPath, boolean enabled, Phase phase,
			String activeClientId, String standbyClientId, Instant activeSince, Instant secretGeneratedAt,
			Duration secretAge, Duration rotationInterval, HistoryEntry lastRotation, Instant lastSuccessAt,
			Instant nextDue, String lastError, String leaseHolder, StateRecord.Pause paused,
			StandbyUsage standbyUsage) {
		this(name, strategy, org, vaultPath, enabled, phase, activeClientId, standbyClientId, activeSince,
				secretGeneratedAt, secretAge, rotationInterval, lastRotation, lastSuccessAt, nextDue, lastError,
				leaseHolder, paused, standbyUsage, List.of());
	}

	/**
	 * One publication target and what was last published to it.
	 *
	 * @param target the target
	 * @param last its last publication, or {@code null} when the rotator has not
	 * published to it yet
	 */
	public record TargetStatus(PublicationTarget target, StateRecord.@Nullable TargetPublication last) {

	}

}
