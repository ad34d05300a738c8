package io.github.genesysrotator.rotation;

import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.github.genesysrotator.rotation.Preflight.Preparation;
import io.github.genesysrotator.rotation.StateRecord.Journal;
import io.github.genesysrotator.rotation.StateRecord.Slot;

/**
 * Dual strategy: regenerate the standby client, stage and verify its new secret, then
 * publish it. The active client keeps its secret, so consumers never fail.
 */
final class DualRotation extends CredentialRotation {

	DualRotation(CredentialSpec spec, RotationRequest request, RotationContext context) {
		super(spec, request, context);
	}

	@Override
	RotationResult continueFresh(long consumerVersion) {
		int target = this.journal.targetSlot();
		ClientSecret secret = regenerate(target);
		stageAndVerify(target, secret, now(), UnaryOperator.identity());
		return promote(target, secret, consumerVersion);
	}

	/**
	 * The retirement guard, in a routine rotation: after the grace-period rule, before
	 * the intent. Its answer goes into the intent write; a refusal keeps it at rest, so
	 * later passes today reuse it instead of asking Genesys again.
	 */
	@Override
	Preparation guardRetirement(Stored<StateRecord> stored, Preparation preparation) {
		StateRecord record = preparation.record();
		Optional<StandbyUsage> asked = this.context.guard().ask(this.spec, record, this.request.mode());
		if (asked.isEmpty()) {
			return preparation;
		}
		StandbyUsage usage = asked.get();
		this.trace.standbyUsage(usage);
		int standby = record.standbySlot();
		StateRecord answered = record.withSlot(standby, record.slots().get(standby).withUsage(usage));
		if (usage.answer() == StandbyUsage.Answer.IN_USE && this.spec.usageCheck() == UsageCheck.ENFORCE) {
			if (!this.request.dryRun()) {
				keepAtRest(stored, answered);
			}
			throw new RotationRefusedException(ErrorCode.STANDBY_IN_USE,
					"The standby client " + usage.clientId() + " of '" + this.spec.name() + "' made API calls on "
							+ usage.lastUsedOn() + ", after it was demoted on " + usage.demotedOn()
							+ ": a consumer still uses it. Find it and make it re-read " + this.spec.vaultPath()
							+ "; usage-check warn or mode compromise rotate anyway",
					this.context.guard().untilNextReport());
		}
		if (this.request.dryRun()) {
			this.trace.plan("retirement guard: standby client " + usage.clientId() + " is " + usage.answer().label()
					+ describeUsage(usage));
		}
		this.atIntent = (r) -> r.withSlot(standby, r.slots().get(standby).withUsage(usage));
		return preparation;
	}

	private static String describeUsage(StandbyUsage usage) {
		if (usage.lastUsedOn() != null) {
			return " (last calls on " + usage.lastUsedOn() + "; usage-check warn rotates anyway)";
		}
		return (usage.reason() != null) ? " (" + usage.reason() + ")" : "";
	}

	@Override
	void plan(Preparation preparation, String publication) {
		this.trace.plan("regenerate the secret of standby client " + preparation.targetClientId());
		this.trace.plan("stage it in the state record and verify it with a token grant");
		this.trace.plan(publication);
		if (this.request.mode() == Mode.COMPROMISE) {
			preparation.record()
				.active()
				.ifPresent((leaked) -> this.trace
					.plan("then regenerate client " + leaked.clientId() + " so its leaked secret stops working"));
		}
	}

	@Override
	RotationResult continueResumed(long consumerVersion) {
		int target = this.journal.targetSlot();
		if (this.journal.phase() == Phase.REGENERATING) {
			return continueFresh(consumerVersion);
		}
		return verifyAndPublish(target, slot(target).secret(), consumerVersion);
	}

	private RotationResult verifyAndPublish(int target, ClientSecret secret, long consumerVersion) {
		verify(target, secret);
		return promote(target, secret, consumerVersion);
	}

	/**
	 * The secret is staged and verified: publish it (unless retiring a leaked client).
	 */
	private RotationResult promote(int target, ClientSecret secret, long consumerVersion) {
		if (!this.journal.publish()) {
			return finish((r) -> r.withSlot(target, slot(target).verified(now())));
		}
		Integer previouslyActive = this.record.current().activeSlot();
		publish(target, secret, consumerVersion);
		this.trace.phase(Phase.PROMOTED);
		UnaryOperator<StateRecord> promote = (r) -> r.withSlot(target, slot(target).verified(now()))
			.withActive(target, now());
		boolean retireLeaked = this.request.mode() == Mode.COMPROMISE && previouslyActive != null
				&& previouslyActive != target;
		if (retireLeaked) {
			return retire(previouslyActive, promote);
		}
		return finish(promote);
	}

	/**
	 * Compromise mode: once consumers have the other client, regenerate the leaked one so
	 * its secret dies. The same write promotes and announces the second regeneration.
	 */
	private RotationResult retire(int leaked, UnaryOperator<StateRecord> promote) {
		this.journal = this.journal.retiring(leaked);
		commit(() -> {
			this.record.update((r) -> withPublications(promote.apply(r)).withJournal(this.journal), "promoting");
			return null;
		});
		this.trace.phase(Phase.REGENERATING);
		ClientSecret secret = regenerate(leaked);
		stageAndVerify(leaked, secret, now(), UnaryOperator.identity());
		return finish((r) -> r.withSlot(leaked, slot(leaked).verified(now())));
	}

	private int previousSlot(StateRecord current) {
		if (current.phase().inFlight() || current.activeSlot() == null) {
			throw new PreflightException(this.spec.name(), "nothing to roll back to while phase is " + current.phase()
					+ " and active slot is " + current.activeSlot());
		}
		int previous = current.standbySlot();
		Slot slot = current.slots().get(previous);
		if (slot.secret() == null
				|| !this.context.verifier().acceptedNow(this.spec.org(), slot.clientId(), slot.secret())) {
			throw new PreflightException(this.spec.name(),
					"the previous client " + slot.clientId() + " has no secret known to work");
		}
		return previous;
	}

	/**
	 * Publish the previous client again. It is journalled as a verified rotation of that
	 * client, so a crash half way is finished by recovery.
	 */
	@Override
	RotationResult rollback(Stored<StateRecord> stored) {
		this.action = RotationAction.ROLLBACK;
		this.trace.rollback();
		try {
			StateRecord current = stored.value();
			int previous = previousSlot(current);
			this.journal = Journal.rollingBack(UUID.randomUUID().toString(), this.request, previous, now());
			this.trace.identify(this.journal.rotationId(), this.request.trigger());
			long consumerVersion = consumerPath().map(PublishedCredential::version).orElse(0L);
			// A new rotation id: every target is written again, the journal says so.
			take(stored);
			this.trace.phase(Phase.VERIFIED);
			return verifyAndPublish(previous, slot(previous).secret(), consumerVersion);
		}
		catch (RotationException ex) {
			return fail(ex);
		}
	}

	@Override
	boolean publicationInDoubt() {
		return false;
	}

}
