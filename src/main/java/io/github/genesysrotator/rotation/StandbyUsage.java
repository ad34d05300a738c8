package io.github.genesysrotator.rotation;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The retirement guard's answer for one client: does a consumer still call the API with
 * it, judged by the latest complete UTC day since it was demoted that Genesys has
 * published? Never "not in use" without Genesys data to say so.
 *
 * @param answer in use, not in use, or unknown
 * @param clientId the client asked about
 * @param demotedOn the UTC day the client stopped being the published one
 * @param checkedOn the UTC day the answer was obtained: it is reused until the next day
 * @param lastUsedOn the last complete day after the demotion with calls, or {@code null}
 * @param reason unknown: why there is no answer; otherwise {@code null}
 */
public record StandbyUsage(Answer answer, String clientId, @Nullable LocalDate demotedOn, @Nullable LocalDate checkedOn,
		@Nullable LocalDate lastUsedOn, @Nullable String reason) {

	/** The gauge value of {@code rotator_standby_in_use}: 1, 0 or -1. */
	public int gaugeValue() {
		return switch (this.answer) {
			case IN_USE -> 1;
			case NOT_IN_USE -> 0;
			case UNKNOWN -> -1;
		};
	}

	/** Whether this answer may stand in for a new query of the same demotion today. */
	boolean answers(String client, LocalDate demoted, LocalDate today) {
		return client.equals(this.clientId) && demoted.equals(this.demotedOn) && today.equals(this.checkedOn);
	}

	/** The three answers. */
	public enum Answer {

		/** Calls on the latest published complete day after the demotion. */
		IN_USE,
		/**
		 * The latest complete day since the demotion that Genesys has published shows no
		 * calls of the client.
		 */
		NOT_IN_USE,
		/**
		 * No complete day yet, none published yet, or no data (the usage API failed,
		 * timed out or refused).
		 */
		UNKNOWN;

		public String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		public static Answer of(String label) {
			return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
		}

	}

}
