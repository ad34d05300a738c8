package io.github.genesysrotator.sandbox.genesys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v2/oauth/clients/**}: bearer authentication, then the per-token rate limit,
 * then the permission check, then the operation. Every answer to an authenticated request
 * carries the {@code inin-ratelimit-*} headers.
 */
final class OAuthClientsApi {

	private final SimulatorState state;

	private final RateLimiter rateLimiter;

	private final SecretAbsence secretAbsence;

	OAuthClientsApi(SimulatorState state, RateLimiter rateLimiter, SecretAbsence secretAbsence) {
		this.state = state;
		this.rateLimiter = rateLimiter;
		this.secretAbsence = secretAbsence;
	}

	SimResponse handle(SimRequest request, ApiRoute route) {
		Optional<String> bearer = bearerToken(request);
		if (bearer.isEmpty()) {
			return ApiErrors.authenticationRequired(request);
		}
		// One lock for authentication and the operation, so a concurrent regeneration
		// cannot interleave with a request that already passed the token check.
		synchronized (this.state) {
			Optional<OAuthClientEntity> caller = this.state.authenticate(bearer.get());
			if (caller.isEmpty()) {
				return ApiErrors.badCredentials(request);
			}
			RateLimiter.Decision decision = this.rateLimiter.acquire(bearer.get(), this.state.now());
			SimResponse response = decision.allowed() ? authorized(request, route, caller.get())
					: ApiErrors.tooManyRequests(request, decision.resetSeconds());
			return response.headers(decision.headers());
		}
	}

	private SimResponse authorized(SimRequest request, ApiRoute route, OAuthClientEntity caller) {
		OAuthPermission required = requiredPermission(route.operation());
		if (!this.state.permissionsOf(caller).contains(required.value())) {
			return ApiErrors.missingPermission(request, required);
		}
		if (route.operation() == Operation.LIST_CLIENTS) {
			return list(caller);
		}
		if (route.operation() == Operation.CREATE_CLIENT) {
			return create(request, caller);
		}
		Optional<OAuthClientEntity> target = this.state.findClient(caller.orgId(), route.pathClientId());
		if (target.isEmpty()) {
			return ApiErrors.notFound(request);
		}
		return switch (route.operation()) {
			case GET_CLIENT -> SimResponse.json(200, ClientJson.withoutSecret(target.get(), this.secretAbsence));
			case UPDATE_CLIENT -> update(request, caller, target.get());
			case DELETE_CLIENT -> delete(request, target.get());
			case REGENERATE_SECRET -> regenerate(caller, target.get());
			default -> throw new IllegalStateException("Unrouted operation " + route.operation());
		};
	}

	private SimResponse list(OAuthClientEntity caller) {
		List<OAuthClientEntity> clients = this.state.listClients(caller.orgId());
		ObjectNode listing = SimJson.object();
		ArrayNode entities = listing.putArray("entities");
		clients.forEach((client) -> entities.add(ClientJson.withoutSecret(client, this.secretAbsence)));
		// One page holding everything: the SDKs send no paging parameters (fact sheet
		// 4.1).
		int size = Math.max(clients.size(), 25);
		String pageUri = ApiRoute.CLIENTS_PATH + "?pageSize=" + size + "&pageNumber=1";
		listing.put("pageSize", size);
		listing.put("pageNumber", 1);
		listing.put("total", clients.size());
		listing.put("firstUri", pageUri);
		listing.put("selfUri", pageUri);
		listing.put("lastUri", pageUri);
		listing.put("pageCount", 1);
		return SimResponse.json(200, listing);
	}

	private SimResponse create(SimRequest request, OAuthClientEntity caller) {
		ClientRequestParser.Result parsed = ClientRequestParser.parse(request.body());
		if (parsed.error() != null) {
			return ApiErrors.badRequest(request, parsed.error());
		}
		OAuthClientEntity created = this.state.createClient(caller, parsed.draft());
		return SimResponse.json(200, ClientJson.withSecret(created));
	}

	private SimResponse update(SimRequest request, OAuthClientEntity caller, OAuthClientEntity target) {
		ClientRequestParser.Result parsed = ClientRequestParser.parse(request.body());
		if (parsed.error() != null) {
			return ApiErrors.badRequest(request, parsed.error());
		}
		this.state.updateClient(caller, target, parsed.draft());
		return SimResponse.json(200, ClientJson.withoutSecret(target, this.secretAbsence));
	}

	private SimResponse delete(SimRequest request, OAuthClientEntity target) {
		// Terraform sets state inactive before DELETE because the API requires it; the
		// real error text is unconfirmed.
		if (target.state() != ClientState.INACTIVE) {
			return ApiErrors.badRequest(request, "The OAuth client must be inactive before it can be deleted.");
		}
		this.state.deleteClient(target);
		return SimResponse.empty(204);
	}

	private SimResponse regenerate(OAuthClientEntity caller, OAuthClientEntity target) {
		this.state.regenerateSecret(caller, target);
		return SimResponse.json(200, ClientJson.withSecret(target));
	}

	private static OAuthPermission requiredPermission(Operation operation) {
		return switch (operation) {
			case LIST_CLIENTS, GET_CLIENT -> OAuthPermission.VIEW;
			case CREATE_CLIENT -> OAuthPermission.ADD;
			case UPDATE_CLIENT, REGENERATE_SECRET -> OAuthPermission.EDIT;
			case DELETE_CLIENT -> OAuthPermission.DELETE;
			default -> throw new IllegalArgumentException("Not an API operation: " + operation);
		};
	}

	static Optional<String> bearerToken(SimRequest request) {
		String authorization = request.header("Authorization");
		if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
			return Optional.empty();
		}
		String token = authorization.substring("bearer ".length()).trim();
		return token.isEmpty() ? Optional.empty() : Optional.of(token);
	}

}
