package io.github.genesysrotator.rotation;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest complete UTC day each org's usage is known to be published for, as the
 * retirement guard saw it today: reported calls of the rotator's own admin client on that
 * day. Kept for the rest of the UTC day, so the guards of one org's credentials ask for
 * that witness once a day rather than once per credential. Memory only: a replica that
 * starts asks again.
 */
final class PublishedUsage {

	private final Map<String, Witnessed> orgs = new ConcurrentHashMap<>();

	/** Whether, as seen today, the org's usage is published up to and including a day. */
	boolean covers(String org, LocalDate day, LocalDate today) {
		Witnessed witnessed = this.orgs.get(org);
		return witnessed != null && witnessed.seenOn().equals(today) && !witnessed.through().isBefore(day);
	}

	/** Today, Genesys reported the org's usage up to and including a day. */
	void witnessed(String org, LocalDate through, LocalDate today) {
		this.orgs.merge(org, new Witnessed(through, today),
				(known, fresh) -> (known.seenOn().equals(today) && known.through().isAfter(through)) ? known : fresh);
	}

	private record Witnessed(LocalDate through, LocalDate seenOn) {

	}

}
