package io.github.genesysrotator.observability;

import java.time.Instant;
import java.util.Locale;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.CredentialSpec;
import io.github.genesysrotator.rotation.ErrorCode;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationListener;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.StateRecord.Pause;
import io.github.genesysrotator.rotation.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.stereotype.Component;

/**
 * One audit event per rotation transition, on the logger
 * {@code genesys-secret-rotator.audit}: {@code rotation.started}, {@code .succeeded},
 * {@code .failed}, {@code .abandoned} and {@code .rolledback}; {@code rotation.due} ahead
 * of a scheduled rotation; {@code credential.paused} and {@code .resumed}. The fields are
 * SLF4J key values, which Spring Boot's structured logging
 * ({@code logging.structured.format.console=ecs} or {@code logstash}) renders as JSON
 * members; the message repeats them for plain-text logs. Never a secret and never an
 * error message: only the stable error code.
 */
@Component
class AuditLog implements RotationListener {

	static final String LOGGER_NAME = "genesys-secret-rotator.audit";

	private static final Logger audit = LoggerFactory.getLogger(LOGGER_NAME);

	private final CredentialCatalog catalog;

	AuditLog(CredentialCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void started(String credential, String rotationId, Trigger trigger, String actor) {
		CredentialSpec spec = this.catalog.get(credential);
		new Event("rotation.started").with("rotationId", rotationId)
			.with("credential", credential)
			.with("strategy", spec.strategy().label())
			.with("trigger", trigger.label())
			.with("actor", actor)
			.with("clientIds", String.join(",", spec.clientIds()))
			.log();
	}

	@Override
	public void finished(RotationResult result) {
		if (result.dryRun()) {
			return;
		}
		String event = eventOf(result);
		if (event != null) {
			log(event, result);
		}
	}

	@Override
	public void paused(String credential, Pause pause) {
		new Event("credential.paused").with("credential", credential)
			.with("actor", pause.by())
			.with("reason", pause.reason())
			.with("until", pause.until())
			.log();
	}

	@Override
	public void resumed(String credential, String actor) {
		new Event("credential.resumed").with("credential", credential).with("actor", actor).log();
	}

	@Override
	public void rotationDue(String credential, Instant dueAt) {
		new Event("rotation.due").with("credential", credential)
			.with("strategy", this.catalog.get(credential).strategy().label())
			.with("dueAt", dueAt)
			.log();
	}

	/** Busy and refused attempts changed nothing: they are no transition. */
	private static String eventOf(RotationResult result) {
		if (result.outcome() == Outcome.SUCCESS) {
			return result.rollback() ? "rotation.rolledback" : "rotation.succeeded";
		}
		if (result.outcome() == Outcome.FAILED) {
			return "rotation.failed";
		}
		if (result.outcome() == Outcome.SKIPPED && ErrorCode.ABANDONED.is(result.errorCode())) {
			return "rotation.abandoned";
		}
		return null;
	}

	private void log(String name, RotationResult result) {
		new Event(name).with("rotationId", result.rotationId())
			.with("credential", result.credential())
			.with("strategy", result.strategy().label())
			.with("mode", result.mode().name().toLowerCase(Locale.ROOT))
			.with("trigger", result.trigger().label())
			.with("actor", result.actor())
			.with("reason", result.reason())
			.with("outcome", result.outcome().label())
			.with("activeClientId", result.activeClientId())
			.with("clientIds", String.join(",", result.regeneratedClientIds()))
			.with("consumerVersion", result.consumerVersion())
			.with("errorCode", result.errorCode())
			.with("standbyUsage", (result.standbyUsage() != null) ? result.standbyUsage().answer().label() : null)
			.with("standbyLastUsedOn", (result.standbyUsage() != null) ? result.standbyUsage().lastUsedOn() : null)
			.with("durationMs", result.duration().toMillis())
			.log();
	}

	/** Key values in order, skipping absent ones; the message lists them too. */
	private static final class Event {

		private final LoggingEventBuilder builder;

		private final StringBuilder message;

		Event(String name) {
			this.builder = audit.atInfo().addKeyValue("rotationEvent", name);
			this.message = new StringBuilder(name);
		}

		Event with(String key, Object value) {
			if (value != null && !"".equals(value)) {
				this.builder.addKeyValue(key, value);
				this.message.append(' ').append(key).append('=').append(value);
			}
			return this;
		}

		void log() {
			this.builder.log(this.message.toString());
		}

	}

}
