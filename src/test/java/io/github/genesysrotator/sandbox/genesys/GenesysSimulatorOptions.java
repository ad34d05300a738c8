package io.github.genesysrotator.sandbox.genesys;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a {@link GenesysSimulator}. Every switch for behaviour the fact
 * sheet marks as unconfirmed has a default that matches the most likely real behaviour;
 * see {@link GenesysSimulator} for the table.
 */
public final class GenesysSimulatorOptions {

	private final int port;

	private final Clock clock;

	private final boolean tokensSurviveRegeneration;

	private final Duration secretPropagationDelay;

	private final Duration oldSecretGrace;

	private final boolean formCredentialsAccepted;

	private final SecretAbsence secretAbsence;

	private final int rateLimitPerMinute;

	private final double timeScale;

	private final int tokenGrantsPerWindow;

	private final boolean integrationClientIdRedacted;

	private final boolean integrationCredentialPutMerges;

	private final boolean dataActionsCacheToken;

	private final Duration integrationCredentialUpdateDelay;

	private GenesysSimulatorOptions(Builder builder) {
		this.port = builder.port;
		this.clock = builder.clock;
		this.tokensSurviveRegeneration = builder.tokensSurviveRegeneration;
		this.secretPropagationDelay = builder.secretPropagationDelay;
		this.oldSecretGrace = builder.oldSecretGrace;
		this.formCredentialsAccepted = builder.formCredentialsAccepted;
		this.secretAbsence = builder.secretAbsence;
		this.rateLimitPerMinute = builder.rateLimitPerMinute;
		this.timeScale = builder.timeScale;
		this.tokenGrantsPerWindow = builder.tokenGrantsPerWindow;
		this.integrationClientIdRedacted = builder.integrationClientIdRedacted;
		this.integrationCredentialPutMerges = builder.integrationCredentialPutMerges;
		this.dataActionsCacheToken = builder.dataActionsCacheToken;
		this.integrationCredentialUpdateDelay = builder.integrationCredentialUpdateDelay;
	}

	public static GenesysSimulatorOptions defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** TCP port to bind on 127.0.0.1; 0 (default) picks a free port. */
	public int port() {
		return this.port;
	}

	/** Clock for token expiry, rate-limit windows, delays and timestamps. */
	public Clock clock() {
		return this.clock;
	}

	/** Whether tokens issued before a secret regeneration stay valid (default true). */
	public boolean tokensSurviveRegeneration() {
		return this.tokensSurviveRegeneration;
	}

	/** How long a secret issued through the API is rejected after issue (default 0). */
	public Duration secretPropagationDelay() {
		return this.secretPropagationDelay;
	}

	/**
	 * How long the previous secret still mints tokens after a regeneration (default 0).
	 */
	public Duration oldSecretGrace() {
		return this.oldSecretGrace;
	}

	/**
	 * Whether {@code client_id}/{@code client_secret} form fields work (default true).
	 */
	public boolean formCredentialsAccepted() {
		return this.formCredentialsAccepted;
	}

	/** How GET, PUT and list leave out {@code secret} (default omitted). */
	public SecretAbsence secretAbsence() {
		return this.secretAbsence;
	}

	/** API requests allowed per access token per (scaled) minute (default 300). */
	public int rateLimitPerMinute() {
		return this.rateLimitPerMinute;
	}

	/**
	 * Compresses the rate-limit minute: with 60 the window lasts one second (default 1).
	 */
	public double timeScale() {
		return this.timeScale;
	}

	/** The rate-limit window after applying {@link #timeScale()}. */
	public Duration rateLimitWindow() {
		return Duration.ofNanos((long) (Duration.ofMinutes(1).toNanos() / this.timeScale));
	}

	/**
	 * Client-credentials grants {@code /oauth/token} allows per organization per
	 * {@link #rateLimitWindow()}, apart from the API's per-token limit; 0 (default) for
	 * no limit. Over it, the login host answers 400 {@code invalid_request} "rate limit
	 * exceeded; ..." without {@code Retry-After}.
	 */
	public int tokenGrantsPerWindow() {
		return this.tokenGrantsPerWindow;
	}

	/**
	 * Whether GET of an integration credential leaves out {@code clientId} as well as the
	 * secret (default false).
	 */
	public boolean integrationClientIdRedacted() {
		return this.integrationClientIdRedacted;
	}

	/**
	 * Whether PUT of an integration credential keeps the fields its body omits (default
	 * false: a full replace drops them).
	 */
	public boolean integrationCredentialPutMerges() {
		return this.integrationCredentialPutMerges;
	}

	/**
	 * Whether a Data Actions integration keeps its access token until a call with it
	 * fails (default true); false grants one per execution.
	 */
	public boolean dataActionsCacheToken() {
		return this.dataActionsCacheToken;
	}

	/**
	 * How long an integration credential's update takes to reach its integrations
	 * (default 0).
	 */
	public Duration integrationCredentialUpdateDelay() {
		return this.integrationCredentialUpdateDelay;
	}

	/** Builder for {@link GenesysSimulatorOptions}. */
	public static final class Builder {

		private int port;

		private Clock clock = Clock.systemUTC();

		private boolean tokensSurviveRegeneration = true;

		private Duration secretPropagationDelay = Duration.ZERO;

		private Duration oldSecretGrace = Duration.ZERO;

		private boolean formCredentialsAccepted = true;

		private SecretAbsence secretAbsence = SecretAbsence.OMITTED;

		private int rateLimitPerMinute = 300;

		private double timeScale = 1.0;

		private int tokenGrantsPerWindow;

		private boolean integrationClientIdRedacted;

		private boolean integrationCredentialPutMerges;

		private boolean dataActionsCacheToken = true;

		private Duration integrationCredentialUpdateDelay = Duration.ZERO;

		private Builder() {
		}

		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port out of range: " + port);
			}
			this.port = port;
			return this;
		}

		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		public Builder tokensSurviveRegeneration(boolean survive) {
			this.tokensSurviveRegeneration = survive;
			return this;
		}

		public Builder secretPropagationDelay(Duration delay) {
			this.secretPropagationDelay = requireNotNegative(delay, "secretPropagationDelay");
			return this;
		}

		public Builder oldSecretGrace(Duration grace) {
			this.oldSecretGrace = requireNotNegative(grace, "oldSecretGrace");
			return this;
		}

		public Builder formCredentialsAccepted(boolean accepted) {
			this.formCredentialsAccepted = accepted;
			return this;
		}

		public Builder secretAbsence(SecretAbsence absence) {
			this.secretAbsence = Objects.requireNonNull(absence, "secretAbsence");
			return this;
		}

		public Builder rateLimitPerMinute(int limit) {
			if (limit < 1) {
				throw new IllegalArgumentException("rateLimitPerMinute must be positive");
			}
			this.rateLimitPerMinute = limit;
			return this;
		}

		public Builder timeScale(double scale) {
			if (!(scale > 0)) {
				throw new IllegalArgumentException("timeScale must be positive");
			}
			this.timeScale = scale;
			return this;
		}

		public Builder tokenGrantsPerWindow(int grants) {
			if (grants < 0) {
				throw new IllegalArgumentException("tokenGrantsPerWindow must not be negative");
			}
			this.tokenGrantsPerWindow = grants;
			return this;
		}

		public Builder integrationClientIdRedacted(boolean redacted) {
			this.integrationClientIdRedacted = redacted;
			return this;
		}

		public Builder integrationCredentialPutMerges(boolean merges) {
			this.integrationCredentialPutMerges = merges;
			return this;
		}

		public Builder dataActionsCacheToken(boolean cache) {
			this.dataActionsCacheToken = cache;
			return this;
		}

		public Builder integrationCredentialUpdateDelay(Duration delay) {
			this.integrationCredentialUpdateDelay = requireNotNegative(delay, "integrationCredentialUpdateDelay");
			return this;
		}

		public GenesysSimulatorOptions build() {
			return new GenesysSimulatorOptions(this);
		}

		private static Duration requireNotNegative(Duration duration, String name) {
			Objects.requireNonNull(duration, name);
			if (duration.isNegative()) {
				throw new IllegalArgumentException(name + " must not be negative");
			}
			return duration;
		}

	}

}
