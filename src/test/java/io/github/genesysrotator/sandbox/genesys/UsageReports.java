package io.github.genesysrotator.sandbox.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API usage per OAuth client and UTC day of the simulator's clock, as Genesys reports it
 * (fact sheet 9.3): every {@code /api/v2} request is counted for the client whose token
 * made it, by status class; {@code /oauth/token} is not counted. Only complete days are
 * reported, and only once they are published: at midnight UTC by default, some hours
 * later with {@link #publicationLag(Duration)}. The switches change at run time, like the
 * fault rules.
 */
public final class UsageReports {

	private final Clock clock;

	/** Client id, then day, then counts. */
	private final Map<String, TreeMap<LocalDate, DayCounts>> days = new HashMap<>();

	private final AtomicInteger jobsSubmitted = new AtomicInteger();

	private int jobPolls = 2;

	private Duration publicationLag = Duration.ZERO;

	private boolean failJobs;

	UsageReports(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Polls of a job answered {@code Queued} or {@code Running} before it answers
	 * {@code Succeeded} (default 2).
	 */
	public synchronized UsageReports jobPolls(int polls) {
		if (polls < 0) {
			throw new IllegalArgumentException("jobPolls must not be negative");
		}
		this.jobPolls = polls;
		return this;
	}

	/**
	 * How long after the end of a UTC day its usage is published (default 0: at
	 * midnight). Genesys documents that data is refreshed "around midnight" and may be up
	 * to 24 hours old.
	 */
	public synchronized UsageReports publicationLag(Duration lag) {
		if (lag.isNegative()) {
			throw new IllegalArgumentException("publicationLag must not be negative");
		}
		this.publicationLag = lag;
		return this;
	}

	/** Jobs submitted from now on end {@code Failed} (default false). */
	public synchronized UsageReports failJobs(boolean fail) {
		this.failJobs = fail;
		return this;
	}

	/** Polls of a job answered before its final status. */
	public synchronized int jobPolls() {
		return this.jobPolls;
	}

	/** How long after the end of a UTC day its usage is published. */
	public synchronized Duration publicationLag() {
		return this.publicationLag;
	}

	/** Whether jobs submitted now end {@code Failed}. */
	public synchronized boolean failJobs() {
		return this.failJobs;
	}

	/** Usage jobs submitted so far, whatever their outcome. */
	public int jobsSubmitted() {
		return this.jobsSubmitted.get();
	}

	/** Requests a client made on a day, whether published or not. */
	public synchronized long requests(String clientId, LocalDate day) {
		DayCounts counts = this.days.getOrDefault(clientId, new TreeMap<>()).get(day);
		return (counts != null) ? counts.requests : 0;
	}

	/**
	 * Record calls as if the client had made them on a day (demos, and days a test does
	 * not want to spend real requests on).
	 */
	public synchronized void record(String clientId, LocalDate day, int requests) {
		DayCounts counts = this.days.computeIfAbsent(clientId, (id) -> new TreeMap<>())
			.computeIfAbsent(day, (d) -> new DayCounts());
		for (int i = 0; i < requests; i++) {
			counts.add(200);
		}
	}

	/**
	 * Record calls as if the client had made them on each of the complete UTC days before
	 * today (the demo's way to make a standby client look used).
	 * @return the days, oldest first
	 */
	public List<LocalDate> recordOnPastDays(String clientId, int days, int requests) {
		if (days < 1 || requests < 1) {
			throw new IllegalArgumentException("days and requests must be positive");
		}
		List<LocalDate> recorded = new ArrayList<>();
		for (int back = days; back >= 1; back--) {
			LocalDate day = today().minusDays(back);
			record(clientId, day, requests);
			recorded.add(day);
		}
		return recorded;
	}

	/** Count one API request of a client, today. */
	synchronized void count(String clientId, int status) {
		this.days.computeIfAbsent(clientId, (id) -> new TreeMap<>())
			.computeIfAbsent(today(), (d) -> new DayCounts())
			.add(status);
	}

	synchronized Job submit(String clientId, Instant from, Instant to) {
		this.jobsSubmitted.incrementAndGet();
		return new Job(clientId, from, to, this.jobPolls, this.failJobs);
	}

	/** The published days of a client in {@code [from, to)} with at least one call. */
	synchronized List<Row> published(String clientId, Instant from, Instant to) {
		Instant now = this.clock.instant();
		List<Row> rows = new ArrayList<>();
		this.days.getOrDefault(clientId, new TreeMap<>()).forEach((day, counts) -> {
			Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
			Instant publishedAt = start.plus(Duration.ofDays(1)).plus(this.publicationLag);
			if (!start.isBefore(from) && start.isBefore(to) && !now.isBefore(publishedAt) && counts.requests > 0) {
				rows.add(new Row(day, counts.requests, counts.status200, counts.status300, counts.status400,
						counts.status429, counts.status500));
			}
		});
		return rows;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** One reported day of one client. */
	record Row(LocalDate date, long requestCount, long status200, long status300, long status400, long status429,
			long status500) {

	}

	/**
	 * A submitted usage job: it answers {@code Queued}, then {@code Running}, for its
	 * polls, then its final status.
	 */
	static final class Job {

		private final String clientId;

		private final Instant from;

		private final Instant to;

		private final boolean fails;

		private int pollsLeft;

		private int polled;

		private Job(String clientId, Instant from, Instant to, int polls, boolean fails) {
			this.clientId = clientId;
			this.from = from;
			this.to = to;
			this.pollsLeft = polls;
			this.fails = fails;
		}

		String clientId() {
			return this.clientId;
		}

		Instant from() {
			return this.from;
		}

		Instant to() {
			return this.to;
		}

		/** The status this poll answers, moving the job on. */
		synchronized String poll() {
			if (this.pollsLeft > 0) {
				this.pollsLeft--;
				return (this.polled++ == 0) ? "Queued" : "Running";
			}
			return this.fails ? "Failed" : "Succeeded";
		}

	}

	private static final class DayCounts {

		private long requests;

		private long status200;

		private long status300;

		private long status400;

		private long status429;

		private long status500;

		void add(int status) {
			this.requests++;
			if (status == 429) {
				this.status429++;
			}
			else if (status >= 500) {
				this.status500++;
			}
			else if (status >= 400) {
				this.status400++;
			}
			else if (status >= 300) {
				this.status300++;
			}
			else {
				this.status200++;
			}
		}

	}

}
