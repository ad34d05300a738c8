package io.github.genesysrotator.web;

import java.time.Instant;
import java.util.List;

import io.github.genesysrotator.rotation.CredentialStatus;
import io.github.genesysrotator.rotation.StateRecord.Pause;
import io.github.genesysrotator.rotation.StateRecord.TargetPublication;

import static io.github.genesysrotator.web.RotationView.iso;
import static io.github.genesysrotator.web.RotationView.label;

/**
 * Where a credential stands. Built from {@link CredentialStatus}, never from the state
 * record, so no secret can reach it.
 *
 * @param name the credential name
 * @param strategy {@code dual} or {@code single}
 * @param org the org
 * @param vaultPath the consumer path
 * @param enabled whether scheduled rotation is on
 * @param phase the current phase
 * @param activeClientId the published client
 * @param standbyClientId dual: the other client
 * @param activeSince when the active client was published
 * @param secretAge time since the published secret was generated (ISO-8601)
 * @param rotationInterval the configured interval (ISO-8601)
 * @param lastRotation the newest history entry
 * @param lastSuccessAt when a rotation last succeeded
 * @param nextDue when the next scheduled rotation may start
 * @param lastError the last error
 * @param leaseHolder the replica holding the lease
 * @param paused the pause in force, absent when routine rotations run
 * @param standbyUsage dual: the retirement guard's latest answer, absent before its first
 * @param targets every publication target with the client, rotation, time and (Vault)
 * version last published to it
 */
record CredentialView(String name, String strategy, String org, String vaultPath, boolean enabled, String phase,
		String activeClientId, String standbyClientId, Instant activeSince, String secretAge, String rotationInterval,
		HistoryView lastRotation, Instant lastSuccessAt, Instant nextDue, String lastError, String leaseHolder,
		PauseView paused, UsageView standbyUsage, List<TargetView> targets) {

	static CredentialView of(CredentialStatus status) {
		return new CredentialView(status.name(), label(status.strategy()), status.org(), status.vaultPath(),
				status.enabled(), label(status.phase()), status.activeClientId(), status.standbyClientId(),
				status.activeSince(), iso(status.secretAge()), iso(status.rotationInterval()),
				HistoryView.of(status.lastRotation()), status.lastSuccessAt(), status.nextDue(), status.lastError(),
				status.leaseHolder(), PauseView.of(status.paused()), UsageView.of(status.standbyUsage()),
				status.targets().stream().map(TargetView::of).toList());
	}

	/**
	 * A publication target.
	 *
	 * @param type {@code vault-path} or {@code integration-credential}
	 * @param id the Vault path or the integration credential id
	 * @param clientId the client last published to it, absent before the first
	 * @param rotationId the rotation (or rollback) that published it
	 * @param publishedAt when
	 * @param version the Vault KV version written (Vault path only)
	 */
	record TargetView(String type, String id, String clientId, String rotationId, Instant publishedAt, Long version) {

		static TargetView of(CredentialStatus.TargetStatus status) {
			TargetPublication last = status.last();
			return (last != null)
					? new TargetView(status.target().type(), status.target().id(), last.clientId(), last.rotationId(),
							last.publishedAt(), last.version())
					: new TargetView(status.target().type(), status.target().id(), null, null, null, null);
		}

	}

	/**
	 * A pause in force.
	 *
	 * @param by who paused the credential
	 * @param reason why
	 * @param since when
	 * @param until when it ends by itself; absent: until resumed
	 */
	record PauseView(String by, String reason, Instant since, Instant until) {

		static PauseView of(Pause pause) {
			return (pause != null) ? new PauseView(pause.by(), pause.reason(), pause.since(), pause.until()) : null;
		}

	}

}
