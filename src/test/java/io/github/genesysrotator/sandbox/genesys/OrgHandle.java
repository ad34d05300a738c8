package io.github.genesysrotator.sandbox.genesys;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seeds one simulated organization: roles, OAuth clients, and state drift for tests.
 *
 * <pre>{@code
 * OrgHandle acme = simulator.createOrg("acme");
 * SeededClient rotator = acme.createClientWithPermissions("rotator", OAuthPermission.VIEW, OAuthPermission.EDIT);
 * SeededClient consumer = acme.createClient("consumer", GrantType.CLIENT_CREDENTIALS);
 * }</pre>
 */
public final class OrgHandle {

	private final SimulatorState state;

	private final Organization org;

	OrgHandle(SimulatorState state, Organization org) {
		this.state = state;
		this.org = org;
	}

	public String id() {
		return this.org.id();
	}

	public String name() {
		return this.org.name();
	}

	/** The division that seeded role grants use. */
	public String homeDivisionId() {
		return this.org.homeDivisionId();
	}

	/** Creates a role holding the given permissions and returns its id. */
	public String createRole(OAuthPermission... permissions) {
		return createRole(Arrays.stream(permissions).map(OAuthPermission::value).collect(Collectors.toSet()));
	}

	/**
	 * Creates a role from raw permission strings (including ones the simulator ignores).
	 */
	public String createRole(Collection<String> permissions) {
		return this.state.createRole(this.org, Set.copyOf(permissions));
	}

	/**
	 * Creates an active client with the default token validity whose roles are granted in
	 * the home division.
	 */
	public SeededClient createClient(String name, GrantType grantType, String... roleIds) {
		return createClientWithId(UUID.randomUUID().toString(), name, grantType, roleIds);
	}

	/** As {@link #createClient}, with a fixed id (the sandbox's demo clients). */
	public SeededClient createClientWithId(String id, String name, GrantType grantType, String... roleIds) {
		List<RoleDivision> grants = Arrays.stream(roleIds)
			.map((roleId) -> new RoleDivision(roleId, this.org.homeDivisionId()))
			.toList();
		OAuthClientEntity client = this.state.seedClient(this.org, id, ClientDraft.seed(name, grantType, grants));
		return new SeededClient(client.id(), client.secret());
	}

	/**
	 * A client-credentials client with a fresh role holding exactly these permissions.
	 */
	public SeededClient createClientWithPermissions(String name, OAuthPermission... permissions) {
		return createClient(name, GrantType.CLIENT_CREDENTIALS, createRole(permissions));
	}

	/**
	 * Creates an integration credential of type {@code pureCloudOAuthClient} holding a
	 * client's id and secret; returns its id.
	 */
	public String createIntegrationCredential(String id, String name, String clientId, String clientSecret) {
		synchronized (this.state) {
			return this.state.integrations()
				.createCredential(this.org.id(), id, name, IntegrationsState.OAUTH_CLIENT_TYPE,
						Map.of("clientId", clientId, "clientSecret", clientSecret)).id;
		}
	}

	/** Sets an integration credential's fields behind the rotator's back. */
	public void setIntegrationCredential(String id, String clientId, String clientSecret) {
		synchronized (this.state) {
			IntegrationsState integrations = this.state.integrations();
			IntegrationsState.StoredCredential credential = integrations.findCredential(this.org.id(), id)
				.orElseThrow(() -> new IllegalArgumentException("No integration credential " + id));
			integrations.replaceCredential(credential, credential.name, credential.type,
					Map.of("clientId", clientId, "clientSecret", clientSecret));
		}
	}

	/** Creates a Data Actions integration that authenticates with the credential. */
	public String createDataActionsIntegration(String id, String name, String credentialId) {
		synchronized (this.state) {
			return this.state.integrations().createIntegration(this.org.id(), id, name, credentialId).id;
		}
	}

	/** Creates a data action of the integration; returns its id. */
	public String createDataAction(String id, String name, String integrationId) {
		synchronized (this.state) {
			return this.state.integrations().createAction(this.org.id(), id, name, integrationId).id();
		}
	}

	/**
	 * Changes a client's state behind the rotator's back; {@code disabled} revokes
	 * tokens.
	 */
	public void setState(String clientId, ClientState state) {
		requireOwnClient(clientId);
		this.state.setState(clientId, state);
	}

	/** Replaces a client's role grants behind the rotator's back (drift tests). */
	public void setRoleDivisions(String clientId, List<RoleDivision> roleDivisions) {
		requireOwnClient(clientId);
		this.state.setRoleDivisions(clientId, roleDivisions);
	}

	private void requireOwnClient(String clientId) {
		if (this.state.findClient(this.org.id(), clientId).isEmpty()) {
			throw new IllegalArgumentException("No client " + clientId + " in org " + this.org.name());
		}
	}

}
