package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a credential is due: its published secret is older than the rotation interval,
 * and, when it has a window, a window is open.
 */
public final class DueDates {

	private DueDates() {
	}

	/**
	 * When the credential becomes due, ignoring windows: its published secret, generated
	 * at {@code secretGeneratedAt}, reaches the rotation interval ({@code null}: due
	 * now).
	 */
	public static Instant dueAt(CredentialSpec spec, Instant secretGeneratedAt) {
		return (secretGeneratedAt != null) ? secretGeneratedAt.plus(spec.config().rotationInterval()) : null;
	}

	/**
	 * When the next scheduled rotation of a secret published at {@code activeSince} is
	 * due: the first allowed start once it is due ({@code null} before the first
	 * publication). Unlike the status's next due time, it does not move with the clock,
	 * so it names the same rotation until that rotation happens.
	 */
	public static Instant nextScheduled(CredentialSpec spec, Instant activeSince) {
		Instant due = dueAt(spec, activeSince);
		return (due != null) ? nextAllowedStart(spec, due) : null;
	}

	/**
	 * The earliest instant at or after {@code from} at which a scheduled start is
	 * allowed.
	 */
	public static Instant nextAllowedStart(CredentialSpec spec, Instant from) {
		String window = spec.config().window();
		if (window == null || window.isBlank() || insideWindow(spec, from)) {
			return from;
		}
		ZonedDateTime next = CronExpression.parse(window).next(from.atZone(ZoneOffset.UTC));
		return (next != null) ? next.toInstant() : null;
	}

	/** Whether a scheduled rotation may start at {@code now}. */
	public static boolean insideWindow(CredentialSpec spec, Instant now) {
		String window = spec.config().window();
		if (window == null || window.isBlank()) {
			return true;
		}
		Duration length = spec.config().windowDuration();
		ZonedDateTime lastStart = CronExpression.parse(window).next(now.minus(length).atZone(ZoneOffset.UTC));
		return lastStart != null && !lastStart.toInstant().isAfter(now);
	}

}
