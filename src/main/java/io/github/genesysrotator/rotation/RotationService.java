package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import io.github.genesysrotator.rotation.StateRecord.Pause;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.stereotype.Service;

/**
 * The one entry point for rotations: the scheduler, the API and the one-shot mode all
 * call this service and nothing else. A credential is rotated by at most one thread of
 * one replica at a time: a local lock avoids wasted work, the lease in the state record
 * decides across replicas.
 */
@Service
public class RotationService {

	private static final Log logger = LogFactory.getLog(RotationService.class);

	private final CredentialCatalog catalog;

	private final RotatorProperties properties;

	private final RotationContext context;

	private final CredentialControls controls;

	private final StatusReader statuses;

	private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	/**
	 * @param parallelCalls the application's task executor, which runs the calls a
	 * rotation makes beside its main line
	 */
	public RotationService(CredentialCatalog catalog, RotatorProperties properties, GenesysOAuthClients genesys,
			IntegrationCredentials integrations, ConsumerPathStore consumers, StateRecordStore states, Clock clock,
			Sleeper sleeper, InstanceId instanceId, List<RotationListener> listeners,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor parallelCalls) {
		LeaseBudget.check(properties.rotation(), genesys.requestPolicy());
		this.catalog = catalog;
		this.properties = properties;
		this.context = new RotationContext(genesys, integrations, consumers, states, clock, sleeper,
				new CompositeRotationListener(listeners), properties.rotation(), instanceId.value(),
				new ParallelCalls(parallelCalls), new PublishedUsage());
		this.controls = new CredentialControls(this.context);
		this.statuses = new StatusReader(catalog, states, properties, clock);
	}

	/**
	 * Rotate a credential now. A rotation a crash left behind is finished first: its
	 * result is returned, and a new rotation can be requested after it.
	 * @throws UnknownCredentialException when no such credential is configured
	 */
	public RotationResult rotate(RotationRequest request) {
		CredentialSpec spec = this.catalog.get(request.credential());
		return exclusively(spec, request, (rotation, stored) -> {
			boolean unfinished = stored.value().phase().inFlight()
					|| (!request.dryRun() && CredentialRotation.partlyPublished(stored.value()));
			if (unfinished) {
				return rotation.resume(stored);
			}
			checkRules(spec, stored.value(), request);
			return rotation.rotate(stored);
		});
	}

	/**
	 * Dual strategy: republish the previous client, if the rotator knows its secret and
	 * it still obtains a token.
	 * @throws UnknownCredentialException when no such credential is configured
	 * @throws NotApplicableException when the credential is not dual, or has no previous
	 * client with a known secret: refused before any attempt
	 */
	public RotationResult rollback(String credential, String actor) {
		CredentialSpec spec = this.catalog.get(credential);
		checkRollbackApplies(spec);
		RotationRequest request = RotationRequest.of(credential, Trigger.API, actor);
		return exclusively(spec, request, CredentialRotation::rollback);
	}

	/**
	 * Stop routine rotations of a credential until resumed or until {@code until}
	 * ({@code null}: until resumed). Kept in the state record, so every replica, restart
	 * and one-shot run obeys it; a rotation running now is not stopped, the next one is.
	 * Compromise rotations, rollbacks and recovery still run.
	 * @throws UnknownCredentialException when no such credential is configured
	 * @throws InvalidPauseException when {@code until} is not in the future
	 */
	public CredentialStatus pause(String credential, String actor, @Nullable String reason, @Nullable Instant until) {
		CredentialSpec spec = this.catalog.get(credential);
		return known(spec, this.controls.pause(spec, actor, reason, until));
	}

	/** Lift a pause; a credential that is not paused stays as it is. */
	public CredentialStatus resume(String credential, String actor) {
		CredentialSpec spec = this.catalog.get(credential);
		return known(spec, this.controls.resume(spec, actor));
	}

	/**
	 * Announce every credential whose next scheduled rotation is due within
	 * {@code leadTime}, once per due date across all replicas. A credential whose record
	 * cannot be read or written now is tried again on the next call.
	 * @return the credentials this call announced
	 */
	public List<String> announceDue(Duration leadTime) {
		return this.catalog.all().stream().filter((spec) -> {
			try {
				return this.controls.announceDue(spec, leadTime);
			}
			catch (RotationException ex) {
				logger.warn("Due announcement of '" + spec.name() + "' skipped (" + ex.errorCode() + "): "
						+ ex.getMessage());
				return false;
			}
		}).map(CredentialSpec::name).toList();
	}

	/**
	 * Resume every rotation whose holder died (phase in flight, lease expired), logging
	 * each one resumed. Called at startup and before each scheduled pass.
	 */
	public List<RotationResult> recoverAbandoned() {
		List<RotationResult> recovered = this.catalog.all()
			.stream()
			.filter(this::abandoned)
			.map(this::resume)
			.filter((result) -> result != null && result.outcome() != Outcome.BUSY)
			.toList();
		recovered.forEach((result) -> logger.info("Recovered rotation " + result.rotationId() + " of '"
				+ result.credential() + "': " + result.outcome().label()));
		return recovered;
	}

	/** The status of one credential, read from its state record. */
	public CredentialStatus status(String credential) {
		return this.statuses.status(credential);
	}

	/** The status of every credential. */
	public List<CredentialStatus> statuses() {
		return this.statuses.statuses();
	}

	/** Finished rotations of a credential, newest first. */
	public List<HistoryEntry> history(String credential) {
		return read(this.catalog.get(credential)).value().history();
	}

	/**
	 * In flight, and neither running on this replica nor under another replica's live
	 * lease.
	 */
	private boolean abandoned(CredentialSpec spec) {
		ReentrantLock lock = this.locks.get(spec.name());
		if (lock != null && lock.isLocked()) {
			return false;
		}
		StateRecord record = read(spec).value();
		return record.phase().inFlight() && !record.lease().heldByAnotherThan(this.context.instanceId(), now());
	}

	/**
	 * Finish the rotation left in flight; {@code null} when the record is at rest by the
	 * time the lock is held (its holder finished it): recovery never starts a rotation.
	 */
	private RotationResult resume(CredentialSpec spec) {
		RotationRequest request = RotationRequest.of(spec.name(), Trigger.RECOVERY, "recovery");
		return exclusively(spec, request,
				(rotation, stored) -> stored.value().phase().inFlight() ? rotation.resume(stored) : null);
	}

	/**
	 * Run an attempt under this replica's lock, after reading the record; then tell the
	 * listeners how it ended and, when known, the status it left. A run may return
	 * {@code null}: nothing was attempted, and nothing is reported.
	 */
	private RotationResult exclusively(CredentialSpec spec, RotationRequest request,
			BiFunction<CredentialRotation, Stored<StateRecord>, RotationResult> run) {
		ReentrantLock lock = this.locks.computeIfAbsent(spec.name(), (name) -> new ReentrantLock());
		if (!lock.tryLock()) {
			return busy(spec, request, "A rotation of '" + spec.name() + "' is running on this replica");
		}
		try {
			Stored<StateRecord> stored = read(spec);
			if (stored.value().lease().heldByAnotherThan(this.context.instanceId(), now())) {
				this.context.listener().statusKnown(this.statuses.of(spec, stored.value()));
				return busy(spec, request,
						"A rotation of '" + spec.name() + "' is running on replica " + stored.value().lease().holder());
			}
			CredentialRotation rotation = CredentialRotation.of(spec, request, this.context);
			RotationResult result;
			try {
				result = run.apply(rotation, stored);
			}
			catch (RotationException ex) {
				result = refused(spec, request, ex);
			}
			rotation.recordAfter(stored.value())
				.ifPresent((record) -> this.context.listener().statusKnown(this.statuses.of(spec, record)));
			if (result != null) {
				this.context.listener().finished(result);
			}
			return result;
		}
		catch (RotationException ex) {
			RotationResult result = refused(spec, request, ex);
			this.context.listener().finished(result);
			return result;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * What the configuration and the record at rest already answer. A record in flight
	 * goes on to the attempt, which reports it busy or finds it abandoned.
	 */
	private void checkRollbackApplies(CredentialSpec spec) {
		if (spec.strategy() != Strategy.DUAL) {
			throw new NotApplicableException(spec.name(),
					"rollback needs the dual strategy, and its strategy is " + spec.strategy().label());
		}
		StateRecord record = read(spec).value();
		if (record.phase().inFlight()) {
			return;
		}
		if (record.activeSlot() == null || record.slots().get(record.standbySlot()).secret() == null) {
			throw new NotApplicableException(spec.name(),
					"nothing to roll back to: the rotator knows no secret of a previous client");
		}
	}

	private void checkRules(CredentialSpec spec, StateRecord record, RotationRequest request) {
		Optional<Instant> lastSuccess = record.lastSuccess();
		if (request.queuedAt() != null && lastSuccess.filter((at) -> at.isAfter(request.queuedAt())).isPresent()) {
			throw new RotationRefusedException(ErrorCode.ALREADY_ROTATED,
					"'" + spec.name() + "' was rotated after this pass queued it", null);
		}
		Optional<Pause> pause = record.pausedAt(now());
		if (request.mode() == Mode.ROUTINE && pause.isPresent()) {
			throw paused(spec, pause.get());
		}
		boolean routineApi = request.trigger() == Trigger.API && request.mode() == Mode.ROUTINE && !request.dryRun();
		Duration minInterval = this.properties.api().minInterval();
		if (routineApi && lastSuccess.isPresent()) {
			Instant allowedFrom = lastSuccess.get().plus(minInterval);
			if (now().isBefore(allowedFrom)) {
				throw new RotationRefusedException(ErrorCode.COOLDOWN,
						"'" + spec.name() + "' was rotated less than " + minInterval
								+ " ago; use mode compromise if its secret leaked",
						Duration.between(now(), allowedFrom));
			}
		}
	}

	private RotationRefusedException paused(CredentialSpec spec, Pause pause) {
		String until = (pause.until() != null) ? " until " + pause.until() : " until resumed";
		return new RotationRefusedException(ErrorCode.PAUSED,
				"'" + spec.name() + "' is paused by " + pause.by() + until
						+ "; use mode compromise if its secret leaked",
				(pause.until() != null) ? Duration.between(now(), pause.until()) : null);
	}

	/** The status a control change left, told to the listeners (gauges) as well. */
	private CredentialStatus known(CredentialSpec spec, StateRecord record) {
		CredentialStatus status = this.statuses.of(spec, record);
		this.context.listener().statusKnown(status);
		return status;
	}

	private RotationResult busy(CredentialSpec spec, RotationRequest request, String message) {
		RotationResult result = refused(spec, request, new BusyException(message));
		this.context.listener().finished(result);
		return result;
	}

	private RotationResult refused(CredentialSpec spec, RotationRequest request, RotationException error) {
		return new Trace(spec, request, this.context.clock(), this.context.listener())
			.ended(CredentialRotation.outcomeBeforeLease(error), error);
	}

	private Stored<StateRecord> read(CredentialSpec spec) {
		return this.context.read(spec);
	}

	private Instant now() {
		return this.context.clock().instant();
	}

}
