package io.github.genesysrotator.sandbox.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Integration credentials, Data Actions integrations and their actions (fact sheet 9.4).
 * Guarded by the {@link SimulatorState} lock, which the integrations API holds for every
 * request, so an action's token grant and API call see one consistent org.
 */
final class IntegrationsState {

	/** The credential type a Data Actions integration authenticates with. */
	static final String OAUTH_CLIENT_TYPE = "pureCloudOAuthClient";

	/** The integration type id of "Genesys Cloud Data Actions". */
	static final String DATA_ACTIONS_TYPE = "purecloud-data-actions";

	private final Clock clock;

	private final Duration updateDelay;

	private final Map<String, StoredCredential> credentials = new LinkedHashMap<>();

	private final Map<String, Integration> integrations = new LinkedHashMap<>();

	private final Map<String, DataAction> actions = new LinkedHashMap<>();

	IntegrationsState(Clock clock, Duration updateDelay) {
		this.clock = clock;
		this.updateDelay = updateDelay;
	}

	StoredCredential createCredential(String orgId, String id, String name, String type, Map<String, String> fields) {
		if (this.credentials.containsKey(id)) {
			throw new IllegalArgumentException("Credential id " + id + " is taken");
		}
		StoredCredential credential = new StoredCredential(id, orgId, name, type, fields, this.clock.instant());
		this.credentials.put(id, credential);
		return credential;
	}

	Optional<StoredCredential> findCredential(String orgId, String id) {
		return Optional.ofNullable(this.credentials.get(id)).filter((credential) -> credential.orgId.equals(orgId));
	}

	List<StoredCredential> listCredentials(String orgId) {
		return this.credentials.values().stream().filter((credential) -> credential.orgId.equals(orgId)).toList();
	}

	/**
	 * PUT: replaces name, type and fields; integrations see the new fields after the
	 * update delay.
	 */
	void replaceCredential(StoredCredential credential, String name, String type, Map<String, String> fields) {
		Instant now = this.clock.instant();
		credential.name = name;
		credential.type = type;
		credential.modified = now;
		credential.versions.add(new FieldsVersion(now.plus(this.updateDelay), Map.copyOf(fields)));
	}

	void deleteCredential(StoredCredential credential) {
		this.credentials.remove(credential.id);
	}

	Integration createIntegration(String orgId, String id, String name, String credentialId) {
		if (this.integrations.containsKey(id)) {
			throw new IllegalArgumentException("Integration id " + id + " is taken");
		}
		Integration integration = new Integration(id, orgId, name, credentialId);
		this.integrations.put(id, integration);
		return integration;
	}

	Optional<Integration> findIntegration(String orgId, String id) {
		return Optional.ofNullable(this.integrations.get(id)).filter((integration) -> integration.orgId.equals(orgId));
	}

	List<Integration> listIntegrations(String orgId) {
		return this.integrations.values().stream().filter((integration) -> integration.orgId.equals(orgId)).toList();
	}

	DataAction createAction(String orgId, String id, String name, String integrationId) {
		if (this.actions.containsKey(id) || !this.integrations.containsKey(integrationId)) {
			throw new IllegalArgumentException("Action id " + id + " is taken or integration unknown");
		}
		DataAction action = new DataAction(id, orgId, name, "Demo", integrationId);
		this.actions.put(id, action);
		return action;
	}

	Optional<DataAction> findAction(String orgId, String id) {
		return Optional.ofNullable(this.actions.get(id)).filter((action) -> action.orgId().equals(orgId));
	}

	List<DataAction> listActions(String orgId) {
		return this.actions.values().stream().filter((action) -> action.orgId().equals(orgId)).toList();
	}

	/** The fields as stored now, secret included. For tests only. */
	Optional<Map<String, String>> storedFields(String id) {
		return Optional.ofNullable(this.credentials.get(id)).map(StoredCredential::fields);
	}

	Instant now() {
		return this.clock.instant();
	}

	/** One integration credential and every version of its fields. */
	static final class StoredCredential {

		final String id;

		final String orgId;

		final Instant created;

		String name;

		String type;

		Instant modified;

		private final List<FieldsVersion> versions = new ArrayList<>();

		StoredCredential(String id, String orgId, String name, String type, Map<String, String> fields,
				Instant created) {
			this.id = id;
			this.orgId = orgId;
			this.name = name;
			this.type = type;
			this.created = created;
			this.modified = created;
			this.versions.add(new FieldsVersion(Instant.MIN, Map.copyOf(fields)));
		}

		/** What the API stores now. */
		Map<String, String> fields() {
			return this.versions.get(this.versions.size() - 1).fields();
		}

		/** What an integration sees now: the newest version that has reached it. */
		Map<String, String> fieldsSeenAt(Instant now) {
			for (int i = this.versions.size() - 1; i >= 0; i--) {
				if (!this.versions.get(i).from().isAfter(now)) {
					return this.versions.get(i).fields();
				}
			}
			return Map.of();
		}

	}

	/** Fields as they reach integrations from {@code from} on. */
	record FieldsVersion(Instant from, Map<String, String> fields) {

	}

	/**
	 * A Data Actions integration, pointing at its credential, with the access token it
	 * caches (when the switch says integrations cache).
	 */
	static final class Integration {

		final String id;

		final String orgId;

		final String name;

		final String credentialId;

		final int configVersion = 1;

		String cachedToken;

		Integration(String id, String orgId, String name, String credentialId) {
			this.id = id;
			this.orgId = orgId;
			this.name = name;
			this.credentialId = credentialId;
		}

	}

	/** A data action of an integration. */
	record DataAction(String id, String orgId, String name, String category, String integrationId) {

	}

}
