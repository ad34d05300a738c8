package io.github.genesysrotator.sandbox.genesys;

/**
 * The permissions that guard the integrations endpoints (fact sheet 9.4). Each endpoint
 * requires one of them.
 */
public enum IntegrationPermission {

	VIEW("integrations:integration:view"), ADD("integrations:integration:add"), EDIT("integrations:integration:edit"),
	DELETE("integrations:integration:delete"), ACTION_VIEW("integrations:action:view"),
	ACTION_EXECUTE("integrations:action:execute");

	private final String value;

	IntegrationPermission(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	static IntegrationPermission requiredFor(Operation operation) {
		return switch (operation) {
			case LIST_INTEGRATION_CREDENTIALS, LIST_CREDENTIAL_TYPES, GET_INTEGRATION_CREDENTIAL, LIST_INTEGRATIONS,
					GET_INTEGRATION_CONFIG ->
				VIEW;
			case CREATE_INTEGRATION_CREDENTIAL -> ADD;
			case UPDATE_INTEGRATION_CREDENTIAL -> EDIT;
			case DELETE_INTEGRATION_CREDENTIAL -> DELETE;
			case LIST_ACTIONS -> ACTION_VIEW;
			case EXECUTE_ACTION, TEST_ACTION -> ACTION_EXECUTE;
			default -> throw new IllegalArgumentException("Not an integrations operation: " + operation);
		};
	}

}
