package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.github.genesysrotator.rotation.Preflight.Preparation;
import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import io.github.genesysrotator.rotation.StateRecord.Journal;
import io.github.genesysrotator.rotation.StateRecord.Slot;

/**
 * One run of the rotation state machine for one credential: a fresh rotation, or the
 * resumption of one a crash left behind. Every transition is a check-and-set write of the
 * state record, made before the side effect it announces, so a crash at any point leaves
 * a record that recovery can finish.
 */
final class CredentialRotation {

	private final CredentialSpec spec;

	private final RotationRequest request;

	private final RotationContext context;

	private final Trace trace;

	private LeasedRecord record;

	private Journal journal;

	private boolean published;

	/** Resuming a rotation a crash left behind, which may have published already. */
	private boolean resumed;

	private String action = "rotation";

	CredentialRotation(CredentialSpec spec, RotationRequest request, RotationContext context) {
		this.spec = spec;
		this.request = request;
		this.context = context;
		this.trace = new Trace(spec, request, context.clock(), context.listener());
	}

	/** Start a new rotation from an idle (or failed) record. */
	RotationResult rotate(Stored<StateRecord> stored) {
		try {
			Preparation preparation = this.context.preflight().check(this.spec, stored.value(), this.request.mode());
			this.trace.roleDrift(preparation.roleDrift());
			if (this.request.dryRun()) {
				return describe(preparation);
			}
			begin(stored.version(), preparation);
			return (this.spec.strategy() == Strategy.DUAL) ? continueDual(preparation.consumerVersion())
					: continueSingle(preparation.consumerVersion());
		}
		catch (RotationException ex) {
			return fail(ex);
		}
	}

	/** Finish a rotation whose holder died, from the phase it reached. */
	RotationResult resume(Stored<StateRecord> stored) {
		try {
			this.resumed = true;
			this.journal = stored.value().journal().resumedBy(Trigger.RECOVERY, this.request.actor());
			this.trace.identify(this.journal.rotationId(), Trigger.RECOVERY);
			take(stored);
			this.context.listener()
				.started(this.spec.name(), this.journal.rotationId(), Trigger.RECOVERY, this.request.actor());
			this.trace.phase(this.journal.phase());
			long consumerVersion = consumerPath().map(PublishedCredential::version).orElse(0L);
			return (this.spec.strategy() == Strategy.DUAL) ? resumeDual(consumerVersion)
					: resumeSingle(consumerVersion);
		}
		catch (RotationException ex) {
			return fail(ex);
		}
	}

	/**
	 * Dual strategy: publish the previous client again. It is journalled as a verified
	 * rotation of that client, so a crash half way is finished by recovery.
	 */
	RotationResult rollback(Stored<StateRecord> stored) {
		this.action = "rollback";
		try {
			StateRecord current = stored.value();
			int previous = previousSlot(current);
			this.journal = new Journal(Phase.VERIFIED, UUID.randomUUID().toString(), this.request.trigger(),
					this.request.actor(), Mode.ROUTINE, previous, true, now(), null);
			this.trace.identify(this.journal.rotationId(), this.request.trigger());
			long consumerVersion = consumerPath().map(PublishedCredential::version).orElse(0L);
			take(stored);
			this.trace.phase(Phase.VERIFIED);
			RotationResult result = verifyAndPublish(previous, slot(previous).secret(), consumerVersion);
			this.context.listener().rolledBack(result);
			return result;
		}
		catch (RotationException ex) {
			return fail(ex);
		}
	}

	private int previousSlot(StateRecord current) {
		if (this.spec.strategy() != Strategy.DUAL) {
			throw new PreflightException(this.spec.name(), "rollback needs the dual strategy");
		}
		if (current.phase().inFlight() || current.activeSlot() == null) {
			throw new PreflightException(this.spec.name(), "nothing to roll back to while phase is " + current.phase()
					+ " and active slot is " + current.activeSlot());
		}
		int previous = 1 - current.activeSlot();
		Slot slot = current.slots().get(previous);
		if (slot.secret() == null
				|| !this.context.verifier().acceptedNow(this.spec.org(), slot.clientId(), slot.secret())) {
			throw new PreflightException(this.spec.name(),
					"the previous client " + slot.clientId() + " has no secret known to work");
		}
		return previous;
	}

	private RotationResult describe(Preparation preparation) {
		String target = preparation.targetClientId();
		this.trace.plan("regenerate the secret of client " + target);
		this.trace.plan("stage it in the state record and verify it with a token grant");
		this.trace.plan("publish client " + target + " to " + this.spec.vaultPath() + " as version "
				+ (preparation.consumerVersion() + 1));
		if (this.request.mode() == Mode.COMPROMISE && this.spec.strategy() == Strategy.DUAL) {
			preparation.record()
				.active()
				.ifPresent((leaked) -> this.trace
					.plan("then regenerate client " + leaked.clientId() + " so its leaked secret stops working"));
		}
		return this.trace.succeeded();
	}

	/** Take the lease and write the intent in one check-and-set write. */
	private void begin(long version, Preparation preparation) {
		String rotationId = UUID.randomUUID().toString();
		this.trace.identify(rotationId, this.request.trigger());
		this.journal = new Journal(Phase.REGENERATING, rotationId, this.request.trigger(), this.request.actor(),
				this.request.mode(), preparation.targetSlot(), true, this.context.clock().instant(), null);
		take(new Stored<>(preparation.record(), version));
		this.context.listener().started(this.spec.name(), rotationId, this.request.trigger(), this.request.actor());
		this.trace.phase(Phase.REGENERATING);
	}

	/**
	 * Write the journal under this instance's lease. Losing this first write means
	 * another instance holds the credential: the attempt is busy, and nothing has
	 * changed.
	 */
	private void take(Stored<StateRecord> stored) {
		LeasedRecord leased = this.context.lease(this.spec.name(), stored);
		leased.update((r) -> r.withJournal(this.journal));
		this.record = leased;
	}

	private RotationResult continueDual(long consumerVersion) {
		int target = this.journal.targetSlot();
		ClientSecret secret = regenerate(target);
		stageAndVerify(target, secret, () -> stage(target, secret));
		return promote(target, secret, consumerVersion);
	}

	private RotationResult resumeDual(long consumerVersion) {
		int target = this.journal.targetSlot();
		if (this.journal.phase() == Phase.REGENERATING) {
			return continueDual(consumerVersion);
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
		this.journal = new Journal(Phase.REGENERATING, this.journal.rotationId(), this.journal.trigger(),
				this.journal.actor(), Mode.COMPROMISE, leaked, false, this.journal.startedAt(), null);
		commit(() -> {
			this.record.update((r) -> promote.apply(r).withJournal(this.journal));
			return null;
		});
		this.trace.phase(Phase.REGENERATING);
		ClientSecret secret = regenerate(leaked);
		stageAndVerify(leaked, secret, () -> stage(leaked, secret));
		return finish((r) -> r.withSlot(leaked, slot(leaked).verified(now())));
	}

	private RotationResult continueSingle(long consumerVersion) {
		ClientSecret secret = regenerate(0);
		Instant regeneratedAt = now();
		publish(0, secret, consumerVersion);
		this.trace.exposureWindow(Duration.between(regeneratedAt, now()));
		this.trace.phase(Phase.PROMOTED);
		stageAndVerify(0, secret, () -> stageSingle(secret, regeneratedAt));
		return finishSingle();
	}

	private RotationResult resumeSingle(long consumerVersion) {
		if (this.journal.phase() != Phase.REGENERATING) {
			this.published = true;
			return verifyAndFinishSingle(slot(0).secret());
		}
		Optional<PublishedCredential> consumer = consumerPath();
		Optional<PublishedCredential> ours = consumer
			.filter((current) -> this.journal.rotationId().equals(current.rotationId()));
		if (ours.isPresent()) {
			this.published = true;
			this.trace.published(ours.get().clientId(), ours.get().version());
			stageSingle(ours.get().secret(), ours.get().rotatedAt());
			return verifyAndFinishSingle(ours.get().secret());
		}
		boolean stillWorks = consumer.filter((current) -> current.secret() != null)
			.map((current) -> this.context.verifier()
				.acceptedNow(this.spec.org(), current.clientId(), current.secret()))
			.orElse(false);
		if (stillWorks) {
			return abandon();
		}
		return continueSingle(consumerVersion);
	}

	private void stageSingle(ClientSecret secret, Instant generatedAt) {
		this.journal = this.journal.withPhase(Phase.STAGED);
		commit(() -> {
			this.record.update((r) -> r.withSlot(0, slot(0).regenerated(secret, generatedAt))
				.withActive(0, now())
				.withJournal(this.journal));
			return null;
		});
		this.trace.phase(Phase.STAGED);
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
		RotationException reason = new RotationRefusedException("abandoned",
				"Rotation " + this.journal.rotationId() + " was interrupted before it regenerated anything", null);
		closeJournal(Journal.IDLE, Outcome.SKIPPED, reason);
		return this.trace.ended(Outcome.SKIPPED, reason);
	}

	/**
	 * The one side effect nothing can undo: the lease is confirmed right before it, so a
	 * holder that lost the lease while paused never kills a secret another instance
	 * published.
	 */
	private ClientSecret regenerate(int slot) {
		String clientId = slot(slot).clientId();
		this.record.confirm();
		ClientSecret secret = this.context.genesys().regenerateSecret(this.spec.org(), clientId);
		this.trace.regenerated(clientId);
		return secret;
	}

	/** Write the new secret into the state record before anything else can lose it. */
	private void stage(int slot, ClientSecret secret) {
		this.journal = this.journal.withPhase(Phase.STAGED);
		Instant generatedAt = now();
		commit(() -> {
			this.record
				.update((r) -> r.withSlot(slot, slot(slot).regenerated(secret, generatedAt)).withJournal(this.journal));
			return null;
		});
		this.trace.phase(Phase.STAGED);
	}

	/**
	 * Stage while a token grant verifies the secret: the grant does not need the stage,
	 * and nothing that needs both (publication, finish) starts before both are done. A
	 * failed stage stops the verification.
	 */
	private void stageAndVerify(int slot, ClientSecret secret, Runnable stageWrite) {
		String clientId = slot(slot).clientId();
		AtomicBoolean stageFailed = new AtomicBoolean();
		CompletableFuture<Void> verification = ParallelCalls.start(() -> {
			this.context.verifier().awaitAccepted(this.spec, clientId, secret, stageFailed::get);
			return null;
		});
		try {
			stageWrite.run();
		}
		catch (RuntimeException | Error ex) {
			stageFailed.set(true);
			throw ex;
		}
		ParallelCalls.join(verification);
		this.trace.phase(Phase.VERIFIED);
	}

	private void verify(int slot, ClientSecret secret) {
		this.context.verifier().awaitAccepted(this.spec, slot(slot).clientId(), secret);
		this.trace.phase(Phase.VERIFIED);
	}

	/**
	 * Publish to the consumer path, unless a crash before this run means it already
	 * happened. A fresh run needs no read first: its check-and-set write finds out.
	 */
	private void publish(int slot, ClientSecret secret, long expectedVersion) {
		String clientId = slot(slot).clientId();
		Optional<PublishedCredential> already = (this.resumed && expectedVersion > 0)
				? consumerPath().filter((current) -> this.journal.rotationId().equals(current.rotationId()))
				: Optional.empty();
		long version = already.map(PublishedCredential::version)
			.orElseGet(() -> commit(() -> publishOnce(clientId, secret, expectedVersion)));
		this.published = true;
		this.trace.published(clientId, version);
	}

	private long publishOnce(String clientId, ClientSecret secret, long expectedVersion) {
		Publication publication = new Publication(this.spec.vaultPath(), this.spec.name(), clientId, secret,
				this.context.genesys().endpoints(this.spec.org()), now(), this.journal.rotationId(), true);
		try {
			return this.context.consumers().publish(publication, expectedVersion);
		}
		catch (PublicationConflictException ex) {
			return consumerPath().filter((current) -> this.journal.rotationId().equals(current.rotationId()))
				.map(PublishedCredential::version)
				.orElseThrow(() -> ex);
		}
	}

	/**
	 * A Vault write after a regeneration: retried until the commit timeout while the
	 * secret exists only in memory.
	 */
	private <T> T commit(Supplier<T> write) {
		boolean[] flagged = { false };
		try {
			return this.context.backoff().retry(this.context.timings().commitTimeout(), () -> {
				flagged[0] = true;
				this.context.listener().uncommitted(this.spec.name(), true);
			}, write);
		}
		finally {
			if (flagged[0]) {
				this.context.listener().uncommitted(this.spec.name(), false);
			}
		}
	}

	private RotationResult finish(UnaryOperator<StateRecord> change) {
		this.trace.active(activeClientId(change));
		commit(() -> {
			this.record.release((r) -> change.apply(r)
				.withJournal(this.journal.withPhase(Phase.IDLE))
				.withHistory(history(Outcome.SUCCESS, null), this.context.timings().historySize()));
			return null;
		});
		this.trace.phase(Phase.IDLE);
		return this.trace.succeeded();
	}

	private String activeClientId(UnaryOperator<StateRecord> change) {
		return change.apply(this.record.current()).active().map(Slot::clientId).orElse(null);
	}

	private RotationResult fail(RotationException error) {
		if (this.record == null) {
			return this.trace.ended(outcomeBeforeLease(error), error);
		}
		if (error instanceof StateConflictException) {
			return this.trace.ended(Outcome.FAILED, error);
		}
		closeJournal(failedJournal(error), Outcome.FAILED, error);
		this.trace.phase(this.journal.phase());
		return this.trace.ended(Outcome.FAILED, error);
	}

	private static Outcome outcomeBeforeLease(RotationException error) {
		if (error instanceof StateConflictException) {
			return Outcome.BUSY;
		}
		return (error instanceof RotationRefusedException) ? Outcome.SKIPPED : Outcome.FAILED;
	}

	/**
	 * Single strategy before publication: the regeneration may have happened, killing the
	 * published secret, so the record stays in flight for recovery to check. Otherwise
	 * the published credential is intact and the record rests in FAILED.
	 */
	private Journal failedJournal(RotationException error) {
		boolean singleInDoubt = this.spec.strategy() == Strategy.SINGLE && !this.published;
		Journal failed = this.journal.failed(error.getMessage());
		return singleInDoubt ? new Journal(Phase.REGENERATING, failed.rotationId(), failed.trigger(), failed.actor(),
				failed.mode(), failed.targetSlot(), failed.publish(), failed.startedAt(), failed.lastError()) : failed;
	}

	private void closeJournal(Journal closed, Outcome outcome, RotationException error) {
		this.journal = closed;
		try {
			this.record.release((r) -> r.withJournal(closed)
				.withHistory(history(outcome, error), this.context.timings().historySize()));
		}
		catch (RotationException ex) {
			// The lease expires and recovery finds the record where the rotation left it.
		}
	}

	private HistoryEntry history(Outcome outcome, RotationException error) {
		String clientId = (this.journal.targetSlot() != null) ? slot(this.journal.targetSlot()).clientId() : null;
		return new HistoryEntry(this.journal.rotationId(), this.action, this.journal.trigger(), this.journal.actor(),
				this.journal.mode(), outcome, clientId, this.trace.startedAt(), now(), this.trace.consumerVersion(),
				(error != null) ? error.getMessage() : null);
	}

	private Optional<PublishedCredential> consumerPath() {
		return this.context.consumers().read(this.spec.vaultPath());
	}

	private Slot slot(int index) {
		return this.record.current().slots().get(index);
	}

	private Instant now() {
		return this.context.clock().instant();
	}

	@Override
	public String toString() {
		return "CredentialRotation[" + this.spec.name() + ", " + Objects.toString(this.journal) + "]";
	}

}
