package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;

import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;

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
 */
public record CredentialStatus(String name, Strategy strategy, String org, String vaultPath, boolean enabled,
		Phase phase, String activeClientId, String standbyClientId, Instant activeSince, Instant secretGeneratedAt,
		Duration secretAge, Duration rotationInterval, HistoryEntry lastRotation, Instant lastSuccessAt,
		Instant nextDue, String lastError, String leaseHolder, StateRecord.Pause paused, StandbyUsage standbyUsage) {

}
