package io.github.genesysrotator.sandbox.genesys;

import java.util.Optional;

/**
 * Which {@code /api/v2/integrations/**} operation a request is (fact sheet 9.4), and the
 * credential, integration or action id in its path.
 */
final class IntegrationRoutes {

	static final String PREFIX = "/api/v2/integrations";

	private IntegrationRoutes() {
	}

	static Optional<ApiRoute> classify(String method, String path) {
		String[] segments = path.substring(PREFIX.length()).replaceFirst("^/", "").split("/", -1);
		if (path.equals(PREFIX)) {
			return method.equals("GET") ? ApiRoute.route(Operation.LIST_INTEGRATIONS, null) : Optional.empty();
		}
		return switch (segments[0]) {
			case "credentials" -> credentials(method, segments);
			case "actions" -> actions(method, segments);
			default -> integration(method, segments);
		};
	}

	private static Optional<ApiRoute> credentials(String method, String[] segments) {
		if (segments.length == 1) {
			return method.equals("POST") ? ApiRoute.route(Operation.CREATE_INTEGRATION_CREDENTIAL, null)
					: Optional.empty();
		}
		if (segments.length != 2 || segments[1].isEmpty()) {
			return Optional.empty();
		}
		if (method.equals("GET") && segments[1].equals("listing")) {
			return ApiRoute.route(Operation.LIST_INTEGRATION_CREDENTIALS, null);
		}
		if (method.equals("GET") && segments[1].equals("types")) {
			return ApiRoute.route(Operation.LIST_CREDENTIAL_TYPES, null);
		}
		return switch (method) {
			case "GET" -> ApiRoute.route(Operation.GET_INTEGRATION_CREDENTIAL, segments[1]);
			case "PUT" -> ApiRoute.route(Operation.UPDATE_INTEGRATION_CREDENTIAL, segments[1]);
			case "DELETE" -> ApiRoute.route(Operation.DELETE_INTEGRATION_CREDENTIAL, segments[1]);
			default -> Optional.empty();
		};
	}

	private static Optional<ApiRoute> actions(String method, String[] segments) {
		if (segments.length == 1) {
			return method.equals("GET") ? ApiRoute.route(Operation.LIST_ACTIONS, null) : Optional.empty();
		}
		if (segments.length == 3 && method.equals("POST") && !segments[1].isEmpty()) {
			return switch (segments[2]) {
				case "execute" -> ApiRoute.route(Operation.EXECUTE_ACTION, segments[1]);
				case "test" -> ApiRoute.route(Operation.TEST_ACTION, segments[1]);
				default -> Optional.empty();
			};
		}
		return Optional.empty();
	}

	private static Optional<ApiRoute> integration(String method, String[] segments) {
		boolean configCurrent = segments.length == 3 && !segments[0].isEmpty() && segments[1].equals("config")
				&& segments[2].equals("current");
		return (configCurrent && method.equals("GET")) ? ApiRoute.route(Operation.GET_INTEGRATION_CONFIG, segments[0])
				: Optional.empty();
	}

}
