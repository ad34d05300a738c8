package io.github.genesysrotator.genesys;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.genesysrotator.rotation.AdminCredentials;
import io.github.genesysrotator.rotation.AdminCredentials.ClientCredentials;
import io.github.genesysrotator.rotation.ClientSecret;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.DependencyUnavailableException;
import io.github.genesysrotator.rotation.Fence;
import io.github.genesysrotator.rotation.LeaseLostException;
import io.github.genesysrotator.rotation.OrgClient;
import io.github.genesysrotator.rotation.RequestPolicy;
import io.github.genesysrotator.rotation.GenesysOAuthClients;
import io.github.genesysrotator.rotation.GenesysOAuthClients.TokenCheck;
import io.github.genesysrotator.rotation.InvalidConfigurationException;
import io.github.genesysrotator.rotation.OAuthClientView;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.sandbox.IssuedSecrets;
import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.genesys.ClientState;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulator;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import io.github.genesysrotator.sandbox.genesys.GrantType;
import io.github.genesysrotator.sandbox.genesys.OAuthPermission;
import io.github.genesysrotator.sandbox.genesys.Operation;
import io.github.genesysrotator.sandbox.genesys.OrgHandle;
import io.github.genesysrotator.sandbox.genesys.SeededClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The Genesys Cloud adapter against the simulator over HTTP, with the production wiring.
 */
class GenesysCloudClientTests {

	private static final Fence NO_FENCE = () -> {
	};

	private GenesysSimulator simulator;

	private OrgHandle org;

	private SeededClient admin;

	private SeededClient target;

	private final AtomicInteger adminReads = new AtomicInteger();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private GenesysOAuthClients client;

	@BeforeEach
	void start() {
		this.simulator = GenesysSimulator.start(GenesysSimulatorOptions.builder().rateLimitPerMinute(1000).build());
		this.org = this.simulator.createOrg("acme");
		this.admin = this.org.createClientWithPermissions("rotator", OAuthPermission.VIEW, OAuthPermission.EDIT);
		this.target = this.org.createClient("consumer", GrantType.CLIENT_CREDENTIALS);
		this.client = client(Duration.ofSeconds(180));
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void readsAClientWithoutItsSecret() {
		OAuthClientView view = this.client.getClient("acme", this.target.id());
		assertThat(view.id()).isEqualTo(this.target.id());
		assertThat(view.usableForClientCredentials()).isTrue();
		this.org.setState(this.target.id(), ClientState.INACTIVE);
		assertThat(this.client.getClient("acme", this.target.id()).usableForClientCredentials()).isFalse();
	}

	@Test
	void regeneratedSecretIsTheOneGenesysNowAccepts() {
		ClientSecret secret = this.client.regenerateSecret("acme", this.target.id(), NO_FENCE);
		assertThat(secret.reveal()).isEqualTo(this.simulator.currentSecret(this.target.id()).orElseThrow());
		assertThat(this.client.checkToken("acme", this.target.id(), secret)).isEqualTo(TokenCheck.ACCEPTED);
		assertThat(this.client.checkToken("acme", this.target.id(), ClientSecret.of(this.target.secret())))
			.isEqualTo(TokenCheck.REJECTED);
	}

	@Test
	void adminTokenIsCachedAndReacquiredAfterA401() {
		this.client.getClient("acme", this.target.id());
		this.client.getClient("acme", this.target.id());
		assertThat(adminTokenRequests()).isEqualTo(1);
		assertThat(this.adminReads).hasValue(1);

		this.org.setState(this.admin.id(), ClientState.DISABLED);
		this.org.setState(this.admin.id(), ClientState.ACTIVE);
		this.client.getClient("acme", this.target.id());
		assertThat(adminTokenRequests()).as("401 bad.credentials re-acquires once").isEqualTo(2);
		assertThat(this.adminReads).as("and reads the admin credential again").hasValue(2);
	}

	@Test
	void adminAccessCheckListsTheOrgsClientsAndNoticesALostPermission() {
		assertThat(this.client.listClients("acme")).hasSize(2)
			.allSatisfy((client) -> assertThat(client.dateCreated()).isNotNull())
			.extracting(OrgClient::id)
			.contains(this.target.id());
		assertThat(this.simulator.observations().apiRequests())
			.anyMatch((request) -> request.operation() == Operation.LIST_CLIENTS && request.status() == 200);

		SeededClient viewless = this.org.createClientWithPermissions("no-view", OAuthPermission.EDIT);
		GenesysOAuthClients withoutView = client(Duration.ofSeconds(180), viewless);
		assertThatThrownBy(() -> withoutView.listClients("acme")).isInstanceOf(DependencyRejectedException.class)
			.hasMessageContaining("403");
	}

	@Test
	void unknownClientIsARejectionNamingTheClientAndTheCode() {
		assertThatThrownBy(() -> this.client.getClient("acme", "00000000-0000-4000-8000-000000000000"))
			.isInstanceOf(DependencyRejectedException.class)
			.hasMessageContaining("00000000-0000-4000-8000-000000000000")
			.hasMessageContaining("404");
	}

	@Test
	void rateLimitLongerThanTheCapIsGivenUpAtOnce() {
		this.client = client(Duration.ofSeconds(2));
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).tooManyRequests(3600));
		assertThatThrownBy(() -> this.client.getClient("acme", this.target.id()))
			.isInstanceOf(DependencyUnavailableException.class)
			.hasMessageContaining("rate limited");
		assertThat(getClientCalls()).isEqualTo(1);
	}

	@Test
	void aRateLimitedVerificationGrantIsTransientNotARejection() {
		MutableClock genesysTime = restartWithTokenGrantsPerWindow(1);
		ClientSecret secret = ClientSecret.of(this.target.secret());
		assertThat(this.client.checkToken("acme", this.target.id(), secret)).isEqualTo(TokenCheck.ACCEPTED);

		assertThatThrownBy(() -> this.client.checkToken("acme", this.target.id(), secret))
			.isInstanceOf(DependencyUnavailableException.class)
			.hasMessageContaining("rate limit");
		genesysTime.advance(Duration.ofMinutes(1));
		assertThat(this.client.checkToken("acme", this.target.id(), secret)).isEqualTo(TokenCheck.ACCEPTED);
	}

	@Test
	void aRateLimitedAdminTokenGrantIsRetriedUntilTheLimitLifts() {
		MutableClock genesysTime = restartWithTokenGrantsPerWindow(1);
		this.client.checkToken("acme", this.target.id(), ClientSecret.of(this.target.secret()));
		CompletableFuture<OAuthClientView> read = CompletableFuture
			.supplyAsync(() -> this.client.getClient("acme", this.target.id()));

		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (rateLimitedGrants(this.admin.id()) < 2) {
			assertThat(System.nanoTime()).as("the admin grant is retried while limited").isLessThan(deadline);
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
		}
		assertThat(read).isNotDone();
		genesysTime.advance(Duration.ofMinutes(1));

		assertThat(read.join().id()).isEqualTo(this.target.id());
		assertThat(adminTokenRequests()).isEqualTo(1);
	}

	@Test
	void serverErrorsAndResetsAreRetriedUpToTheAttemptLimit() {
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).times(1).status(503));
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).times(1).connectionReset());
		assertThat(this.client.getClient("acme", this.target.id()).id()).isEqualTo(this.target.id());

		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).status(500));
		assertThatThrownBy(() -> this.client.getClient("acme", this.target.id()))
			.isInstanceOf(DependencyUnavailableException.class)
			.hasMessageContaining("HTTP 500");
	}

	@Test
	void anUnreachableGenesysIsAnOutageThatCarriesNoRequestAndSoNoCredentials() {
		this.simulator.faults().add(FaultRule.on(Operation.TOKEN).forClient(this.target.id()).connectionReset());

		assertThatThrownBy(
				() -> this.client.checkToken("acme", this.target.id(), ClientSecret.of(this.target.secret())))
			.isInstanceOf(DependencyUnavailableException.class)
			.hasMessageContaining("unreachable")
			.hasNoCause();
	}

	@Test
	void aTokenCheckIsOneAttemptSinceItsCallerRetriesOnItsOwnClock() {
		this.simulator.faults().add(FaultRule.on(Operation.TOKEN).forClient(this.target.id()).status(503));

		assertThatThrownBy(
				() -> this.client.checkToken("acme", this.target.id(), ClientSecret.of(this.target.secret())))
			.isInstanceOf(DependencyUnavailableException.class);
		assertThat(this.registry.get("rotator.genesys.requests")
			.tags("org", "acme", "operation", "verify_token", "status", "503")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void requestsAreTimedPerOrgOperationAndStatus() {
		this.client.getClient("acme", this.target.id());
		assertThat(this.registry.get("rotator.genesys.requests")
			.tags("org", "acme", "operation", "get_client", "status", "200")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("rotator.genesys.ratelimit.remaining").tag("org", "acme").gauge().value())
			.isPositive();
	}

	@Test
	void regenerationIsSentOnceAndLeavesItsRetryToTheCaller() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).status(503));
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).tooManyRequests(130));

		assertThatThrownBy(() -> this.client.regenerateSecret("acme", this.target.id(), NO_FENCE))
			.isInstanceOfSatisfying(DependencyUnavailableException.class,
					(ex) -> assertThat(ex.retryAfter()).as("5xx names no wait").isEmpty());
		assertThatThrownBy(() -> this.client.regenerateSecret("acme", this.target.id(), NO_FENCE))
			.isInstanceOfSatisfying(DependencyUnavailableException.class,
					(ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(130)));
		assertThat(calls(Operation.REGENERATE_SECRET)).as("one request per call, none retried below").isEqualTo(2);
		assertThat(regenerations()).isZero();
	}

	@Test
	void fenceRunsRightBeforeTheRegenerationAndStopsIt() {
		this.client.listClients("acme");
		AtomicInteger fenceCalls = new AtomicInteger();
		Fence refusing = () -> {
			fenceCalls.incrementAndGet();
			throw new LeaseLostException("demo", "regenerating");
		};

		assertThatThrownBy(() -> this.client.regenerateSecret("acme", this.target.id(), refusing))
			.isInstanceOf(LeaseLostException.class);
		assertThat(fenceCalls).hasValue(1);
		assertThat(calls(Operation.REGENERATE_SECRET)).as("nothing sent past the fence").isZero();

		this.client.regenerateSecret("acme", this.target.id(), fenceCalls::incrementAndGet);
		assertThat(fenceCalls).hasValue(2);
		assertThat(regenerations()).isEqualTo(1);
	}

	@Test
	void requestPolicyIsTheConfiguredOne() {
		RequestPolicy policy = this.client.requestPolicy();
		assertThat(policy.worstCase()).isEqualTo(Duration.ofSeconds(4));
		assertThat(policy.maxAttempts()).isEqualTo(3);
		assertThat(policy.retryAfterCap()).isEqualTo(Duration.ofSeconds(180));
	}

	@Test
	void htmlPageIsARejectionThatQuotesNoneOfThePage() {
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).htmlPage());
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).htmlPage());

		assertRejectedCleanly(() -> this.client.getClient("acme", this.target.id()), "get_client");
		assertRejectedCleanly(() -> this.client.regenerateSecret("acme", this.target.id(), NO_FENCE),
				"regenerate_secret");
		assertThat(getClientCalls()).as("an answer is not retried").isEqualTo(1);
		assertThat(regenerations()).isZero();
	}

	@Test
	void htmlPageInsteadOfTheAdminTokenIsARejection() {
		this.simulator.faults().add(FaultRule.on(Operation.TOKEN).forClient(this.admin.id()).htmlPage());

		assertRejectedCleanly(() -> this.client.listClients("acme"), "token");
	}

	@Test
	void truncatedRegenerationIsARejectionAfterTheSecretChanged() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).truncatedJson());

		assertRejectedCleanly(() -> this.client.regenerateSecret("acme", this.target.id(), NO_FENCE),
				"regenerate_secret");
		assertThat(regenerations()).as("regenerated once, not retried").isEqualTo(1);
		assertThat(currentSecret()).isNotEqualTo(this.target.secret());
	}

	@Test
	void truncatedTokenAndClientAnswersAreRejections() {
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).truncatedJson());
		this.simulator.faults().add(FaultRule.on(Operation.TOKEN).forClient(this.target.id()).truncatedJson());

		assertRejectedCleanly(() -> this.client.getClient("acme", this.target.id()), "get_client");
		assertRejectedCleanly(
				() -> this.client.checkToken("acme", this.target.id(), ClientSecret.of(this.target.secret())),
				"verify_token");
	}

	@Test
	void hugeBodyIsRefusedOnceWithoutReadingIt() {
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).hugeBody(5 * 1024 * 1024));
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).hugeBody(5 * 1024 * 1024));

		assertRejectedCleanly(() -> this.client.getClient("acme", this.target.id()), "get_client");
		assertRejectedCleanly(() -> this.client.regenerateSecret("acme", this.target.id(), NO_FENCE),
				"regenerate_secret");
		assertThatThrownBy(() -> this.client.getClient("acme", this.target.id()))
			.hasMessageContaining("rotator.genesys.max-response-size")
			.hasMessageContaining("256 KB");
		assertThat(getClientCalls()).as("not retried: one request per call").isEqualTo(2);
		assertThat(calls(Operation.REGENERATE_SECRET)).isEqualTo(1);
		assertThat(this.registry.get("rotator.genesys.requests")
			.tags("operation", "get_client", "status", "too_large")
			.timer()
			.count()).isEqualTo(2);
	}

	@Test
	void bodyAtTheLimitIsReadAndJudgedOnItsContent() {
		this.simulator.faults().add(FaultRule.on(Operation.GET_CLIENT).times(1).hugeBody(256 * 1024));

		assertRejectedCleanly(() -> this.client.getClient("acme", this.target.id()), "not a JSON object");
	}

	@Test
	void extraFieldsAreIgnoredEverywhere() {
		this.simulator.faults().add(FaultRule.on(Operation.ANY).extraFields());

		this.client.listClients("acme");
		assertThat(this.client.getClient("acme", this.target.id()).usableForClientCredentials()).isTrue();
		ClientSecret secret = this.client.regenerateSecret("acme", this.target.id(), NO_FENCE);
		assertThat(secret.reveal()).isEqualTo(currentSecret());
		assertThat(this.client.checkToken("acme", this.target.id(), secret)).isEqualTo(TokenCheck.ACCEPTED);
	}

	@Test
	void adminTokenWithoutAccessTokenIsARejection() {
		this.simulator.faults().add(FaultRule.on(Operation.TOKEN).forClient(this.admin.id()).omitField("access_token"));

		assertRejectedCleanly(() -> this.client.listClients("acme"), "access_token");
		assertThat(adminTokenRequests()).as("not retried").isEqualTo(1);
	}

	@Test
	void verificationWithoutAccessTokenCountsAsNotAccepted() {
		this.simulator.faults()
			.add(FaultRule.on(Operation.TOKEN).forClient(this.target.id()).omitField("access_token"));

		assertThat(this.client.checkToken("acme", this.target.id(), ClientSecret.of(this.target.secret())))
			.isEqualTo(TokenCheck.REJECTED);
	}

	@Test
	void regenerationWithoutSecretIsARejectionAfterTheSecretChanged() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).omitField("secret"));

		assertRejectedCleanly(() -> this.client.regenerateSecret("acme", this.target.id(), NO_FENCE),
				"without a secret");
		assertThat(regenerations()).isEqualTo(1);
		assertThat(currentSecret()).isNotEqualTo(this.target.secret());
	}

	@Test
	void regeneratedSecretLabelledTextPlainIsStillRead() {
		this.simulator.faults().add(FaultRule.on(Operation.REGENERATE_SECRET).times(1).contentType("text/plain"));

		ClientSecret secret = this.client.regenerateSecret("acme", this.target.id(), NO_FENCE);

		assertThat(secret.reveal()).isEqualTo(currentSecret());
		assertThat(regenerations()).isEqualTo(1);
	}

	@Test
	void unknownRegionStopsStartupNamingTheProperty() {
		assertThatThrownBy(() -> new OrgDirectory(properties("nowhere_1")))
			.isInstanceOf(InvalidConfigurationException.class)
			.hasMessageContaining("rotator.orgs.acme.region");
	}

	private long adminTokenRequests() {
		return this.simulator.observations()
			.tokenRequests()
			.stream()
			.filter((request) -> this.admin.id().equals(request.clientId()) && request.accepted())
			.count();
	}

	private long rateLimitedGrants(String clientId) {
		return this.simulator.observations()
			.tokenRequests()
			.stream()
			.filter((request) -> clientId.equals(request.clientId()) && request.rateLimited())
			.count();
	}

	/**
	 * A new simulator whose token endpoint allows this many grants per org per minute of
	 * a clock that stands still until the test moves it (returned); the API stays
	 * unlimited.
	 */
	private MutableClock restartWithTokenGrantsPerWindow(int grants) {
		this.simulator.close();
		MutableClock genesysTime = MutableClock.startingNow();
		this.simulator = GenesysSimulator.start(GenesysSimulatorOptions.builder()
			.rateLimitPerMinute(1000)
			.tokenGrantsPerWindow(grants)
			.clock(genesysTime)
			.build());
		this.org = this.simulator.createOrg("acme");
		this.admin = this.org.createClientWithPermissions("rotator", OAuthPermission.VIEW, OAuthPermission.EDIT);
		this.target = this.org.createClient("consumer", GrantType.CLIENT_CREDENTIALS);
		this.client = client(Duration.ofSeconds(180));
		return genesysTime;
	}

	private long getClientCalls() {
		return calls(Operation.GET_CLIENT);
	}

	private long calls(Operation operation) {
		return this.simulator.observations()
			.apiRequests()
			.stream()
			.filter((request) -> request.operation() == operation)
			.count();
	}

	private int regenerations() {
		return this.simulator.observations().regenerationCount(this.target.id());
	}

	private String currentSecret() {
		return this.simulator.currentSecret(this.target.id()).orElseThrow();
	}

	/**
	 * The call fails with a rejection whose message names the operation and holds no
	 * secret.
	 */
	private static void assertRejectedCleanly(ThrowingCallable call, String operation) {
		Throwable failure = catchThrowable(call);
		assertThat(failure).isInstanceOf(DependencyRejectedException.class).hasMessageContaining(operation);
		IssuedSecrets.assertClean("exception message", String.valueOf(failure.getMessage()));
		assertThat(failure.getMessage()).doesNotContain("<html", "unexpected");
	}

	private GenesysOAuthClients client(Duration retryAfterCap) {
		return client(retryAfterCap, this.admin);
	}

	private GenesysOAuthClients client(Duration retryAfterCap, SeededClient admin) {
		GenesysProperties properties = new GenesysProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
				Duration.ofMillis(10), Duration.ofMillis(50), retryAfterCap, Duration.ofSeconds(60),
				DataSize.ofKilobytes(256), 60_000);
		AdminCredentials credentials = (name) -> {
			this.adminReads.incrementAndGet();
			return new ClientCredentials(admin.id(), ClientSecret.of(admin.secret()));
		};
		return new GenesysConfiguration().genesysOAuthClients(WebClient.builder(), properties, this.registry,
				new OrgDirectory(properties("us_east_1")), credentials, JsonMapper.builder().build(),
				Clock.systemUTC());
	}

	private RotatorProperties properties(String region) {
		Map<String, String> source = Map.of("rotator.orgs.acme.region", region, "rotator.orgs.acme.api-base-url",
				this.simulator.baseUrl(), "rotator.orgs.acme.login-base-url", this.simulator.baseUrl(),
				"rotator.orgs.acme.admin-vault-path", "genesys/admin");
		return new Binder(new MapConfigurationPropertySource(source)).bind("rotator", RotatorProperties.class).get();
	}

}
