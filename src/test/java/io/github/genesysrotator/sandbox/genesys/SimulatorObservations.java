package io.github.genesysrotator.sandbox.genesys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the simulator saw, for assertions: token requests with their outcome, the request
 * log, regeneration counts and every secret ever issued.
 */
public final class SimulatorObservations {

	private final List<TokenRequestRecord> tokenRequests = new ArrayList<>();

	private final List<ApiRequestRecord> apiRequests = new ArrayList<>();

	private final Map<String, Integer> regenerations = new LinkedHashMap<>();

	private final Set<String> issuedSecrets = new LinkedHashSet<>();

	private final Map<String, List<String>> regeneratedSecrets = new LinkedHashMap<>();

	SimulatorObservations() {
	}

	public synchronized int regenerationCount(String clientId) {
		return this.regenerations.getOrDefault(clientId, 0);
	}

	/**
	 * Successful PUTs of one integration credential (the simulator records its id in the
	 * request's client id field).
	 */
	public synchronized long integrationCredentialUpdateCount(String credentialId) {
		return apiRequests().stream()
			.filter((request) -> request.operation() == Operation.UPDATE_INTEGRATION_CREDENTIAL)
			.filter((request) -> credentialId.equals(request.clientId()) && request.status() == 200)
			.count();
	}

	public synchronized Map<String, Integer> regenerationCounts() {
		return new LinkedHashMap<>(this.regenerations);
	}

	public synchronized List<TokenRequestRecord> tokenRequests() {
		return List.copyOf(this.tokenRequests);
	}

	/**
	 * Every simulated request (token and API), including faulted ones; not admin calls.
	 */
	public synchronized List<ApiRequestRecord> apiRequests() {
		return List.copyOf(this.apiRequests);
	}

	/**
	 * Every secret the simulator ever issued (seeding, create and regenerate), in order,
	 * so that leak detection can scan logs and responses for any of them. Survives
	 * {@link #reset()} because old secrets can still leak after a reset.
	 */
	public synchronized List<String> issuedSecrets() {
		return List.copyOf(this.issuedSecrets);
	}

	/**
	 * The secrets regenerations of a client issued since the last {@link #reset()}, in
	 * order: the last one is the secret the client has now.
	 */
	public synchronized List<String> regeneratedSecrets(String clientId) {
		return List.copyOf(this.regeneratedSecrets.getOrDefault(clientId, List.of()));
	}

	/** Clears logs and counters; keeps {@link #issuedSecrets()}. */
	public synchronized void reset() {
		this.tokenRequests.clear();
		this.apiRequests.clear();
		this.regenerations.clear();
		this.regeneratedSecrets.clear();
	}

	synchronized void recordTokenRequest(TokenRequestRecord record) {
		this.tokenRequests.add(record);
	}

	synchronized void recordApiRequest(ApiRequestRecord record) {
		this.apiRequests.add(record);
	}

	synchronized void recordRegeneration(String clientId, String secret) {
		this.regenerations.merge(clientId, 1, Integer::sum);
		this.regeneratedSecrets.computeIfAbsent(clientId, (id) -> new ArrayList<>()).add(secret);
	}

	synchronized void recordIssuedSecret(String secret) {
		this.issuedSecrets.add(secret);
	}

}
