package io.github.genesysrotator.sandbox.genesys;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.genesysrotator.sandbox.genesys.IntegrationsState.DataAction;
import io.github.genesysrotator.sandbox.genesys.IntegrationsState.Integration;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data Actions integrations and their actions as a consumer of an OAuth client:
 * {@code GET /api/v2/integrations} (with {@code expand=config.current}),
 * {@code .../{id}/config/current}, {@code GET .../actions} and {@code POST
 * .../actions/{id}/execute|test}. An execution obtains a token with the client id and
 * secret its integration credential holds (as the integration sees it, after the update
 * delay) and calls the API with it. With the {@code dataActionsCacheToken} switch on, the
 * integration keeps that token until a call with it fails, then grants a new one and
 * retries once; off, it grants one per execution. A credential that does not authenticate
 * fails the action with 400 {@code INVALID_CREDENTIALS} / {@code ACTION.AUTHENTICATION}.
 */
final class DataActionsEndpoints {

	private final SimulatorState state;

	private final IntegrationsState integrations;

	private final GenesysSimulatorOptions options;

	private final UsageReports usage;

	DataActionsEndpoints(SimulatorState state, IntegrationsState integrations, GenesysSimulatorOptions options,
			UsageReports usage) {
		this.state = state;
		this.integrations = integrations;
		this.options = options;
		this.usage = usage;
	}

	SimResponse handle(SimRequest request, ApiRoute route, String orgId) {
		return switch (route.operation()) {
			case LIST_INTEGRATIONS -> listIntegrations(request, orgId);
			case GET_INTEGRATION_CONFIG -> this.integrations.findIntegration(orgId, route.pathClientId())
				.map((integration) -> SimResponse.json(200, config(integration)))
				.orElseGet(() -> ApiErrors.notFound(request));
			case LIST_ACTIONS -> listActions(orgId);
			case EXECUTE_ACTION,
					TEST_ACTION ->
				this.integrations.findAction(orgId, route.pathClientId())
					.map((action) -> run(request, route.operation(), action))
					.orElseGet(() -> ApiErrors.notFound(request));
			default -> throw new IllegalStateException("Unrouted operation " + route.operation());
		};
	}

	private SimResponse listIntegrations(SimRequest request, String orgId) {
		String type = request.queryParameter("integrationType");
		boolean expand = "config.current".equals(request.queryParameter("expand"));
		List<Integration> found = this.integrations.listIntegrations(orgId)
			.stream()
			.filter((integration) -> type == null || type.equals(IntegrationsState.DATA_ACTIONS_TYPE))
			.toList();
		ObjectNode listing = pageOf(found.size());
		ArrayNode entities = listing.putArray("entities");
		found.forEach((integration) -> {
			ObjectNode entity = entities.addObject();
			entity.put("id", integration.id);
			entity.put("name", integration.name);
			entity.putObject("integrationType").put("id", IntegrationsState.DATA_ACTIONS_TYPE);
			entity.put("intendedState", "ENABLED");
			entity.putObject("reportedState").put("code", "ACTIVE");
			entity.put("selfUri", IntegrationRoutes.PREFIX + "/" + integration.id);
			if (expand) {
				entity.putObject("config").set("current", config(integration));
			}
		});
		return SimResponse.json(200, listing);
	}

	private static ObjectNode config(Integration integration) {
		ObjectNode config = SimJson.object();
		config.put("name", integration.name);
		config.put("version", integration.configVersion);
		config.putObject("properties");
		config.putObject("advanced");
		config.put("notes", "");
		ObjectNode credential = config.putObject("credentials").putObject(IntegrationsState.OAUTH_CLIENT_TYPE);
		credential.put("id", integration.credentialId);
		credential.put("selfUri", IntegrationCredentialsEndpoints.PATH + "/" + integration.credentialId);
		return config;
	}

	private SimResponse listActions(String orgId) {
		List<DataAction> actions = this.integrations.listActions(orgId);
		ObjectNode listing = pageOf(actions.size());
		ArrayNode entities = listing.putArray("entities");
		actions.forEach((action) -> entities.addObject()
			.put("id", action.id())
			.put("name", action.name())
			.put("category", action.category())
			.put("integrationId", action.integrationId())
			.put("secure", false)
			.put("version", 1)
			.put("selfUri", IntegrationRoutes.PREFIX + "/actions/" + action.id()));
		return SimResponse.json(200, listing);
	}

	private static ObjectNode pageOf(int total) {
		ObjectNode listing = SimJson.object();
		listing.put("pageSize", Math.max(25, total));
		listing.put("pageNumber", 1);
		listing.put("total", total);
		listing.put("pageCount", 1);
		return listing;
	}

	private SimResponse run(SimRequest request, Operation operation, DataAction action) {
		Integration integration = this.integrations.findIntegration(action.orgId(), action.integrationId())
			.orElseThrow();
		Optional<String> calledAs = authenticatedCall(integration);
		if (operation == Operation.TEST_ACTION) {
			return SimResponse.json(200, testResult(calledAs));
		}
		if (calledAs.isEmpty()) {
			return invalidCredentials(request);
		}
		ObjectNode output = SimJson.object();
		output.put("authenticatedAs", calledAs.get());
		return SimResponse.json(200, output);
	}

	/**
	 * The action's one API call: with the cached token, or with a new one; the client
	 * whose token the call used, or empty when the credential does not authenticate. A
	 * call that authenticated counts in the usage reports under that client, like any
	 * {@code /api/v2} request, so the retirement guard sees a standby that only a data
	 * action (say, with a cached token) still uses.
	 */
	private Optional<String> authenticatedCall(Integration integration) {
		Optional<String> calledAs = call(integration);
		calledAs.ifPresent((clientId) -> this.usage.count(clientId, 200));
		return calledAs;
	}

	private Optional<String> call(Integration integration) {
		if (this.options.dataActionsCacheToken() && integration.cachedToken != null) {
			Optional<OAuthClientEntity> cached = this.state.authenticate(integration.cachedToken);
			if (cached.isPresent()) {
				return Optional.of(cached.get().id());
			}
			integration.cachedToken = null;
		}
		Map<String, String> fields = this.integrations.findCredential(integration.orgId, integration.credentialId)
			.map((credential) -> credential.fieldsSeenAt(this.integrations.now()))
			.orElse(Map.of());
		Optional<AccessToken> token = this.state.grantClientCredentials(fields.get("clientId"),
				fields.get("clientSecret"));
		if (token.isEmpty()) {
			return Optional.empty();
		}
		if (this.options.dataActionsCacheToken()) {
			integration.cachedToken = token.get().value();
		}
		return this.state.authenticate(token.get().value()).map(OAuthClientEntity::id);
	}

	private static ObjectNode testResult(Optional<String> calledAs) {
		ObjectNode result = SimJson.object();
		ArrayNode operations = result.putArray("operations");
		ObjectNode authenticate = operations.addObject().put("step", 1).put("name", "Authenticate");
		authenticate.put("success", calledAs.isPresent());
		ObjectNode execute = operations.addObject().put("step", 2).put("name", "Execute request");
		execute.put("success", calledAs.isPresent());
		result.put("success", calledAs.isPresent());
		if (calledAs.isPresent()) {
			result.putObject("finalResult").put("authenticatedAs", calledAs.get());
		}
		else {
			authenticate.putObject("error").put("message", "INVALID_CREDENTIALS").put("code", "ACTION.AUTHENTICATION");
			result.putObject("error").put("message", "INVALID_CREDENTIALS").put("code", "ACTION.AUTHENTICATION");
		}
		return result;
	}

	private static SimResponse invalidCredentials(SimRequest request) {
		SimResponse response = ApiErrors.error(request, 400, "bad.request",
				"INVALID_CREDENTIALS: the integration's credentials were rejected when requesting a token");
		((ObjectNode) response.body()).withArray("details").addObject().put("errorCode", "ACTION.AUTHENTICATION");
		return response;
	}

}
