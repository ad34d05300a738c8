package io.github.genesysrotator.sandbox.genesys;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code /api/v2/integrations/**}: bearer authentication, the per-token rate limit and
 * the permission check, as for the OAuth clients API, then the credentials or the Data
 * Actions endpoints.
 */
final class IntegrationsApi {

	private final SimulatorState state;

	private final RateLimiter rateLimiter;

	private final IntegrationCredentialsEndpoints credentials;

	private final DataActionsEndpoints dataActions;

	IntegrationsApi(SimulatorState state, RateLimiter rateLimiter, GenesysSimulatorOptions options,
			UsageReports usage) {
		this.state = state;
		this.rateLimiter = rateLimiter;
		this.credentials = new IntegrationCredentialsEndpoints(state.integrations(), options);
		this.dataActions = new DataActionsEndpoints(state, state.integrations(), options, usage);
	}

	SimResponse handle(SimRequest request, ApiRoute route) {
		String authorization = request.header("Authorization");
		if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
			return ApiErrors.authenticationRequired(request);
		}
		String bearer = authorization.substring("bearer ".length()).trim();
		synchronized (this.state) {
			Optional<OAuthClientEntity> caller = this.state.authenticate(bearer);
			if (caller.isEmpty()) {
				return ApiErrors.badCredentials(request);
			}
			RateLimiter.Decision decision = this.rateLimiter.acquire(bearer, this.state.now());
			SimResponse response = decision.allowed() ? authorized(request, route, caller.get())
					: ApiErrors.tooManyRequests(request, decision.resetSeconds());
			return response.headers(decision.headers());
		}
	}

	private SimResponse authorized(SimRequest request, ApiRoute route, OAuthClientEntity caller) {
		IntegrationPermission required = IntegrationPermission.requiredFor(route.operation());
		if (!this.state.permissionsOf(caller).contains(required.value())) {
			return ApiErrors.missingPermission(request, required.value());
		}
		return switch (route.operation()) {
			case LIST_INTEGRATION_CREDENTIALS, LIST_CREDENTIAL_TYPES, GET_INTEGRATION_CREDENTIAL,
					CREATE_INTEGRATION_CREDENTIAL, UPDATE_INTEGRATION_CREDENTIAL, DELETE_INTEGRATION_CREDENTIAL ->
				this.credentials.handle(request, route, caller.orgId());
			default -> this.dataActions.handle(request, route, caller.orgId());
		};
	}

}
