package io.github.genesysrotator.sandbox.genesys;

/**
 * The simulated operations, used to target fault rules and to label the request log.
 */
public enum Operation {

	/** {@code POST /oauth/token}. */
	TOKEN,

	/** {@code GET /api/v2/oauth/clients}. */
	LIST_CLIENTS,

	/** {@code GET /api/v2/oauth/clients/{id}}. */
	GET_CLIENT,

	/** {@code POST /api/v2/oauth/clients}. */
	CREATE_CLIENT,

	/** {@code PUT /api/v2/oauth/clients/{id}}. */
	UPDATE_CLIENT,

	/** {@code DELETE /api/v2/oauth/clients/{id}}. */
	DELETE_CLIENT,

	/** {@code POST /api/v2/oauth/clients/{id}/secret}. */
	REGENERATE_SECRET,

	/** {@code POST /api/v2/usage/client/{id}/aggregates/query/jobs}. */
	USAGE_QUERY,

	/** {@code GET /api/v2/usage/client/{id}/aggregates/query/jobs/{jobId}}. */
	USAGE_RESULT,

	/** {@code GET /api/v2/integrations/credentials/listing}. */
	LIST_INTEGRATION_CREDENTIALS,

	/** {@code GET /api/v2/integrations/credentials/types}. */
	LIST_CREDENTIAL_TYPES,

	/** {@code GET /api/v2/integrations/credentials/{id}}. */
	GET_INTEGRATION_CREDENTIAL,

	/** {@code POST /api/v2/integrations/credentials}. */
	CREATE_INTEGRATION_CREDENTIAL,

	/** {@code PUT /api/v2/integrations/credentials/{id}}. */
	UPDATE_INTEGRATION_CREDENTIAL,

	/** {@code DELETE /api/v2/integrations/credentials/{id}}. */
	DELETE_INTEGRATION_CREDENTIAL,

	/** {@code GET /api/v2/integrations}. */
	LIST_INTEGRATIONS,

	/** {@code GET /api/v2/integrations/{id}/config/current}. */
	GET_INTEGRATION_CONFIG,

	/** {@code GET /api/v2/integrations/actions}. */
	LIST_ACTIONS,

	/** {@code POST /api/v2/integrations/actions/{id}/execute}. */
	EXECUTE_ACTION,

	/** {@code POST /api/v2/integrations/actions/{id}/test}. */
	TEST_ACTION,

	/** Any of the above; only meaningful in a fault rule. */
	ANY;

	/** One of the usage jobs API's operations. */
	boolean usage() {
		return this == USAGE_QUERY || this == USAGE_RESULT;
	}

	/** Whether the operation is one of {@code /api/v2/integrations/**}. */
	boolean integrations() {
		return switch (this) {
			case LIST_INTEGRATION_CREDENTIALS, LIST_CREDENTIAL_TYPES, GET_INTEGRATION_CREDENTIAL,
					CREATE_INTEGRATION_CREDENTIAL, UPDATE_INTEGRATION_CREDENTIAL, DELETE_INTEGRATION_CREDENTIAL,
					LIST_INTEGRATIONS, GET_INTEGRATION_CONFIG, LIST_ACTIONS, EXECUTE_ACTION, TEST_ACTION ->
				true;
			default -> false;
		};
	}

	boolean matches(Operation actual) {
		return this == ANY || this == actual;
	}

}
