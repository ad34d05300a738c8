package io.github.genesysrotator.observability;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.genesysrotator.rotation.ConfigurationChecks;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code rotator.notifications.*} configuration: webhooks told about rotations.
 * Checked while binding, so a bad webhook stops startup with a message naming the
 * property; the messages never repeat a secret.
 *
 * @param webhooks receivers of CloudEvents about rotations
 * @param delivery how events are queued, sent and retried
 * @param dueLeadTime how long before a credential's next scheduled rotation the
 * {@code rotation.due} event is raised (audit log and webhooks); no such event when unset
 */
public record NotificationProperties(List<Webhook> webhooks, @DefaultValue Delivery delivery, Duration dueLeadTime) {

	private static final String PREFIX = "rotator.notifications.";

	/** The shortest HMAC key accepted, in bytes: 128 bits. */
	static final int MIN_SECRET_LENGTH = 16;

	public NotificationProperties {
		webhooks = (webhooks != null) ? List.copyOf(webhooks) : List.of();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < webhooks.size(); i++) {
			check(webhooks.get(i), "webhooks[" + i + "].", names);
		}
		check(delivery);
		if (dueLeadTime != null) {
			ConfigurationChecks.requirePositive(PREFIX + "due-lead-time", dueLeadTime);
		}
	}

	private static void check(Webhook webhook, String prefix, Set<String> names) {
		require(webhook.name() != null && webhook.name().matches("[a-z0-9][a-z0-9-]{0,62}"), prefix + "name",
				"must be lower-case letters, digits and '-' (it is a metric label)");
		require(names.add(webhook.name()), prefix + "name", "'" + webhook.name() + "' is used by another webhook");
		URI url = webhook.url();
		String scheme = (url != null && url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		require(url != null && url.getHost() != null && (scheme.equals("http") || scheme.equals("https")),
				prefix + "url", "must be an absolute http or https URL");
		require(!webhook.secrets().isEmpty(), prefix + "secrets",
				"must hold at least one whsec_ key (Standard Webhooks signing key)");
		for (int i = 0; i < webhook.secrets().size(); i++) {
			require(validKey(webhook.secrets().get(i)), prefix + "secrets[" + i + "]",
					"must be whsec_ followed by the base64 of at least " + MIN_SECRET_LENGTH + " random bytes");
		}
	}

	private static boolean validKey(String secret) {
		try {
			return WebhookSignature.key(secret).length >= MIN_SECRET_LENGTH;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void check(Delivery delivery) {
		require(delivery.queueCapacity() > 0, "delivery.queue-capacity", "must be positive");
		require(delivery.maxAttempts() > 0, "delivery.max-attempts", "must be positive");
		ConfigurationChecks.requirePositive(PREFIX + "delivery.initial-backoff", delivery.initialBackoff());
		ConfigurationChecks.requirePositive(PREFIX + "delivery.max-backoff", delivery.maxBackoff());
		ConfigurationChecks.requirePositive(PREFIX + "delivery.connect-timeout", delivery.connectTimeout());
		ConfigurationChecks.requirePositive(PREFIX + "delivery.request-timeout", delivery.requestTimeout());
	}

	private static void require(boolean valid, String property, String rule) {
		ConfigurationChecks.require(valid, PREFIX + property, rule);
	}

	/**
	 * The rotation events a webhook can receive; configured by their CloudEvents name.
	 */
	public enum Event {

		/** A rotation completed. */
		ROTATION_SUCCEEDED,
		/** A rotation failed; the published credential still works. */
		ROTATION_FAILED,
		/** A dual credential was rolled back to its previous client. */
		ROTATION_ROLLEDBACK,
		/**
		 * A scheduled rotation is due within {@code rotator.notifications.due-lead-time}.
		 */
		ROTATION_DUE,
		/** Routine rotations of a credential were paused over the API. */
		CREDENTIAL_PAUSED,
		/** A pause was lifted over the API. */
		CREDENTIAL_RESUMED;

		/** {@code rotation.succeeded}, ... */
		public String shortName() {
			return name().toLowerCase(Locale.ROOT).replace('_', '.');
		}

	}

	/**
	 * One receiver.
	 *
	 * @param name names the receiver in logs and metrics
	 * @param url where events are POSTed
	 * @param secrets the Standard Webhooks signing keys ({@code whsec_<base64>}); every
	 * delivery is signed with each, so a receiver can change its key without a gap; never
	 * logged
	 * @param events the events it receives ({@code rotation.succeeded},
	 * {@code rotation.failed}, {@code rotation.rolledback}, {@code rotation.due},
	 * {@code credential.paused}, {@code credential.resumed}); all when empty
	 */
	public record Webhook(String name, URI url, List<String> secrets, Set<Event> events) {

		public Webhook {
			secrets = (secrets != null) ? List.copyOf(secrets) : List.of();
			events = (events == null || events.isEmpty()) ? EnumSet.allOf(Event.class) : EnumSet.copyOf(events);
		}

		boolean wants(Event event) {
			return this.events.contains(event);
		}

		@Override
		public String toString() {
			// Incoming-webhook URLs often carry a token in the path or query: print the
			// origin.
			String origin = (this.url != null) ? this.url.getScheme() + "://" + this.url.getAuthority() : null;
			return "Webhook[name=" + this.name + ", url=" + origin + "/****, secrets=****, events=" + this.events + "]";
		}

	}

	/**
	 * Delivery of events: on threads of their own, never on the rotating thread.
	 *
	 * @param queueCapacity deliveries waiting or being retried, over all webhooks; an
	 * event that finds the queue full is dropped with a warning and counted
	 * @param maxAttempts attempts per delivery (transport errors and 5xx are retried;
	 * other statuses are final)
	 * @param initialBackoff pause after the first failed attempt; doubles after each
	 * @param maxBackoff longest pause between attempts
	 * @param connectTimeout TCP connect timeout
	 * @param requestTimeout time to wait for the receiver's answer
	 * @param shutdownTimeout on shutdown (and at the end of one-shot mode), how long
	 * queued deliveries may still take
	 */
	public record Delivery(@DefaultValue("1000") int queueCapacity, @DefaultValue("5") int maxAttempts,
			@DefaultValue("1s") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
			@DefaultValue("10s") Duration shutdownTimeout) {

	}

}
