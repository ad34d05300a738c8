package io.github.genesysrotator.sandbox.genesys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.github.genesysrotator.sandbox.IssuedSecrets;

/**
 * All organizations, clients and tokens. Every method is synchronized on this object: one
 * lock keeps each simulated request atomic, which is all a test double needs and is still
 * far faster than the rotator can call it.
 */
final class SimulatorState {

	private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

	/**
	 * Genesys has issued client secrets of 20 to 22 characters since April 2026 (16
	 * before); their alphabet is unconfirmed, so base64url characters stand in for it.
	 */
	private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static final int SECRET_MIN_LENGTH = 20;

	private static final int SECRET_MAX_LENGTH = 22;

	private final GenesysSimulatorOptions options;

	private final Clock clock;

	private final SimulatorObservations observations;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Organization> orgs = new LinkedHashMap<>();

	private final Map<String, OAuthClientEntity> clients = new LinkedHashMap<>();

	private final Map<String, AccessToken> tokens = new LinkedHashMap<>();

	private final IntegrationsState integrations;

	SimulatorState(GenesysSimulatorOptions options, SimulatorObservations observations) {
		this.options = options;
		this.clock = options.clock();
		this.observations = observations;
		this.integrations = new IntegrationsState(this.clock, options.integrationCredentialUpdateDelay());
	}

	/**
	 * Integration credentials, integrations and actions, guarded by this object's lock.
	 */
	IntegrationsState integrations() {
		return this.integrations;
	}

	Instant now() {
		return this.clock.instant();
	}

	synchronized Organization createOrg(String name) {
		String id = UUID.randomUUID().toString();
		EntityRef seedingUser = EntityRef.user(UUID.randomUUID().toString(), "Simulator Admin (" + name + ")");
		Organization org = new Organization(id, name, UUID.randomUUID().toString(), seedingUser);
		this.orgs.put(id, org);
		return org;
	}

	synchronized String createRole(Organization org, Set<String> permissions) {
		String roleId = UUID.randomUUID().toString();
		org.addRole(roleId, permissions);
		return roleId;
	}

	/** Seeding bypasses the propagation delay: a seeded secret works at once. */
	synchronized OAuthClientEntity seedClient(Organization org, String id, ClientDraft draft) {
		if (this.clients.containsKey(id)) {
			throw new IllegalArgumentException("Client id " + id + " is taken");
		}
		return insertClient(id, org.id(), draft, org.seedingUser(), now());
	}

	synchronized OAuthClientEntity createClient(OAuthClientEntity caller, ClientDraft draft) {
		Instant now = now();
		return insertClient(UUID.randomUUID().toString(), caller.orgId(), draft, clientRef(caller),
				now.plus(this.options.secretPropagationDelay()));
	}

	private OAuthClientEntity insertClient(String id, String orgId, ClientDraft draft, EntityRef creator,
			Instant usableFrom) {
		OAuthClientEntity client = new OAuthClientEntity(id, orgId, draft, now(), creator);
		client.newSecret(issueSecret(), usableFrom, Instant.MIN);
		this.clients.put(client.id(), client);
		return client;
	}

	synchronized void updateClient(OAuthClientEntity caller, OAuthClientEntity client, ClientDraft draft) {
		client.replace(draft, now(), clientRef(caller));
		revokeTokensIfDisabled(client);
	}

	synchronized void regenerateSecret(OAuthClientEntity caller, OAuthClientEntity client) {
		Instant now = now();
		String secret = issueSecret();
		client.newSecret(secret, now.plus(this.options.secretPropagationDelay()),
				now.plus(this.options.oldSecretGrace()));
		client.touch(now, clientRef(caller));
		if (!this.options.tokensSurviveRegeneration()) {
			revokeTokensOf(client.id());
		}
		this.observations.recordRegeneration(client.id(), secret);
	}

	synchronized void deleteClient(OAuthClientEntity client) {
		this.clients.remove(client.id());
		revokeTokensOf(client.id());
	}

	synchronized void setState(String clientId, ClientState state) {
		OAuthClientEntity client = requireClient(clientId);
		client.state(state);
		revokeTokensIfDisabled(client);
	}

	synchronized void setRoleDivisions(String clientId, List<RoleDivision> roleDivisions) {
		OAuthClientEntity client = requireClient(clientId);
		ClientDraft old = client.fields();
		client.replace(
				new ClientDraft(old.name(), old.description(), old.grantType(), old.accessTokenValiditySeconds(),
						old.registeredRedirectUri(), old.scope(), List.copyOf(roleDivisions), null, old.dateToDelete()),
				now(), client.modifiedBy());
	}

	synchronized Optional<String> currentSecret(String clientId) {
		return Optional.ofNullable(this.clients.get(clientId)).map(OAuthClientEntity::secret);
	}

	/**
	 * A client as seen from an organization: other organizations' clients do not exist.
	 */
	synchronized Optional<OAuthClientEntity> findClient(String orgId, String clientId) {
		OAuthClientEntity client = this.clients.get(clientId);
		return (client != null && client.orgId().equals(orgId)) ? Optional.of(client) : Optional.empty();
	}

	synchronized Optional<OAuthClientEntity> findClient(String clientId) {
		return Optional.ofNullable(this.clients.get(clientId));
	}

	synchronized List<OAuthClientEntity> listClients(String orgId) {
		List<OAuthClientEntity> result = new ArrayList<>();
		this.clients.values().stream().filter((client) -> client.orgId().equals(orgId)).forEach(result::add);
		return result;
	}

	synchronized AccessToken issueToken(OAuthClientEntity client) {
		String value = URL_SAFE.encodeToString(randomBytes(60));
		AccessToken token = new AccessToken(value, client.id(),
				now().plusSeconds(client.fields().accessTokenValiditySeconds()));
		this.tokens.put(value, token);
		return token;
	}

	/**
	 * A client-credentials grant made inside the simulated org (a Data Action's), with
	 * the token endpoint's rules: right secret, propagated, client active.
	 */
	synchronized Optional<AccessToken> grantClientCredentials(String clientId, String secret) {
		OAuthClientEntity client = (clientId != null) ? this.clients.get(clientId) : null;
		if (client == null || secret == null || !client.acceptsSecret(secret, now())
				|| client.state() != ClientState.ACTIVE
				|| client.fields().grantType() != GrantType.CLIENT_CREDENTIALS) {
			return Optional.empty();
		}
		return Optional.of(issueToken(client));
	}

	/** The client behind a usable token; a disabled or deleted client has none. */
	synchronized Optional<OAuthClientEntity> authenticate(String tokenValue) {
		AccessToken token = this.tokens.get(tokenValue);
		if (token == null || !token.isUsable(now())) {
			return Optional.empty();
		}
		OAuthClientEntity client = this.clients.get(token.clientId());
		if (client == null || client.state() == ClientState.DISABLED) {
			return Optional.empty();
		}
		return Optional.of(client);
	}

	/** The client a token was issued to, whether or not it is still usable. */
	synchronized Optional<String> tokenOwner(String tokenValue) {
		return Optional.ofNullable(this.tokens.get(tokenValue)).map(AccessToken::clientId);
	}

	synchronized Set<String> permissionsOf(OAuthClientEntity client) {
		Organization org = this.orgs.get(client.orgId());
		Set<String> permissions = new HashSet<>();
		client.fields().roleDivisions().forEach((grant) -> permissions.addAll(org.permissionsOf(grant.roleId())));
		return permissions;
	}

	private OAuthClientEntity requireClient(String clientId) {
		OAuthClientEntity client = this.clients.get(clientId);
		if (client == null) {
			throw new IllegalArgumentException("No such client: " + clientId);
		}
		return client;
	}

	private void revokeTokensIfDisabled(OAuthClientEntity client) {
		// Genesys: "disabled" invalidates existing tokens, so re-enabling does not revive
		// them.
		if (client.state() == ClientState.DISABLED) {
			revokeTokensOf(client.id());
		}
	}

	private void revokeTokensOf(String clientId) {
		this.tokens.values().stream().filter((token) -> token.clientId().equals(clientId)).forEach(AccessToken::revoke);
	}

	private String issueSecret() {
		int length = SECRET_MIN_LENGTH + this.random.nextInt(SECRET_MAX_LENGTH - SECRET_MIN_LENGTH + 1);
		StringBuilder secret = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			secret.append(SECRET_ALPHABET.charAt(this.random.nextInt(SECRET_ALPHABET.length())));
		}
		this.observations.recordIssuedSecret(secret.toString());
		IssuedSecrets.record(secret.toString());
		return secret.toString();
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static EntityRef clientRef(OAuthClientEntity caller) {
		// Client-credentials callers have no user; the simulator names the calling
		// client.
		return new EntityRef(caller.id(), caller.fields().name(), "/api/v2/oauth/clients/" + caller.id());
	}

}
