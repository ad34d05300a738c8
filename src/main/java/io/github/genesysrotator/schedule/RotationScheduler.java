package io.github.genesysrotator.schedule;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.CredentialStatus;
import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationException;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The scheduled trigger. Each pass resumes abandoned rotations, then queues every enabled
 * credential that is due and inside its window, each after a random jitter so that
 * replicas and credentials do not all hit Genesys at the same instant. The lease in the
 * state record, not this class, makes sure one replica rotates a credential at a time; a
 * credential another replica rotated meanwhile is skipped by the engine
 * ({@code queuedAt}).
 * <p>
 * Once the context closes no queued rotation starts; a running one goes on to its next
 * durable step, and whatever is left in flight is resumed by recovery.
 */
public class RotationScheduler implements ApplicationListener<ContextClosedEvent> {

	private static final Log logger = LogFactory.getLog(RotationScheduler.class);

	/** The actor recorded on scheduled rotations. */
	public static final String ACTOR = "scheduler";

	private final RotationService rotations;

	private final CredentialCatalog catalog;

	private final RotatorProperties.Schedule schedule;

	private final Clock clock;

	private final TaskScheduler taskScheduler;

	private final LongUnaryOperator jitterMillis;

	private final Map<String, ScheduledFuture<?>> queued = new ConcurrentHashMap<>();

	private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();

	private volatile boolean closing;

	public RotationScheduler(RotationService rotations, CredentialCatalog catalog, RotatorProperties properties,
			Clock clock, TaskScheduler taskScheduler) {
		this(rotations, catalog, properties.schedule(), clock, taskScheduler,
				(bound) -> ThreadLocalRandom.current().nextLong(bound + 1));
	}

	/**
	 * @param jitterMillis given the jitter bound in milliseconds, a delay in
	 * {@code [0, bound]}
	 */
	RotationScheduler(RotationService rotations, CredentialCatalog catalog, RotatorProperties.Schedule schedule,
			Clock clock, TaskScheduler taskScheduler, LongUnaryOperator jitterMillis) {
		this.rotations = rotations;
		this.catalog = catalog;
		this.schedule = schedule;
		this.clock = clock;
		this.taskScheduler = taskScheduler;
		this.jitterMillis = jitterMillis;
	}

	@Scheduled(cron = "${rotator.schedule.poll:0 */5 * * * *}", zone = "UTC")
	public void poll() {
		pass();
	}

	/** One pass: recover, then queue what is due. */
	void pass() {
		if (this.closing) {
			return;
		}
		recover();
		List<CredentialStatus> statuses;
		try {
			statuses = this.rotations.statuses();
		}
		catch (RotationException ex) {
			logger.warn("Scheduled pass skipped: credential status unavailable (" + ex.errorCode() + "): "
					+ ex.getMessage());
			return;
		}
		Instant now = this.clock.instant();
		statuses.stream().filter((status) -> shouldQueue(status, now)).forEach((status) -> queue(status.name(), now));
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.closing = true;
		this.queued.values().forEach((future) -> future.cancel(false));
		this.queued.clear();
	}

	private void recover() {
		try {
			this.rotations.recoverAbandoned();
		}
		catch (RotationException ex) {
			logger.warn("Recovery of abandoned rotations failed (" + ex.errorCode() + "): " + ex.getMessage());
		}
	}

	private boolean shouldQueue(CredentialStatus status, Instant now) {
		if (!status.enabled() || status.phase().inFlight() || isQueued(status.name())) {
			return false;
		}
		if (status.nextDue() == null || status.nextDue().isAfter(now)) {
			return false;
		}
		if (!this.catalog.get(status.name()).insideWindow(now)) {
			return false;
		}
		return !backingOff(status, now);
	}

	/**
	 * What this replica saw and the record cannot show (a failure before the lease, a
	 * refusal with a known end) holds the credential back until then. A failure in the
	 * shared history is already in {@link CredentialStatus#nextDue()}.
	 */
	private boolean backingOff(CredentialStatus status, Instant now) {
		Instant until = this.notBefore.get(status.name());
		return until != null && now.isBefore(until);
	}

	private boolean isQueued(String credential) {
		ScheduledFuture<?> future = this.queued.get(credential);
		return future != null && !future.isDone();
	}

	private void queue(String credential, Instant now) {
		long delay = this.jitterMillis.applyAsLong(Math.max(0, this.schedule.jitter().toMillis()));
		RotationRequest request = new RotationRequest(credential, Trigger.SCHEDULE, ACTOR, Mode.ROUTINE, false, null,
				now);
		this.queued.put(credential, this.taskScheduler.schedule(() -> run(request), now.plusMillis(delay)));
	}

	private void run(RotationRequest request) {
		this.queued.remove(request.credential());
		if (this.closing) {
			return;
		}
		Instant now = this.clock.instant();
		try {
			if (!this.catalog.get(request.credential()).insideWindow(now)) {
				// The jitter carried the start past the end of the window.
				return;
			}
			remember(this.rotations.rotate(request), now);
		}
		catch (RotationException ex) {
			logger.warn("Scheduled rotation of '" + request.credential() + "' not started (" + ex.errorCode() + "): "
					+ ex.getMessage());
		}
	}

	private void remember(RotationResult result, Instant startedAt) {
		String credential = result.credential();
		if (result.outcome() == Outcome.FAILED) {
			this.notBefore.put(credential, startedAt.plus(this.schedule.failureBackoff()));
		}
		else if (result.outcome() == Outcome.SKIPPED && result.retryAfter() != null) {
			this.notBefore.put(credential, startedAt.plus(result.retryAfter()));
		}
		else {
			this.notBefore.remove(credential);
		}
		logger.info("Scheduled rotation of '" + credential + "': " + result.outcome().label()
				+ ((result.errorCode() != null) ? " (" + result.errorCode() + ")" : ""));
	}

}
