package io.github.genesysrotator.sandbox.genesys;

import java.util.Optional;

/**
 * Which simulated operation a request is, and the client id in its path.
 *
 * @param operation the operation
 * @param pathClientId the {@code {clientId}} path segment (for the integrations API, the
 * credential, integration or action id), or {@code null}
 */
record ApiRoute(Operation operation, String pathClientId) {

	static final String TOKEN_PATH = "/oauth/token";

	static final String CLIENTS_PATH = "/api/v2/oauth/clients";

	static Optional<ApiRoute> classify(String method, String path) {
		if (path.equals(IntegrationRoutes.PREFIX) || path.startsWith(IntegrationRoutes.PREFIX + "/")) {
			return IntegrationRoutes.classify(method, path);
		}
		if (path.equals(TOKEN_PATH)) {
			return method.equals("POST") ? route(Operation.TOKEN, null) : Optional.empty();
		}
		if (path.startsWith(UsageApi.PREFIX)) {
			return UsageApi.classify(method, path);
		}
		if (path.equals(CLIENTS_PATH)) {
			return switch (method) {
				case "GET" -> route(Operation.LIST_CLIENTS, null);
				case "POST" -> route(Operation.CREATE_CLIENT, null);
				default -> Optional.empty();
			};
		}
		if (!path.startsWith(CLIENTS_PATH + "/")) {
			return Optional.empty();
		}
		String[] segments = path.substring(CLIENTS_PATH.length() + 1).split("/", -1);
		if (segments.length == 1 && !segments[0].isEmpty()) {
			return switch (method) {
				case "GET" -> route(Operation.GET_CLIENT, segments[0]);
				case "PUT" -> route(Operation.UPDATE_CLIENT, segments[0]);
				case "DELETE" -> route(Operation.DELETE_CLIENT, segments[0]);
				default -> Optional.empty();
			};
		}
		if (segments.length == 2 && segments[1].equals("secret") && method.equals("POST")) {
			return route(Operation.REGENERATE_SECRET, segments[0]);
		}
		return Optional.empty();
	}

	static Optional<ApiRoute> route(Operation operation, String clientId) {
		return Optional.of(new ApiRoute(operation, clientId));
	}

}
