package io.github.genesysrotator.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.genesysrotator.GenesysSecretRotatorApplication;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulator;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import io.github.genesysrotator.sandbox.genesys.GrantType;
import io.github.genesysrotator.sandbox.genesys.IntegrationPermission;
import io.github.genesysrotator.sandbox.genesys.OAuthPermission;
import io.github.genesysrotator.sandbox.genesys.OrgHandle;
import io.github.genesysrotator.sandbox.genesys.RoleDivision;
import io.github.genesysrotator.sandbox.genesys.SeededClient;
import io.github.genesysrotator.sandbox.vault.VaultSeeding;
import io.github.genesysrotator.sandbox.vault.VaultSimulator;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The demo world: a Genesys Cloud simulator with one org (an admin client, a dual pair, a
 * single client, and a second dual pair behind a Data Actions integration's credential,
 * with one data action and a flow client that runs it, all with fixed ids) and a Vault
 * holding the admin credential and the two consumer paths, adopted as managed. Used by
 * the integration tests, by {@code ./mvnw spring-boot:test-run} and by the compose file's
 * simulator image.
 */
public final class Sandbox implements AutoCloseable {

	public static final String ORG = "demo";

	public static final String ADMIN_ID = "00000000-0000-4000-8000-0000000000ad";

	public static final String DUAL_A_ID = "00000000-0000-4000-8000-0000000000a1";

	public static final String DUAL_B_ID = "00000000-0000-4000-8000-0000000000b1";

	public static final String SINGLE_ID = "00000000-0000-4000-8000-0000000000c1";

	public static final String DATA_ACTIONS_A_ID = "00000000-0000-4000-8000-0000000000a2";

	public static final String DATA_ACTIONS_B_ID = "00000000-0000-4000-8000-0000000000b2";

	/** A client that runs the demo action, as an Architect flow would. */
	public static final String FLOW_ID = "00000000-0000-4000-8000-0000000000f1";

	/** The integration credential of the demo Data Actions integration. */
	public static final String INTEGRATION_CREDENTIAL_ID = "00000000-0000-4000-8000-00000000ce01";

	public static final String INTEGRATION_ID = "00000000-0000-4000-8000-00000000da01";

	public static final String ACTION_ID = "custom_-_00000000-0000-4000-8000-00000000ac01";

	public static final String DUAL = "demo-dual";

	/** The dual credential that publishes to the integration credential only. */
	public static final String DATA_ACTIONS = "demo-data-actions";

	public static final String SINGLE = "demo-single";

	public static final String ADMIN_PATH = "genesys/rotator-admin";

	public static final String DUAL_PATH = "genesys/demo-dual";

	public static final String SINGLE_PATH = "genesys/demo-single";

	/** The demo API bearer token (read and rotate). */
	public static final String API_TOKEN = "sandbox-token";

	private final GenesysSimulator genesys;

	private final VaultSimulator vault;

	private final URI vaultUri;

	private final String vaultToken;

	private final OrgHandle org;

	/** The admin client's seeded role: tests that take a permission away get it back. */
	private String adminRole;

	private Sandbox(GenesysSimulator genesys, VaultSimulator vault, URI vaultUri, String vaultToken) {
		this.genesys = genesys;
		this.vault = vault;
		this.vaultUri = vaultUri;
		this.vaultToken = vaultToken;
		this.org = genesys.createOrg(ORG);
		seed();
	}

	/** Both simulators on the given ports (0: random). */
	public static Sandbox start(int genesysPort, int vaultPort, GenesysSimulatorOptions.Builder genesysOptions) {
		GenesysSimulator genesys = GenesysSimulator.start(genesysOptions.port(genesysPort).build());
		VaultSimulator vault = VaultSimulator.builder().port(vaultPort).build().start();
		return new Sandbox(genesys, vault, vault.uri(), vault.rootToken());
	}

	/** Random ports, default simulator switches. */
	public static Sandbox start() {
		return start(0, 0, GenesysSimulatorOptions.builder());
	}

	/** The Genesys simulator only, seeding an external Vault (the compose file's). */
	public static Sandbox startWithExternalVault(int genesysPort, URI vaultUri, String vaultToken) {
		GenesysSimulator genesys = GenesysSimulator.start(GenesysSimulatorOptions.builder().port(genesysPort).build());
		return new Sandbox(genesys, null, vaultUri, vaultToken);
	}

	private void seed() {
		this.adminRole = this.org.createRole(
				List.of(OAuthPermission.VIEW.value(), OAuthPermission.EDIT.value(), OAuthPermission.USAGE_VIEW.value(),
						IntegrationPermission.VIEW.value(), IntegrationPermission.EDIT.value()));
		String consumer = this.org.createRole(List.of("conversation:call:view"));
		SeededClient adminClient = this.org.createClientWithId(ADMIN_ID, "rotator-admin", GrantType.CLIENT_CREDENTIALS,
				this.adminRole);
		SeededClient dualA = this.org.createClientWithId(DUAL_A_ID, "billing-bot-a", GrantType.CLIENT_CREDENTIALS,
				consumer);
		this.org.createClientWithId(DUAL_B_ID, "billing-bot-b", GrantType.CLIENT_CREDENTIALS, consumer);
		SeededClient single = this.org.createClientWithId(SINGLE_ID, "reporting-job", GrantType.CLIENT_CREDENTIALS,
				consumer);
		seedDataActions(consumer);
		putSecret(ADMIN_PATH, adminClient, Map.of());
		Map<String, String> managed = Map.of("managed-by", "genesys-secret-rotator");
		putSecret(DUAL_PATH, dualA, managed);
		putSecret(SINGLE_PATH, single, managed);
	}

	/**
	 * A second client pair for a Data Actions integration whose credential holds client
	 * A, one data action, and a flow client allowed to execute it.
	 */
	private void seedDataActions(String consumerRole) {
		SeededClient a = this.org.createClientWithId(DATA_ACTIONS_A_ID, "data-actions-a", GrantType.CLIENT_CREDENTIALS,
				consumerRole);
		this.org.createClientWithId(DATA_ACTIONS_B_ID, "data-actions-b", GrantType.CLIENT_CREDENTIALS, consumerRole);
		this.org.createClientWithId(FLOW_ID, "demo-flow", GrantType.CLIENT_CREDENTIALS, this.org.createRole(
				List.of(IntegrationPermission.ACTION_VIEW.value(), IntegrationPermission.ACTION_EXECUTE.value())));
		this.org.createIntegrationCredential(INTEGRATION_CREDENTIAL_ID, "Demo data actions", a.id(), a.secret());
		this.org.createDataActionsIntegration(INTEGRATION_ID, "Demo web services", INTEGRATION_CREDENTIAL_ID);
		this.org.createDataAction(ACTION_ID, "Look up the caller", INTEGRATION_ID);
	}

	/**
	 * Back to the seeded world between tests: no faults, an empty Vault holding the
	 * current secrets (client A active for the dual pair), no state records, the admin
	 * client's seeded role.
	 */
	public void reset() {
		this.genesys.reset();
		this.org.setRoleDivisions(ADMIN_ID, List.of(new RoleDivision(this.adminRole, this.org.homeDivisionId())));
		this.vault.reset();
		Map<String, String> managed = Map.of("managed-by", "genesys-secret-rotator");
		putSecret(ADMIN_PATH, ADMIN_ID, this.genesys.currentSecret(ADMIN_ID).orElseThrow(), Map.of());
		putSecret(DUAL_PATH, DUAL_A_ID, this.genesys.currentSecret(DUAL_A_ID).orElseThrow(), managed);
		putSecret(SINGLE_PATH, SINGLE_ID, this.genesys.currentSecret(SINGLE_ID).orElseThrow(), managed);
		this.org.setIntegrationCredential(INTEGRATION_CREDENTIAL_ID, DATA_ACTIONS_A_ID,
				this.genesys.currentSecret(DATA_ACTIONS_A_ID).orElseThrow());
	}

	private void putSecret(String path, SeededClient client, Map<String, String> customMetadata) {
		putSecret(path, client.id(), client.secret(), customMetadata);
	}

	private void putSecret(String path, String clientId, String secret, Map<String, String> customMetadata) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("client_id", clientId);
		data.put("client_secret", secret);
		VaultSeeding.putSecret(this.vaultUri, this.vaultToken, "secret", path, data, customMetadata);
	}

	public GenesysSimulator genesys() {
		return this.genesys;
	}

	/** The Vault simulator, or {@code null} when seeding an external Vault. */
	public VaultSimulator vault() {
		return this.vault;
	}

	public URI vaultUri() {
		return this.vaultUri;
	}

	public String vaultToken() {
		return this.vaultToken;
	}

	public OrgHandle org() {
		return this.org;
	}

	/**
	 * The service's configuration for this sandbox: the demo org and both credentials,
	 * Vault token auth, and the demo API token.
	 */
	public Map<String, Object> serviceProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.cloud.vault.uri", this.vaultUri.toString());
		properties.put("spring.cloud.vault.token", this.vaultToken);
		properties.put("rotator.orgs." + ORG + ".region", "us_east_1");
		properties.put("rotator.orgs." + ORG + ".api-base-url", this.genesys.baseUrl());
		properties.put("rotator.orgs." + ORG + ".login-base-url", this.genesys.baseUrl());
		properties.put("rotator.orgs." + ORG + ".admin-vault-path", ADMIN_PATH);
		credential(properties, DUAL, "dual", DUAL_PATH, DUAL_A_ID + "," + DUAL_B_ID);
		credential(properties, SINGLE, "single", SINGLE_PATH, SINGLE_ID);
		credential(properties, DATA_ACTIONS, "dual", null, DATA_ACTIONS_A_ID + "," + DATA_ACTIONS_B_ID);
		properties.put("rotator.credentials." + DATA_ACTIONS + ".integration-credentials", INTEGRATION_CREDENTIAL_ID);
		properties.put("rotator.api.min-interval", "30s");
		// A demo's refusal by the retirement guard within seconds rather than minutes.
		properties.put("rotator.rotation.usage-poll-interval", "2s");
		properties.put("rotator.security.api-tokens[0].name", "sandbox");
		properties.put("rotator.security.api-tokens[0].sha256", sha256(API_TOKEN));
		properties.put("rotator.security.api-tokens[0].roles", "read,rotate");
		return properties;
	}

	/**
	 * The service on this sandbox as {@code ./mvnw spring-boot:test-run} starts it:
	 * {@link #serviceProperties()} are defaults that whatever the user sets outside the
	 * configuration files overrides (command-line arguments, {@code -D} system
	 * properties, environment variables), while they override {@code application.yml}
	 * (whose Vault address is {@code VAULT_ADDR} or port 8200). As command-line arguments
	 * of their own they would be joined with the user's
	 * ({@code '1m,5s' is not a valid duration}).
	 */
	public SpringApplicationBuilder serviceApplication() {
		MapPropertySource defaults = new MapPropertySource("sandbox", serviceProperties());
		ApplicationListener<ApplicationEnvironmentPreparedEvent> belowUserSettings = (event) -> event.getEnvironment()
			.getPropertySources()
			.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, defaults);
		return application().listeners(belowUserSettings);
	}

	/**
	 * {@link #serviceProperties()} followed by {@code extra}, as command-line arguments
	 * for a {@code SpringApplication} run: as default properties they would lose to
	 * {@code application.yml} (whose Vault address is {@code VAULT_ADDR} or port 8200).
	 */
	public String[] serviceArguments(Map<String, Object> overrides, String... extra) {
		Map<String, Object> properties = new LinkedHashMap<>(serviceProperties());
		properties.putAll(overrides);
		Stream<String> sandbox = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue());
		return Stream.concat(sandbox, Stream.of(extra)).toArray(String[]::new);
	}

	private static void credential(Map<String, Object> properties, String name, String strategy, String path,
			String clientIds) {
		String prefix = "rotator.credentials." + name + ".";
		properties.put(prefix + "org", ORG);
		properties.put(prefix + "strategy", strategy);
		properties.put(prefix + "client-ids", clientIds);
		if (path != null) {
			properties.put(prefix + "vault-path", path);
		}
		properties.put(prefix + "rotation-interval", "1h");
		properties.put(prefix + "grace-period", "1m");
	}

	static String sha256(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The service as a plain application rather than a test context. Component scanning
	 * would pick up test-only configuration from the test classpath (a test's movable
	 * clock, its crash switch): the same filter a test context uses leaves it out.
	 */
	public static SpringApplicationBuilder application(Class<?>... extraSources) {
		Class<?>[] sources = new Class<?>[extraSources.length + 1];
		sources[0] = GenesysSecretRotatorApplication.class;
		System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
		return new SpringApplicationBuilder(sources).initializers((context) -> context.getBeanFactory()
			.registerSingleton("testClassesExcludeFilter", new TestClassesExcludeFilter()));
	}

	@Override
	public void close() {
		this.genesys.close();
		if (this.vault != null) {
			this.vault.close();
		}
	}

}
