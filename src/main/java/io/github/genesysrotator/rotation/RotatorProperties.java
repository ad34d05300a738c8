package io.github.genesysrotator.rotation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.genesys.GenesysProperties;
import io.github.genesysrotator.observability.HealthProperties;
import io.github.genesysrotator.observability.MetricsProperties;
import io.github.genesysrotator.observability.NotificationProperties;
import io.github.genesysrotator.web.ApiSecurityProperties;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The whole {@code rotator.*} configuration: orgs, credentials and the rules of rotation,
 * and, as nested parts, the settings of each capability. Bound once and strictly: a key
 * under {@code rotator.} that no component takes (a typo such as
 * {@code rotaton-interval}) stops startup with a message naming it. Each part is offered
 * to its capability as a bean by {@link RotatorPropertiesConfiguration}. Cross-property
 * rules are checked at startup by {@link RotatorConfigurationValidator}.
 *
 * @param instanceId lease holder id of this replica; random when empty
 * @param vault where the rotator keeps its state in Vault
 * @param orgs Genesys Cloud organizations by name
 * @param credentials managed credentials by name
 * @param schedule when due credentials are looked for
 * @param api rules for rotations requested over the API
 * @param rotation timings of the rotation state machine
 * @param genesys how the rotator talks to Genesys Cloud ({@code rotator.genesys.*})
 * @param health the rotator's own health indicators ({@code rotator.health.*})
 * @param metrics the state gauges ({@code rotator.metrics.*})
 * @param notifications webhooks told about rotations ({@code rotator.notifications.*})
 * @param security who may call the API ({@code rotator.security.*})
 * @param oneshot the credential one-shot mode rotates; the service runs normally when
 * empty
 * @param oneshotMode one-shot mode: {@code routine} (default) or {@code compromise}
 * @param oneshotDryRun one-shot mode: {@code true} runs acquire and preflight only
 */
@ConfigurationProperties(prefix = "rotator", ignoreUnknownFields = false)
@Validated
public record RotatorProperties(String instanceId, @DefaultValue Vault vault, Map<String, Org> orgs,
		Map<String, Credential> credentials, @DefaultValue Schedule schedule, @DefaultValue Api api,
		@DefaultValue Rotation rotation, @DefaultValue GenesysProperties genesys, @DefaultValue HealthProperties health,
		@DefaultValue MetricsProperties metrics, @DefaultValue NotificationProperties notifications,
		@Valid @DefaultValue ApiSecurityProperties security, String oneshot, String oneshotMode, String oneshotDryRun) {

	public RotatorProperties {
		orgs = (orgs != null) ? Map.copyOf(orgs) : Map.of();
		credentials = (credentials != null) ? Map.copyOf(credentials) : Map.of();
	}

	/**
	 * Vault layout.
	 *
	 * @param kvMount the KV v2 mount holding consumer paths and state records
	 * @param statePrefix path prefix of the state records inside the mount
	 */
	public record Vault(@DefaultValue("secret") String kvMount,
			@DefaultValue("genesys-rotator/state") String statePrefix) {

	}

	/**
	 * One Genesys Cloud organization.
	 *
	 * @param region SDK enum name ({@code us_east_1}) or domain ({@code mypurecloud.com})
	 * @param apiBaseUrl optional override of the API host (proxies, the sandbox)
	 * @param loginBaseUrl optional override of the login host
	 * @param adminCredential a managed credential whose client the rotator uses for this
	 * org
	 * @param adminVaultPath or: a KV path holding {@code client_id}/{@code client_secret}
	 */
	public record Org(@Nullable String region, @Nullable URI apiBaseUrl, @Nullable URI loginBaseUrl,
			@Nullable String adminCredential, @Nullable String adminVaultPath) {

	}

	/**
	 * One credential: one or two OAuth clients, published to a Vault consumer path and/or
	 * Genesys integration credentials.
	 *
	 * @param org the org the clients belong to
	 * @param strategy dual (two clients in turn) or single
	 * @param clientIds two client ids for dual, one for single
	 * @param vaultPath the consumer path inside the KV mount; optional when
	 * {@code integrationCredentials} are given
	 * @param rotationInterval rotate when the active secret is older than this
	 * @param gracePeriod dual: the minimum time a demoted client keeps its secret
	 * @param window optional cron (UTC) of allowed scheduled start times
	 * @param windowDuration how long after each window start a rotation may begin
	 * @param enabled {@code false} pauses scheduled rotation
	 * @param adopt whether the rotator may take over a path (or an integration
	 * credential) it did not create
	 * @param allowUnsafeSelfRotation allow single-strategy rotation of an admin
	 * credential
	 * @param usageCheck dual: the retirement guard, {@code enforce} when not set; not
	 * allowed on single
	 * @param integrationCredentials ids of Genesys integration credentials
	 * ({@code pureCloudOAuthClient}, same org) to publish to as well
	 */
	public record Credential(String org, @DefaultValue("dual") Strategy strategy, List<String> clientIds,
			@Nullable String vaultPath, @DefaultValue("30d") Duration rotationInterval,
			@DefaultValue("24h") Duration gracePeriod, @Nullable String window,
			@DefaultValue("2h") Duration windowDuration, @DefaultValue("true") boolean enabled, boolean adopt,
			boolean allowUnsafeSelfRotation, @Nullable UsageCheck usageCheck, List<String> integrationCredentials) {

		public Credential {
			clientIds = (clientIds != null) ? List.copyOf(clientIds) : List.of();
			integrationCredentials = (integrationCredentials != null) ? List.copyOf(integrationCredentials) : List.of();
		}

	}

	/**
	 * The scheduler.
	 *
	 * @param enabled {@code false} turns scheduled rotation off for this replica (the
	 * one-shot mode sets it); API rotations still work
	 * @param poll cron of the pass that looks for due credentials
	 * @param jitter the largest random delay before a scheduled rotation starts
	 * @param failureBackoff a credential whose rotation failed is retried by the
	 * scheduler no sooner than this after the failure
	 */
	public record Schedule(@DefaultValue("true") boolean enabled, @DefaultValue("0 */5 * * * *") String poll,
			@DefaultValue("5m") Duration jitter, @DefaultValue("1h") Duration failureBackoff) {

	}

	/**
	 * Rotations requested over the API.
	 *
	 * @param minInterval routine rotations closer than this to the last success get 429
	 */
	public record Api(@DefaultValue("10m") Duration minInterval) {

	}

	/**
	 * Timings of the state machine.
	 *
	 * @param leaseTtl how long a lease lasts without renewal
	 * @param verifyTimeout how long a new secret may take to be accepted
	 * @param verifyInterval pause between verification attempts
	 * @param commitTimeout how long a new secret is held in memory while Vault is down
	 * @param historySize how many finished rotations a state record keeps
	 * @param fenceMargin slack on top of a request's worst case that the lease must still
	 * cover when the request is sent (clock skew between replicas, scheduling delays)
	 * @param usageTimeout how long the retirement guard waits for a usage job before the
	 * answer is "unknown"
	 * @param usagePollInterval pause between polls of a usage job (Genesys asks for one
	 * to two minutes)
	 * @param usageDelay how long after the end of a UTC day Genesys may take to publish
	 * its usage: a day counts as complete only after it
	 */
	public record Rotation(@DefaultValue("2m") Duration leaseTtl, @DefaultValue("60s") Duration verifyTimeout,
			@DefaultValue("500ms") Duration verifyInterval, @DefaultValue("10m") Duration commitTimeout,
			@DefaultValue("20") int historySize, @DefaultValue("10s") Duration fenceMargin,
			@DefaultValue("5m") Duration usageTimeout, @DefaultValue("1m") Duration usagePollInterval,
			@DefaultValue("6h") Duration usageDelay) {

	}

}
