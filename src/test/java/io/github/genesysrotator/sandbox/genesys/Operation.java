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

	/** Any of the above; only meaningful in a fault rule. */
	ANY;

	/** One of the usage jobs API's operations. */
	boolean usage() {
		return this == USAGE_QUERY || this == USAGE_RESULT;
	}

	boolean matches(Operation actual) {
		return this == ANY || this == actual;
	}

}
