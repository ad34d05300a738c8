package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import io.github.genesysrotator.rotation.RotatorProperties.Credential;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.StringUtils;

/**
 * A configured credential with its name, and when it is due: its published secret is
 * older than the rotation interval and, when it has a window, a window is open.
 *
 * @param name the credential name
 * @param config its configuration
 */
public record CredentialSpec(String name, Credential config) {

	public Strategy strategy() {
		return this.config.strategy();
	}

	public String org() {
		return this.config.org();
	}

	public List<String> clientIds() {
		return this.config.clientIds();
	}

	/**
	 * The consumer path, or {@code null} when the credential publishes to Genesys only.
	 */
	public @Nullable String vaultPath() {
		return StringUtils.hasText(this.config.vaultPath()) ? this.config.vaultPath() : null;
	}

	public List<String> integrationCredentials() {
		return this.config.integrationCredentials();
	}

	/** Every publication target, in the order a rotation writes them. */
	public List<PublicationTarget> targets() {
		return PublicationTarget.of(this);
	}

	/**
	 * The retirement guard's setting: {@code enforce} unless configured; always
	 * {@code off} for single, which has no standby.
	 */
	public UsageCheck usageCheck() {
		if (strategy() != Strategy.DUAL) {
			return UsageCheck.OFF;
		}
		return (this.config.usageCheck() != null) ? this.config.usageCheck() : UsageCheck.ENFORCE;
	}

	/**
	 * When the credential becomes due, ignoring windows: its published secret, generated
	 * at {@code secretGeneratedAt}, reaches the rotation interval ({@code null}: due
	 * now).
	 */
	public @Nullable Instant dueAt(@Nullable Instant secretGeneratedAt) {
		return (secretGeneratedAt != null) ? secretGeneratedAt.plus(this.config.rotationInterval()) : null;
	}

	/**
	 * When the next scheduled rotation of a secret published at {@code activeSince} is
	 * due: the first allowed start once it is due ({@code null} before the first
	 * publication). Unlike the status's next due time, it does not move with the clock,
	 * so it names the same rotation until that rotation happens.
	 */
	public @Nullable Instant nextScheduled(@Nullable Instant activeSince) {
		Instant due = dueAt(activeSince);
		return (due != null) ? nextAllowedStart(due) : null;
	}

	/**
	 * The earliest instant at or after {@code from} at which a scheduled start is
	 * allowed.
	 */
	public @Nullable Instant nextAllowedStart(Instant from) {
		String window = this.config.window();
		if (window == null || window.isBlank() || insideWindow(from)) {
			return from;
		}
		ZonedDateTime next = CronExpression.parse(window).next(from.atZone(ZoneOffset.UTC));
		return (next != null) ? next.toInstant() : null;
	}

	/** Whether a scheduled rotation may start at {@code now}. */
	public boolean insideWindow(Instant now) {
		String window = this.config.window();
		if (window == null || window.isBlank()) {
			return true;
		}
		Duration length = this.config.windowDuration();
		ZonedDateTime lastStart = CronExpression.parse(window).next(now.minus(length).atZone(ZoneOffset.UTC));
		return lastStart != null && !lastStart.toInstant().isAfter(now);
	}

}
