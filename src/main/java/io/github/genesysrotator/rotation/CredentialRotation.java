package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.github.genesysrotator.rotation.IntegrationCredentials.IntegrationCredentialView;
import io.github.genesysrotator.rotation.IntegrationCredentials.IntegrationCredentialWrite;
import io.github.genesysrotator.rotation.Preflight.Preparation;
import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import io.github.genesysrotator.rotation.StateRecord.Journal;
import io.github.genesysrotator.rotation.StateRecord.Slot;
import io.github.genesysrotator.rotation.StateRecord.TargetPublication;

/**
 * One run of the rotation state machine for one credential: a fresh rotation, or the
 * resumption of one a crash left behind. Every transition is a check-and-set write of the
 * state record, made before the side effect it announces, so a crash at any point leaves
 * a record that recovery can finish. This class holds the run and the steps both
 * strategies share; {@link DualRotation} and {@link SingleRotation} order them.
 */
abstract sealed class CredentialRotation permits DualRotation, SingleRotation {

	final CredentialSpec spec;

	final RotationRequest request;

	final RotationContext context;

	final Trace trace;

	LeasedRecord record;

	Journal journal;

	boolean published;

	/**
	 * When the last target this run wrote committed (Vault answered the write, Genesys
	 * the PUT): the end of single's exposure window, before the journal write that
	 * records it.
	 */
	Instant lastTargetCommittedAt;

	/**
	 * The integration credentials as this run's preflight read them: a fresh run takes
	 * their names from here instead of reading them again between the regeneration and
	 * the PUT (inside single's exposure window).
	 */
	private Map<String, IntegrationCredentialView> readByPreflight = Map.of();

	/** Resuming a rotation a crash left behind, which may have published already. */
	boolean resumed;

	RotationAction action = RotationAction.ROTATION;

	/** Whether this run tried to take the record over (see {@link #take}). */
	private boolean tookOver;

	/**
	 * A change the intent write carries besides the journal (the retirement guard's
	 * answer). Kept apart from the record read, so a pause written meanwhile is still
	 * recognised as one ({@link LeasedRecord}).
	 */
	UnaryOperator<StateRecord> atIntent = UnaryOperator.identity();

	/** What {@link #keepAtRest} wrote, if anything. */
	private StateRecord keptAtRest;

	/**
	 * The targets this run published to, carried into each later write of the record: the
	 * publication journal.
	 */
	private final List<TargetPublication> publications = new ArrayList<>();

	CredentialRotation(CredentialSpec spec, RotationRequest request, RotationContext context) {
		this.spec = spec;
		this.request = request;
		this.context = context;
		this.trace = new Trace(spec, request, context.clock(), context.listener());
	}

	static CredentialRotation of(CredentialSpec spec, RotationRequest request, RotationContext context) {
		return (spec.strategy() == Strategy.DUAL) ? new DualRotation(spec, request, context)
				: new SingleRotation(spec, request, context);
	}

	/**
	 * After the intent write: regenerate, stage, verify and publish, in this strategy's
	 * order ({@link #plan} describes it).
	 */
	abstract RotationResult continueFresh(long consumerVersion);

	/** After taking over a record left in flight: go on from the phase it reached. */
	abstract RotationResult continueResumed(long consumerVersion);

	/**
	 * Whether a failure now may have killed the published secret without a replacement
	 * being published (single strategy before its publication).
	 */
	abstract boolean publicationInDoubt();

	/** Publish the previous client again (dual strategy only). */
	RotationResult rollback(Stored<StateRecord> stored) {
		return fail(new PreflightException(this.spec.name(), "rollback needs the dual strategy"));
	}

	/** Start a new rotation from an idle (or failed) record. */
	RotationResult rotate(Stored<StateRecord> stored) {
		try {
			Preparation preparation = this.context.preflight().check(this.spec, stored.value(), this.request.mode());
			this.trace.roleDrift(preparation.roleDrift());
			preparation = guardRetirement(stored, preparation);
			if (this.request.dryRun()) {
				return describe(preparation);
			}
			this.readByPreflight = preparation.integrationCredentials();
			begin(stored.version(), preparation);
			return continueFresh(preparation.consumerVersion());
		}
		catch (RotationException ex) {
			return fail(ex);
		}
	}

	/**
	 * A rotation that failed after publishing to some of its targets (dual): its staged
	 * client is verified and partly published, so the next attempt publishes the rest
	 * instead of regenerating a client a target already holds.
	 */
	static boolean partlyPublished(StateRecord record) {
		Journal journal = record.journal();
		return journal.phase() == Phase.FAILED && journal.publish() && journal.rotationId() != null
				&& record.publications()
					.values()
					.stream()
					.anyMatch((publication) -> journal.rotationId().equals(publication.rotationId()));
	}

	/**
	 * Finish a rotation whose holder died, from the phase it reached, or one that failed
	 * part way through its publication.
	 */
	RotationResult resume(Stored<StateRecord> stored) {
		try {
			this.resumed = true;
			Journal left = stored.value().journal();
			if (left.phase() == Phase.FAILED) {
				left = left.withPhase(Phase.VERIFIED);
			}
			this.journal = left.resumedBy(Trigger.RECOVERY, this.request.actor());
			this.trace.identify(this.journal.rotationId(), Trigger.RECOVERY);
			take(stored);
			long consumerVersion = fenceConsumerPath();
			this.context.listener()
				.started(this.spec.name(), this.journal.rotationId(), Trigger.RECOVERY, this.request.actor());
			this.trace.phase(this.journal.phase());
			return continueResumed(consumerVersion);
		}
		catch (RotationException ex) {
			return fail(ex);
		}
	}

	RotationResult describe(Preparation preparation) {
		List<String> targets = this.spec.targets()
			.stream()
			.map((target) -> target.vault()
					? "Vault path " + target.id() + " as version " + (preparation.consumerVersion() + 1)
					: "integration credential " + target.id() + " (full-body PUT)")
			.toList();
		plan(preparation, "publish client " + preparation.targetClientId() + " to " + String.join(", then ", targets));
		return this.trace.succeeded();
	}

	/**
	 * After the preflight, before the intent: the strategy's last say on whether the
	 * rotation may go on; what it learnt goes into the intent write ({@link #atIntent}).
	 * @throws RotationRefusedException when it may not
	 */
	Preparation guardRetirement(Stored<StateRecord> stored, Preparation preparation) {
		return preparation;
	}

	/**
	 * A change written without the lease before the intent (an answer worth keeping when
	 * a rule refuses the rotation): a check-and-set write of the record as read, given up
	 * when another writer got there first. The status then shows it.
	 */
	void keepAtRest(Stored<StateRecord> stored, StateRecord changed) {
		try {
			this.context.states().write(this.spec.name(), changed, stored.version());
			this.keptAtRest = changed;
		}
		catch (RotationException ex) {
			// Only a cache: the next attempt asks again.
		}
	}

	/** Dry run: the steps a real run would take, in this strategy's order. */
	abstract void plan(Preparation preparation, String publication);

	/** Take the lease and write the intent in one check-and-set write. */
	void begin(long version, Preparation preparation) {
		String rotationId = UUID.randomUUID().toString();
		this.trace.identify(rotationId, this.request.trigger());
		this.journal = Journal.regenerating(rotationId, this.request, preparation.targetSlot(),
				this.context.clock().instant());
		take(new Stored<>(preparation.record(), version));
		this.context.listener().started(this.spec.name(), rotationId, this.request.trigger(), this.request.actor());
		this.trace.phase(Phase.REGENERATING);
	}

	/**
	 * Write the journal under this instance's lease. Losing this first write means
	 * another instance holds the credential: the attempt is busy, and nothing has
	 * changed.
	 */
	void take(Stored<StateRecord> stored) {
		this.tookOver = true;
		LeasedRecord leased = this.context.lease(this.spec.name(), stored);
		leased.update((r) -> this.atIntent.apply(r).withJournal(this.journal), "taking the lease");
		this.record = leased;
	}

	/**
	 * Taking over a rotation in flight: its previous holder may still be alive (a process
	 * frozen past its lease), holding the consumer path's version it read. A new version
	 * written here, with check-and-set, makes every consumer-path write it may still
	 * attempt fail, whenever it wakes up. The content stays what consumers read.
	 * @return the consumer path's version after the fence
	 */
	long fenceConsumerPath() {
		if (this.spec.vaultPath() == null) {
			return 0;
		}
		return commit(() -> this.context.consumers()
			.fence(this.spec.vaultPath(), this.spec.name(), this.journal.rotationId()));
	}

	/**
	 * The one side effect nothing can undo, sent and retried under the lease: a holder
	 * that lost the lease while it waited or stalled never kills a secret another
	 * instance published.
	 */
	ClientSecret regenerate(int slot) {
		String clientId = slot(slot).clientId();
		ClientSecret secret = this.context.fenced(this.record)
			.send("regenerating client " + clientId,
					(fence) -> this.context.genesys().regenerateSecret(this.spec.org(), clientId, fence));
		this.trace.regenerated(clientId);
		return secret;
	}

	/**
	 * Keeps the lease covering one more verification attempt; a Vault outage is left to
	 * the stage it runs beside, a lost lease stops the verification.
	 */
	void keepLeaseWhileVerifying() {
		Duration needed = this.context.timings().verifyInterval().plus(this.context.fenced(this.record).sendWindow());
		try {
			this.record.confirmFor(needed, "verifying");
		}
		catch (DependencyUnavailableException ex) {
			// The stage or the next write meets the outage and deals with it.
		}
	}

	/**
	 * Write the new secret into the state record before anything else can lose it, with
	 * whatever else the strategy records in the same write.
	 */
	void stage(int slot, ClientSecret secret, Instant generatedAt, UnaryOperator<StateRecord> alsoChange) {
		this.journal = this.journal.withPhase(Phase.STAGED);
		commit(() -> {
			this.record.update((r) -> alsoChange.apply(r.withSlot(slot, slot(slot).regenerated(secret, generatedAt)))
				.withJournal(this.journal)
				.withPublications(this.publications), "staging the new secret");
			return null;
		});
		this.trace.phase(Phase.STAGED);
	}

	/**
	 * Stage while a token grant verifies the secret: the grant does not need the stage,
	 * and nothing that needs both (publication, finish) starts before both are done. A
	 * failed stage stops the verification.
	 */
	void stageAndVerify(int slot, ClientSecret secret, Instant generatedAt, UnaryOperator<StateRecord> alsoChange) {
		String clientId = slot(slot).clientId();
		AtomicBoolean stageFailed = new AtomicBoolean();
		CompletableFuture<Void> verification = this.context.parallel().start(() -> {
			this.context.verifier()
				.awaitAccepted(this.spec, clientId, secret, this::keepLeaseWhileVerifying, stageFailed::get);
			return null;
		});
		try {
			stage(slot, secret, generatedAt, alsoChange);
		}
		catch (RuntimeException | Error ex) {
			stageFailed.set(true);
			throw ex;
		}
		ParallelCalls.join(verification);
		this.trace.phase(Phase.VERIFIED);
	}

	void verify(int slot, ClientSecret secret) {
		this.context.verifier().awaitAccepted(this.spec, slot(slot).clientId(), secret, this::keepLeaseWhileVerifying);
		this.trace.phase(Phase.VERIFIED);
	}

	/**
	 * Publish to every target, in the strategy's order, except those the publication
	 * journal shows this rotation wrote already (a resumed or retried run). A fresh run
	 * needs no read of the Vault path first: its check-and-set write finds out.
	 */
	void publish(int slot, ClientSecret secret, long expectedVersion) {
		String clientId = slot(slot).clientId();
		for (PublicationTarget target : this.spec.targets()) {
			if (this.record.current().publishedBy(this.journal.rotationId(), target, clientId)) {
				continue;
			}
			if (target.vault()) {
				publishToVault(target, clientId, secret, expectedVersion);
			}
			else {
				publishToIntegrationCredential(target, clientId, secret);
			}
		}
		this.published = true;
	}

	/**
	 * The Vault path, unless a crash before this run means it already happened: its
	 * content tells. Journalled with the next write of the record.
	 */
	private void publishToVault(PublicationTarget target, String clientId, ClientSecret secret, long expectedVersion) {
		Optional<PublishedCredential> already = this.resumed
				? consumerPath().filter((current) -> holds(current, clientId, secret)) : Optional.empty();
		long version = already.map(PublishedCredential::version)
			.orElseGet(() -> commit(() -> publishOnce(clientId, secret, expectedVersion)));
		this.lastTargetCommittedAt = now();
		this.publications.add(new TargetPublication(target.key(), this.journal.rotationId(), clientId, now(), version));
		this.trace.published(clientId, version);
	}

	/**
	 * A full-body PUT, keeping the credential's current name, sent and retried under the
	 * lease like a regeneration, then journalled at once: Genesys never shows the secret,
	 * so the journal is what tells a resumed run that this target holds it. A crash
	 * between the PUT and the journal write is recognised where it can be
	 * ({@link #landedBeforeTheCrash}); otherwise the resumed run repeats the same PUT,
	 * which changes nothing.
	 */
	private void publishToIntegrationCredential(PublicationTarget target, String clientId, ClientSecret secret) {
		String step = "updating integration credential " + target.id();
		IntegrationCredentialView read = this.resumed ? null : this.readByPreflight.get(target.id());
		IntegrationCredentialView current = (read != null) ? read
				: this.context.integrations().get(this.spec.org(), target.id());
		if (!landedBeforeTheCrash(current, clientId)) {
			IntegrationCredentialWrite write = new IntegrationCredentialWrite(target.id(), current.name(), clientId,
					secret);
			this.context.fenced(this.record).send(step, (fence) -> {
				this.context.integrations().replace(this.spec.org(), write, fence);
				return null;
			});
		}
		this.lastTargetCommittedAt = now();
		this.publications.add(new TargetPublication(target.key(), this.journal.rotationId(), clientId, now(), null));
		commit(() -> {
			this.record.update((r) -> r.withPublications(this.publications), "journalling " + step);
			return null;
		});
	}

	/**
	 * Whether a resumed dual rotation finds the integration credential already holding
	 * its client: the preflight refused to start while any target held the standby
	 * client, so only this rotation's PUT, cut off before its journal write, put it
	 * there. Single keeps one client, and Genesys may redact the client id: then nothing
	 * tells, and the PUT is repeated.
	 */
	private boolean landedBeforeTheCrash(IntegrationCredentialView current, String clientId) {
		return this.resumed && this.spec.strategy() == Strategy.DUAL && clientId.equals(current.clientId());
	}

	long publishOnce(String clientId, ClientSecret secret, long expectedVersion) {
		Publication publication = new Publication(this.spec.vaultPath(), this.spec.name(), clientId, secret,
				this.context.genesys().endpoints(this.spec.org()), now(), this.journal.rotationId(),
				this.spec.nextScheduled(now()));
		try {
			return this.context.consumers().publish(publication, expectedVersion);
		}
		catch (PublicationConflictException ex) {
			// Our own earlier write, whose answer was lost, holds our secret. Anything
			// else
			// was written by the replica that took this rotation over (then renewing the
			// lease fails), or by another hand.
			Optional<Long> ours = consumerPath().filter((current) -> holds(current, clientId, secret))
				.map(PublishedCredential::version);
			if (ours.isPresent()) {
				return ours.get();
			}
			this.record.renew("publishing client " + clientId);
			throw ex;
		}
	}

	private static boolean holds(PublishedCredential current, String clientId, ClientSecret secret) {
		return clientId.equals(current.clientId()) && secret.equals(current.secret());
	}

	/**
	 * A Vault write after a regeneration: retried until the commit timeout while the
	 * secret exists only in memory.
	 */
	<T> T commit(Supplier<T> write) {
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

	RotationResult finish(UnaryOperator<StateRecord> change) {
		this.trace.active(activeClientId(change));
		commit(() -> {
			this.record.release(
					(r) -> change.apply(r)
						.withPublications(this.publications)
						.withJournal(this.journal.withPhase(Phase.IDLE))
						.withHistory(history(Outcome.SUCCESS, null), this.context.timings().historySize()),
					"finishing");
			return null;
		});
		this.trace.phase(Phase.IDLE);
		return this.trace.succeeded();
	}

	String activeClientId(UnaryOperator<StateRecord> change) {
		return change.apply(this.record.current()).active().map(Slot::clientId).orElse(null);
	}

	RotationResult fail(RotationException error) {
		if (this.record == null) {
			return this.trace.ended(outcomeBeforeLease(error), error);
		}
		if (error instanceof StateConflictException || error instanceof LeaseLostException) {
			// The record is another replica's now: nothing of this attempt may be
			// written.
			return this.trace.ended(Outcome.FAILED, error);
		}
		closeJournal(failedJournal(error), Outcome.FAILED, error);
		this.trace.phase(this.journal.phase());
		return this.trace.ended(Outcome.FAILED, error);
	}

	/**
	 * How an attempt that never held the lease ended: another holder makes it busy, a
	 * rule makes it skipped, anything else failed.
	 */
	static Outcome outcomeBeforeLease(RotationException error) {
		if (error instanceof StateConflictException || error instanceof LeaseLostException
				|| error instanceof BusyException) {
			return Outcome.BUSY;
		}
		return (error instanceof RotationRefusedException) ? Outcome.SKIPPED : Outcome.FAILED;
	}

	/**
	 * When the publication is in doubt the regeneration may have killed the published
	 * secret, so the record stays in flight for recovery to check. Otherwise the
	 * published credential is intact and the record rests in FAILED.
	 */
	Journal failedJournal(RotationException error) {
		Journal failed = this.journal.failed(error.getMessage());
		if (!publicationInDoubt()) {
			return failed;
		}
		// Staged already (no Vault path): recovery publishes the staged secret.
		return failed.withPhase((this.journal.phase() == Phase.STAGED) ? Phase.STAGED : Phase.REGENERATING);
	}

	/**
	 * Release the record with the closing journal. The history entry is taken from the
	 * journal being closed: a resting journal ({@link Journal#IDLE}) no longer names the
	 * rotation.
	 */
	void closeJournal(Journal closed, Outcome outcome, RotationException error) {
		HistoryEntry entry = history(outcome, error);
		this.journal = closed;
		try {
			this.record.release((r) -> r.withJournal(closed)
				.withPublications(this.publications)
				.withHistory(entry, this.context.timings().historySize()), "closing the journal");
		}
		catch (RotationException ex) {
			// The lease expires and recovery finds the record where the rotation left it.
		}
	}

	HistoryEntry history(Outcome outcome, RotationException error) {
		String clientId = (this.journal.targetSlot() != null) ? slot(this.journal.targetSlot()).clientId() : null;
		return new HistoryEntry(this.journal.rotationId(), this.action, this.journal.trigger(), this.journal.actor(),
				this.journal.mode(), outcome, clientId, this.trace.startedAt(), now(), this.trace.consumerVersion(),
				(error != null) ? error.getMessage() : null, writtenTargets());
	}

	/**
	 * The targets this rotation wrote, by this run or by the one a crash cut short, in
	 * the order they were written.
	 */
	private List<TargetPublication> writtenTargets() {
		String rotationId = this.journal.rotationId();
		return withPublications(this.record.current()).publications()
			.values()
			.stream()
			.filter((publication) -> rotationId != null && rotationId.equals(publication.rotationId()))
			.sorted(Comparator.comparing(TargetPublication::publishedAt,
					Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
	}

	/**
	 * The record as this run leaves it: the one it read when it wrote nothing, the one it
	 * last wrote otherwise; empty when a write failed and it no longer knows what Vault
	 * holds.
	 */
	Optional<StateRecord> recordAfter(StateRecord read) {
		if (this.record != null) {
			return Optional.of(this.record).filter(LeasedRecord::known).map(LeasedRecord::current);
		}
		if (this.keptAtRest != null) {
			return Optional.of(this.keptAtRest);
		}
		return this.tookOver ? Optional.empty() : Optional.of(read);
	}

	/** What the Vault path holds; empty when there is none, or nothing in it. */
	Optional<PublishedCredential> consumerPath() {
		return (this.spec.vaultPath() != null) ? this.context.consumers().read(this.spec.vaultPath())
				: Optional.empty();
	}

	/** The publications this run made so far, for a write of the record. */
	StateRecord withPublications(StateRecord record) {
		return record.withPublications(this.publications);
	}

	Slot slot(int index) {
		return this.record.current().slots().get(index);
	}

	Instant now() {
		return this.context.clock().instant();
	}

	@Override
	public String toString() {
		return "CredentialRotation[" + this.spec.name() + ", " + Objects.toString(this.journal) + "]";
	}

}
