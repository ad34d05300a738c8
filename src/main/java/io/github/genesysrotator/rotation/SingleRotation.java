package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.genesysrotator.rotation.GenesysOAuthClients.TokenCheck;
import io.github.genesysrotator.rotation.Preflight.Preparation;
import io.github.genesysrotator.rotation.StateRecord.Journal;

/**
 * Single strategy: regenerate the one client, publish at once to every target (the
 * exposure window ends with the last target's commit), then stage and verify.
 */
final class SingleRotation extends CredentialRotation {

	SingleRotation(CredentialSpec spec, RotationRequest request, RotationContext context) {
		super(spec, request, context);
	}

	@Override
	RotationResult continueFresh(long consumerVersion) {
		ClientSecret secret = regenerate(0);
		Instant regeneratedAt = now();
		if (this.spec.vaultPath() == null) {
			return stageThenPublish(secret, regeneratedAt);
		}
		publish(0, secret, consumerVersion);
		this.trace.exposureWindow(Duration.between(regeneratedAt, this.lastTargetCommittedAt));
		this.trace.phase(Phase.PROMOTED);
		stageAndVerify(0, secret, regeneratedAt, this::activate);
		return finishSingle();
	}

	/**
	 * Without a Vault path no target keeps the secret readable (Genesys never shows it
	 * again): the state record stages it before the first target is written, and the
	 * exposure window includes that write.
	 */
	private RotationResult stageThenPublish(ClientSecret secret, Instant regeneratedAt) {
		stage(0, secret, regeneratedAt, this::activate);
		publish(0, secret, 0);
		this.trace.exposureWindow(Duration.between(regeneratedAt, this.lastTargetCommittedAt));
		this.trace.phase(Phase.PROMOTED);
		return verifyAndFinishSingle(secret);
	}

	@Override
	void plan(Preparation preparation, String publication) {
		this.trace.plan("regenerate the secret of client " + preparation.targetClientId()
				+ ": its current secret stops working at once");
		this.trace.plan(publication + " right away (consumers fail until then: the exposure window)");
		this.trace.plan("stage it in the state record and verify it with a token grant");
	}

	@Override
	RotationResult continueResumed(long consumerVersion) {
		if (this.journal.phase() != Phase.REGENERATING) {
			publish(0, slot(0).secret(), consumerVersion);
			return verifyAndFinishSingle(slot(0).secret());
		}
		Optional<PublishedCredential> consumer = consumerPath();
		Optional<PublishedCredential> ours = consumer
			.filter((current) -> this.journal.rotationId().equals(current.rotationId()));
		if (ours.isPresent()) {
			this.published = true;
			this.trace.published(ours.get().clientId(), ours.get().version());
			stage(0, ours.get().secret(), ours.get().rotatedAt(), this::activate);
			publish(0, ours.get().secret(), ours.get().version());
			return verifyAndFinishSingle(ours.get().secret());
		}
		// An unreachable Genesys is no answer: the check throws, and the record waits in
		// flight for the next recovery pass instead of regenerating a maybe-live secret.
		// Without a Vault path, the secret the record knows is the one targets hold.
		Optional<ClientSecret> published = (this.spec.vaultPath() != null) ? consumer.map(PublishedCredential::secret)
				: Optional.ofNullable(slot(0).secret());
		boolean stillWorks = published
			.map((secret) -> this.context.genesys()
				.checkToken(this.spec.org(), slot(0).clientId(), secret) == TokenCheck.ACCEPTED)
			.orElse(false);
		if (stillWorks) {
			return abandon();
		}
		return continueFresh(consumerVersion);
	}

	/** Single publishes before it stages: the staged slot is already the active one. */
	private StateRecord activate(StateRecord record) {
		return record.withActive(0, now());
	}

	private RotationResult verifyAndFinishSingle(ClientSecret secret) {
		verify(0, secret);
		return finishSingle();
	}

	private RotationResult finishSingle() {
		this.trace.active(slot(0).clientId());
		return finish((r) -> r.withSlot(0, slot(0).verified(now())));
	}

	/**
	 * Single recovery found the regeneration never happened (the published secret still
	 * works): close the journal without touching anything.
	 */
	private RotationResult abandon() {
		RotationException reason = new RotationRefusedException(ErrorCode.ABANDONED,
				"Rotation " + this.journal.rotationId() + " was interrupted before it regenerated anything", null);
		closeJournal(Journal.IDLE, Outcome.SKIPPED, reason);
		return this.trace.ended(Outcome.SKIPPED, reason);
	}

	/** Before its publication, a failure may have left consumers with a dead secret. */
	@Override
	boolean publicationInDoubt() {
		return !this.published;
	}

}
