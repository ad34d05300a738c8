package io.github.genesysrotator.sandbox.vault;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.genesysrotator.sandbox.vault.AuthRoles.AppRole;
import io.github.genesysrotator.sandbox.vault.AuthRoles.KubernetesRole;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process HashiCorp Vault that speaks the HTTP API subset Spring Vault uses: KV v2
 * with Vault's exact CAS, versioning and error semantics, health, tokens with path
 * policies, Kubernetes/AppRole login, sealed mode, fault injection and a request log.
 * Kept honest by the conformance tests that also run against a real Vault container.
 *
 * <pre>
 * try (VaultSimulator vault = VaultSimulator.builder().build().start()) {
 *     vault.uri(); // http://127.0.0.1:&lt;port&gt;
 * }
 * </pre>
 */
public final class VaultSimulator implements AutoCloseable {

	/** The sandbox's root token unless configured otherwise. */
	public static final String DEFAULT_ROOT_TOKEN = "sandbox-root";

	private final Options options;

	private final ServerState state = new ServerState();

	private final Map<String, KvMount> mounts = new LinkedHashMap<>();

	private final Map<String, VaultPolicy> policies = new ConcurrentHashMap<>();

	private final AuthRoles roles = new AuthRoles();

	private final TokenStore tokens;

	private final FaultInjector faults = new FaultInjector();

	private final RequestLog requests = new RequestLog();

	private final VaultHttpServer server;

	private VaultSimulator(Options options) {
		this.options = options;
		this.tokens = new TokenStore(options.clock, options.rootToken);
		options.kvMounts.forEach((mount) -> this.mounts.put(mount, new KvMount(mount + "/", options.clock)));
		VaultRouter router = new VaultRouter(this.state, new HealthEndpoint(options.clock, this.state), this.tokens,
				this.mounts, this.policies, new AuthRoutes(this.tokens, this.roles, options.clock));
		this.server = new VaultHttpServer(router, this.faults, this.requests, new AdminRoutes(this)::handle);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Bind the port and start answering. */
	public VaultSimulator start() {
		this.server.start(this.options.port);
		return this;
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/** Base address without {@code /v1}, e.g. {@code http://127.0.0.1:8200}. */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + port());
	}

	public int port() {
		return this.server.port();
	}

	public String rootToken() {
		return this.options.rootToken;
	}

	// ---- tokens and policies

	/**
	 * Define or replace a policy from HCL or JSON policy text (see
	 * {@link VaultPolicy#parse}).
	 */
	public VaultSimulator putPolicy(String name, String rules) {
		this.policies.put(name, VaultPolicy.parse(name, rules));
		return this;
	}

	/** A non-expiring, non-renewable token with these policies. */
	public String createToken(String... policies) {
		return createToken(List.of(policies), Duration.ZERO, false).id();
	}

	/** A token with a TTL (zero for none) that renew-self may extend when renewable. */
	public SimToken createToken(List<String> policies, Duration ttl, boolean renewable) {
		return this.tokens.create(policies, ttl, renewable, "auth/token/create", Map.of());
	}

	/** Whether the token exists and has not expired on the simulator's clock. */
	public boolean isTokenValid(String token) {
		return this.tokens.find(token) != null;
	}

	/**
	 * Let {@code auth/kubernetes/login} accept this role; no JWTs means any non-empty
	 * JWT.
	 */
	public VaultSimulator kubernetesRole(String role, List<String> policies, Duration ttl, String... acceptedJwts) {
		this.roles.kubernetes.put(role, new KubernetesRole(role, Set.of(acceptedJwts), List.copyOf(policies), ttl));
		return this;
	}

	/** Let {@code auth/approle/login} accept this role_id/secret_id pair. */
	public VaultSimulator appRole(String roleId, String secretId, List<String> policies, Duration ttl) {
		this.roles.appRoles.put(roleId, new AppRole(roleId, secretId, List.copyOf(policies), ttl));
		return this;
	}

	// ---- server state

	/** Every endpoint but sys/health answers 503 "Vault is sealed". */
	public void seal() {
		this.state.sealed = true;
	}

	public void unseal() {
		this.state.sealed = false;
	}

	/** Health answers 429 (standby) unless {@code standbyok}. */
	public void standby(boolean standby) {
		this.state.standby = standby;
	}

	/** Health answers 501 and everything else behaves as sealed. */
	public void initialized(boolean initialized) {
		this.state.initialized = initialized;
	}

	/** Mount-level KV settings (the {@code <mount>/config} endpoint). */
	public void configureMount(String mount, int maxVersions, boolean casRequired, Duration deleteVersionAfter) {
		mount(mount).configure(maxVersions, casRequired, deleteVersionAfter);
	}

	// ---- faults and observation

	public FaultInjector faults() {
		return this.faults;
	}

	public RequestLog requests() {
		return this.requests;
	}

	/**
	 * Back to a fresh start: KV data and mount config, issued tokens (except root),
	 * faults, request log and seal state. Policies and login roles are kept because they
	 * are configuration, not state.
	 */
	public void reset() {
		this.mounts.values().forEach(KvMount::clear);
		this.tokens.reset();
		this.faults.clear();
		this.requests.clear();
		this.state.reset();
	}

	// ---- seeding

	/** Write a KV v2 secret directly (no HTTP), with custom metadata when not empty. */
	public int seed(String mount, String path, Map<String, ?> data, Map<String, String> customMetadata) {
		KvMount kv = mount(mount);
		ObjectNode body = Envelopes.object();
		body.set("data", Envelopes.MAPPER.valueToTree(data));
		SimResponse written = kv.writeData(path, body);
		if (!customMetadata.isEmpty()) {
			ObjectNode metadata = Envelopes.object();
			metadata.set("custom_metadata", Envelopes.MAPPER.valueToTree(customMetadata));
			kv.patchMetadata(path, metadata);
		}
		return written.body().path("data").path("version").asInt();
	}

	Clock clock() {
		return this.options.clock;
	}

	private KvMount mount(String mount) {
		KvMount kv = this.mounts.get(mount);
		if (kv == null) {
			throw new IllegalArgumentException("No KV v2 mount '" + mount + "'; mounts are " + this.mounts.keySet());
		}
		return kv;
	}

	/** Immutable start-up options. */
	private record Options(int port, String rootToken, List<String> kvMounts, Clock clock) {
	}

	/** Builder for {@link VaultSimulator}. */
	public static final class Builder {

		private int port;

		private String rootToken = DEFAULT_ROOT_TOKEN;

		private final List<String> kvMounts = new ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/** The port, 0 (default) for a random free one; the sandbox uses 8200. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		public Builder rootToken(String rootToken) {
			this.rootToken = rootToken;
			return this;
		}

		/**
		 * KV v2 mounts by path without slashes; default is the single mount
		 * {@code secret}.
		 */
		public Builder kvMounts(String... mounts) {
			this.kvMounts.clear();
			this.kvMounts.addAll(List.of(mounts));
			return this;
		}

		/**
		 * The clock for timestamps, token TTLs and delete_version_after; tests advance
		 * it.
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		public VaultSimulator build() {
			List<String> mounts = this.kvMounts.isEmpty() ? List.of("secret") : List.copyOf(this.kvMounts);
			return new VaultSimulator(new Options(this.port, this.rootToken, mounts, this.clock));
		}

	}

}
