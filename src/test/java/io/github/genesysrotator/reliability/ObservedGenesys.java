package io.github.genesysrotator.reliability;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.genesysrotator.rotation.ClientSecret;
import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.CredentialSpec;
import io.github.genesysrotator.rotation.Fence;
import io.github.genesysrotator.rotation.GenesysOAuthClients;
import io.github.genesysrotator.rotation.OAuthClientView;
import io.github.genesysrotator.rotation.OrgClient;
import io.github.genesysrotator.rotation.OrgEndpoints;
import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RequestPolicy;
import io.github.genesysrotator.rotation.UsageJob;
import io.github.genesysrotator.rotation.RotationTestSupport.SimulatedCrash;

/**
 * The production Genesys adapter, watched: it measures how many regenerations of one
 * credential's clients are in flight at once (across every replica sharing it), and can
 * make the process "die" right after Genesys answered a regeneration, when the new secret
 * exists only in memory.
 */
final class ObservedGenesys implements GenesysOAuthClients {

	private final GenesysOAuthClients delegate;

	private final Function<String, String> credentialOf;

	private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();

	private final AtomicBoolean crashAfterRegeneration = new AtomicBoolean();

	private final java.util.concurrent.atomic.AtomicReference<Runnable> afterRegeneration = new java.util.concurrent.atomic.AtomicReference<>();

	private ObservedGenesys(GenesysOAuthClients delegate, Function<String, String> credentialOf) {
		this.delegate = delegate;
		this.credentialOf = credentialOf;
	}

	/** Watch the adapter, counting regenerations by the credential owning the client. */
	static ObservedGenesys watching(GenesysOAuthClients delegate, CredentialCatalog catalog) {
		return new ObservedGenesys(delegate,
				(clientId) -> catalog.all()
					.stream()
					.filter((spec) -> spec.clientIds().contains(clientId))
					.map(CredentialSpec::name)
					.findFirst()
					.orElse(clientId));
	}

	/** The next regeneration's response reaches a process that dies before using it. */
	void crashAfterNextRegeneration() {
		this.crashAfterRegeneration.set(true);
	}

	/**
	 * Run an action once the next regeneration's answer arrived, before the caller gets
	 * it (a holder that stalls right there).
	 */
	void afterNextRegeneration(Runnable action) {
		this.afterRegeneration.set(action);
	}

	/** The most regenerations of one credential's clients that were in flight at once. */
	int maxConcurrentRegenerations(String credential) {
		return this.maxInFlight.getOrDefault(credential, new AtomicInteger()).get();
	}

	void reset() {
		this.crashAfterRegeneration.set(false);
		this.afterRegeneration.set(null);
		this.inFlight.clear();
		this.maxInFlight.clear();
	}

	@Override
	public ClientSecret regenerateSecret(String org, String clientId, Fence fence) {
		String credential = this.credentialOf.apply(clientId);
		int now = this.inFlight.computeIfAbsent(credential, (key) -> new AtomicInteger()).incrementAndGet();
		this.maxInFlight.computeIfAbsent(credential, (key) -> new AtomicInteger()).accumulateAndGet(now, Math::max);
		ClientSecret secret;
		try {
			secret = this.delegate.regenerateSecret(org, clientId, fence);
		}
		finally {
			this.inFlight.get(credential).decrementAndGet();
		}
		// Genesys has answered: what follows happens to the caller, not to the request.
		Runnable action = this.afterRegeneration.getAndSet(null);
		if (action != null) {
			action.run();
		}
		if (this.crashAfterRegeneration.compareAndSet(true, false)) {
			throw new SimulatedCrash(Phase.REGENERATING);
		}
		return secret;
	}

	@Override
	public OAuthClientView getClient(String org, String clientId) {
		return this.delegate.getClient(org, clientId);
	}

	@Override
	public TokenCheck checkToken(String org, String clientId, ClientSecret secret) {
		return this.delegate.checkToken(org, clientId, secret);
	}

	@Override
	public List<OrgClient> listClients(String org) {
		return this.delegate.listClients(org);
	}

	@Override
	public RequestPolicy requestPolicy() {
		return this.delegate.requestPolicy();
	}

	@Override
	public String submitUsageQuery(String org, String clientId, Instant from, Instant to) {
		return this.delegate.submitUsageQuery(org, clientId, from, to);
	}

	@Override
	public UsageJob pollUsageQuery(String org, String clientId, String jobId) {
		return this.delegate.pollUsageQuery(org, clientId, jobId);
	}

	@Override
	public String adminClientId(String org) {
		return this.delegate.adminClientId(org);
	}

	@Override
	public OrgEndpoints endpoints(String org) {
		return this.delegate.endpoints(org);
	}

}
