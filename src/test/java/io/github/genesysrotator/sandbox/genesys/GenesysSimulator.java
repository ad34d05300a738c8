package io.github.genesysrotator.sandbox.genesys;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * An in-memory Genesys Cloud over real HTTP: {@code POST /oauth/token},
 * {@code /api/v2/oauth/clients/**} and {@code /api/v2/integrations/**} (integration
 * credentials, Data Actions integrations, their actions) on one port (use
 * {@link #baseUrl()} as both the login and the API base URL), plus an admin API under
 * {@code /__sim/} for demos and benchmarks.
 *
 * <pre>{@code
 * try (GenesysSimulator sim = GenesysSimulator.start(GenesysSimulatorOptions.defaults())) {
 *     OrgHandle acme = sim.createOrg("acme");
 *     SeededClient rotator = acme.createClientWithPermissions("rotator", OAuthPermission.VIEW, OAuthPermission.EDIT);
 *     SeededClient target = acme.createClient("consumer", GrantType.CLIENT_CREDENTIALS);
 *     // point the rotator at sim.baseUrl() with rotator.id() / rotator.secret()
 * }
 * }</pre>
 *
 * <h2>Switches for unconfirmed behaviour</h2>
 * <table>
 * <caption>Defaults</caption>
 * <tr>
 * <th>Option</th>
 * <th>Default</th>
 * <th>Meaning</th>
 * </tr>
 * <tr>
 * <td>tokensSurviveRegeneration</td>
 * <td>true</td>
 * <td>tokens issued before a regeneration work until they expire; false revokes them (401
 * bad.credentials)</td>
 * </tr>
 * <tr>
 * <td>secretPropagationDelay</td>
 * <td>0</td>
 * <td>a secret issued by the API (create or regenerate) is rejected with 400
 * invalid_client for this long; seeded secrets work at once</td>
 * </tr>
 * <tr>
 * <td>oldSecretGrace</td>
 * <td>0</td>
 * <td>the previous secret (only the latest previous one) still mints tokens this long
 * after a regeneration</td>
 * </tr>
 * <tr>
 * <td>formCredentialsAccepted</td>
 * <td>true</td>
 * <td>client_id/client_secret form fields work when there is no Basic header</td>
 * </tr>
 * <tr>
 * <td>secretAbsence</td>
 * <td>OMITTED</td>
 * <td>how GET, PUT and list leave out secret</td>
 * </tr>
 * <tr>
 * <td>rateLimitPerMinute / timeScale</td>
 * <td>300 / 1</td>
 * <td>fixed window per access token; timeScale 60 makes the window one second</td>
 * </tr>
 * <tr>
 * <td>tokenGrantsPerWindow</td>
 * <td>0 (off)</td>
 * <td>grants per organization per rate-limit window on /oauth/token; over it 400
 * invalid_request "rate limit exceeded; ..." without Retry-After (the status, error and
 * the description's start are documented; the rest of the text is not)</td>
 * </tr>
 * <tr>
 * <td>integrationClientIdRedacted</td>
 * <td>false</td>
 * <td>GET of an integration credential leaves out clientId as well as clientSecret</td>
 * </tr>
 * <tr>
 * <td>integrationCredentialPutMerges</td>
 * <td>false</td>
 * <td>PUT of an integration credential keeps fields the body omits; false drops them (a
 * full replace, the case that punishes a partial body)</td>
 * </tr>
 * <tr>
 * <td>dataActionsCacheToken</td>
 * <td>true</td>
 * <td>a Data Actions integration keeps its access token until a call with it fails (then
 * grants a new one and retries once); false grants one per execution</td>
 * </tr>
 * <tr>
 * <td>integrationCredentialUpdateDelay</td>
 * <td>0</td>
 * <td>how long an integration credential's update takes to reach its integrations</td>
 * </tr>
 * </table>
 *
 * <h2>Modelling choices</h2>
 * <ul>
 * <li>Order of checks on the API: bearer token (401), rate limit (429), permission (403),
 * client in the caller's org (404), validation (400).</li>
 * <li>Injected faults act in front of the service: they consume no rate-limit budget and
 * carry no {@code inin-ratelimit-*} headers. Latency is added before processing.</li>
 * <li>A request with the header {@value #OBSERVER_HEADER} (a test's consumer probe)
 * passes the fault rules untouched, so a fault aimed at the rotator's call is not spent
 * on the probe's token requests for the same client. The global latency still
 * applies.</li>
 * <li>Usage ({@link UsageReports}): every {@code /api/v2} request that reached the
 * service is counted per UTC day for the client whose token made it; the usage jobs API
 * reports complete, published days only.</li>
 * <li>DELETE answers 204 (real code unconfirmed) and needs state {@code inactive}.</li>
 * <li>{@code disabled} revokes the client's tokens for good; {@code inactive} only stops
 * new tokens.</li>
 * </ul>
 */
public final class GenesysSimulator implements AutoCloseable {

	/** Marks a request of a test's observer, which injected faults leave alone. */
	public static final String OBSERVER_HEADER = "X-Sim-Observer";

	private static final byte[] NO_BODY = new byte[0];

	private final GenesysSimulatorOptions options;

	private final SimulatorObservations observations = new SimulatorObservations();

	private final FaultInjector faults = new FaultInjector();

	private final SimulatorState state;

	private final RateLimiter apiRateLimiter;

	private final RateLimiter tokenRateLimiter;

	private final TokenEndpoint tokenEndpoint;

	private final OAuthClientsApi clientsApi;

	private final UsageReports usage;

	private final UsageApi usageApi;

	private final IntegrationsApi integrationsApi;

	private final AdminApi adminApi;

	private final Map<String, OrgHandle> orgs = new ConcurrentHashMap<>();

	private final Set<Connection> hungConnections = ConcurrentHashMap.newKeySet();

	/**
	 * Event loops of its own: the service under test disposes Reactor Netty's global ones
	 * when its context closes, which would take the simulator down with it.
	 */
	private final LoopResources loops = LoopResources.create("genesys-simulator", 2, true);

	private final DisposableServer server;

	private GenesysSimulator(GenesysSimulatorOptions options) {
		this.options = options;
		this.state = new SimulatorState(options, this.observations);
		this.apiRateLimiter = new RateLimiter(options.rateLimitPerMinute(), options.rateLimitWindow());
		this.tokenRateLimiter = new RateLimiter(options.tokenGrantsPerWindow(), options.rateLimitWindow());
		this.tokenEndpoint = new TokenEndpoint(this.state, this.observations, options, this.tokenRateLimiter);
		this.clientsApi = new OAuthClientsApi(this.state, this.apiRateLimiter, options.secretAbsence());
		this.usage = new UsageReports(options.clock());
		this.usageApi = new UsageApi(this.state, this.apiRateLimiter, this.usage);
		this.integrationsApi = new IntegrationsApi(this.state, this.apiRateLimiter, options, this.usage);
		this.adminApi = new AdminApi(this);
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(options.port())
			.handle(this::handle)
			.bindNow(Duration.ofSeconds(10));
	}

	/** Starts a simulator with default options on a random port. */
	public static GenesysSimulator start() {
		return start(GenesysSimulatorOptions.defaults());
	}

	public static GenesysSimulator start(GenesysSimulatorOptions options) {
		return new GenesysSimulator(options);
	}

	public int port() {
		return this.server.port();
	}

	/** For example {@code http://127.0.0.1:8300}; both login and API base URL. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	public GenesysSimulatorOptions options() {
		return this.options;
	}

	public OrgHandle createOrg(String name) {
		OrgHandle org = new OrgHandle(this.state, this.state.createOrg(name));
		this.orgs.put(org.id(), org);
		return org;
	}

	/** An organization created earlier, by id. */
	public Optional<OrgHandle> org(String orgId) {
		return Optional.ofNullable(this.orgs.get(orgId));
	}

	public FaultInjector faults() {
		return this.faults;
	}

	public SimulatorObservations observations() {
		return this.observations;
	}

	/** API usage per client and day, the usage jobs API's switches and job count. */
	public UsageReports usage() {
		return this.usage;
	}

	/** The secret that currently mints tokens for a client. For tests only. */
	public Optional<String> currentSecret(String clientId) {
		return this.state.currentSecret(clientId);
	}

	/**
	 * The fields an integration credential stores now, secret included. For tests only.
	 */
	public Optional<Map<String, String>> integrationCredentialFields(String credentialId) {
		synchronized (this.state) {
			return this.state.integrations().storedFields(credentialId);
		}
	}

	/**
	 * Clears faults, global latency, observations (except issued secrets) and rate-limit
	 * windows; keeps orgs, clients and tokens.
	 */
	public void reset() {
		this.faults.clear();
		this.observations.reset();
		this.apiRateLimiter.reset();
		this.tokenRateLimiter.reset();
	}

	@Override
	public void close() {
		this.hungConnections.forEach(Connection::dispose);
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater().block(Duration.ofSeconds(5));
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asByteArray()
			.defaultIfEmpty(NO_BODY)
			.flatMap((body) -> dispatch(toSimRequest(request, body), response));
	}

	private Mono<Void> dispatch(SimRequest request, HttpServerResponse response) {
		if (request.path().startsWith(AdminApi.PREFIX)) {
			return send(response, request, this.adminApi.handle(request));
		}
		Optional<ApiRoute> route = ApiRoute.classify(request.method(), request.path());
		if (route.isEmpty()) {
			return send(response, request, ApiErrors.notFound(request));
		}
		String clientId = (route.get().operation() == Operation.TOKEN) ? TokenEndpoint.presentedClientId(request)
				: route.get().pathClientId();
		FaultRule fault = (request.header(OBSERVER_HEADER) != null) ? null
				: this.faults.take(route.get().operation(), clientId).orElse(null);
		Duration delay = this.faults.globalLatency();
		if (fault != null && fault.type() == FaultType.LATENCY) {
			delay = delay.plus(fault.latency());
		}
		Mono<Void> exchange = Mono.defer(() -> exchange(request, route.get(), clientId, fault, response));
		return delay.isZero() ? exchange : Mono.delay(delay).then(exchange);
	}

	private Mono<Void> exchange(SimRequest request, ApiRoute route, String clientId, FaultRule fault,
			HttpServerResponse response) {
		FaultType type = (fault != null) ? fault.type() : null;
		if (type == null || type == FaultType.LATENCY) {
			return answer(response, request, route, clientId, type, process(request, route));
		}
		return switch (type) {
			case STATUS ->
				answer(response, request, route, clientId, type, ApiErrors.injectedStatus(request, fault.status()));
			case TOO_MANY_REQUESTS -> answer(response, request, route, clientId, type,
					ApiErrors.tooManyRequests(request, fault.retryAfterSeconds()));
			case CONNECTION_RESET -> {
				log(request, route, clientId, 0, type);
				yield reset(response);
			}
			case TIMEOUT -> {
				log(request, route, clientId, 0, type);
				yield hang(response);
			}
			case APPLY_THEN_DROP -> {
				process(request, route);
				log(request, route, clientId, 0, type);
				yield reset(response);
			}
			case HTML_PAGE -> malformed(response, request, route, clientId, type, MalformedResponses.htmlPage());
			case HUGE_BODY ->
				malformed(response, request, route, clientId, type, MalformedResponses.hugeBody(fault.bodyBytes()));
			case TRUNCATED_JSON -> malformed(response, request, route, clientId, type,
					MalformedResponses.truncated(process(request, route)));
			case EXTRA_FIELDS -> malformed(response, request, route, clientId, type,
					MalformedResponses.withExtraFields(process(request, route)));
			case OMIT_FIELD -> malformed(response, request, route, clientId, type,
					MalformedResponses.withoutField(process(request, route), fault.detail()));
			case CONTENT_TYPE -> malformed(response, request, route, clientId, type,
					MalformedResponses.relabelled(process(request, route), fault.detail()));
			default -> throw new IllegalStateException("Unhandled fault " + type);
		};
	}

	private Mono<Void> malformed(HttpServerResponse response, SimRequest request, ApiRoute route, String clientId,
			FaultType fault, MalformedResponses.Malformed malformed) {
		log(request, route, clientId, malformed.status(), fault);
		response.status(malformed.status());
		response.header("ININ-Correlation-Id", request.correlationId());
		response.header("Content-Type", malformed.contentType());
		return response.sendByteArray(Mono.just(malformed.body())).then();
	}

	private SimResponse process(SimRequest request, ApiRoute route) {
		if (route.operation() == Operation.TOKEN) {
			return this.tokenEndpoint.handle(request);
		}
		if (route.operation().usage()) {
			return this.usageApi.handle(request, route);
		}
		return route.operation().integrations() ? this.integrationsApi.handle(request, route)
				: this.clientsApi.handle(request, route);
	}

	private Mono<Void> answer(HttpServerResponse response, SimRequest request, ApiRoute route, String clientId,
			FaultType fault, SimResponse simResponse) {
		log(request, route, clientId, simResponse.status(), fault);
		countUsage(request, route, fault, simResponse.status());
		return send(response, request, simResponse);
	}

	/**
	 * Every {@code /api/v2} request that reached the service is counted for the client
	 * whose token made it; the token endpoint and injected faults are not.
	 */
	private void countUsage(SimRequest request, ApiRoute route, FaultType fault, int status) {
		if (route.operation() == Operation.TOKEN || (fault != null && fault != FaultType.LATENCY) || status == 401) {
			return;
		}
		OAuthClientsApi.bearerToken(request)
			.flatMap(this.state::tokenOwner)
			.ifPresent((owner) -> this.usage.count(owner, status));
	}

	private void log(SimRequest request, ApiRoute route, String clientId, int status, FaultType fault) {
		this.observations.recordApiRequest(new ApiRequestRecord(route.operation(), request.method(), request.path(),
				clientId, status, fault, this.state.now()));
	}

	private static Mono<Void> send(HttpServerResponse response, SimRequest request, SimResponse simResponse) {
		response.status(simResponse.status());
		response.header("ININ-Correlation-Id", request.correlationId());
		simResponse.headers().forEach(response::header);
		if (simResponse.body() == null) {
			return response.send().then();
		}
		response.header("Content-Type", "application/json");
		return response.sendByteArray(Mono.just(SimJson.bytes(simResponse.body()))).then();
	}

	/**
	 * SO_LINGER 0 turns the close into a TCP RST, which clients see as "connection
	 * reset".
	 */
	private static Mono<Void> reset(HttpServerResponse response) {
		return Mono.create((sink) -> response.withConnection((connection) -> {
			connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
			connection.channel().close().addListener((future) -> sink.success());
		}));
	}

	/** Never answers; the connection is closed when the client gives up or on close(). */
	private Mono<Void> hang(HttpServerResponse response) {
		response.withConnection((connection) -> {
			this.hungConnections.add(connection);
			connection.onDispose(() -> this.hungConnections.remove(connection));
		});
		return Mono.never();
	}

	private static SimRequest toSimRequest(HttpServerRequest request, byte[] body) {
		Map<String, String> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((entry) -> headers.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue()));
		String uri = request.uri();
		int query = uri.indexOf('?');
		String path = (query < 0) ? uri : uri.substring(0, query);
		return new SimRequest(request.method().name(), path, headers, body, UUID.randomUUID().toString(),
				(query < 0) ? "" : uri.substring(query + 1));
	}

}
