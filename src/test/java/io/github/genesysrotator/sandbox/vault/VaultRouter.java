package io.github.genesysrotator.sandbox.vault;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.genesysrotator.sandbox.vault.SimRequest.Operation;

/**
 * Request pipeline in Vault's order: health (unauthenticated, works sealed), seal check,
 * logins, token check, self-service endpoints, then ACL-checked routes.
 */
final class VaultRouter {

	private final ServerState state;

	private final HealthEndpoint health;

	private final TokenStore tokens;

	private final Map<String, KvMount> mounts;

	private final Map<String, VaultPolicy> policies;

	private final AuthRoutes auth;

	private final SysRoutes sys;

	VaultRouter(ServerState state, HealthEndpoint health, TokenStore tokens, Map<String, KvMount> mounts,
			Map<String, VaultPolicy> policies, AuthRoutes auth) {
		this.state = state;
		this.health = health;
		this.tokens = tokens;
		this.mounts = mounts;
		this.policies = policies;
		this.auth = auth;
		this.sys = new SysRoutes(mounts, policies, this::policiesOf);
	}

	SimResponse route(SimRequest request) {
		try {
			return dispatch(request);
		}
		catch (VaultError error) {
			return SimResponse.error(error);
		}
	}

	private SimResponse dispatch(SimRequest request) {
		String path = request.path();
		if (path.equals("sys/health")) {
			return this.health.handle(request);
		}
		if (this.state.sealed || !this.state.initialized) {
			throw VaultError.sealed();
		}
		if (AuthRoutes.isLogin(path)) {
			return this.auth.login(request);
		}
		SimToken token = authenticate(request.token());
		SimResponse selfService = firstNonNull(this.auth.selfService(request, token),
				this.sys.selfService(request, token));
		if (selfService != null) {
			return selfService;
		}
		if (path.startsWith("sys/") || path.equals("auth/token/create")) {
			return privileged(request, token);
		}
		KvMount mount = mountFor(path);
		String rest = (mount != null) ? pathInMount(mount, path) : null;
		String capability = (mount != null) ? KvRoutes.requiredCapability(mount, request, rest)
				: capabilityFor(request.operation());
		authorize(token, aclPath(request, path), capability);
		if (mount == null) {
			throw VaultError.of(404, "no handler for route \"" + path + "\". route entry not found.");
		}
		return KvRoutes.handle(mount, request, rest);
	}

	private static String pathInMount(KvMount mount, String path) {
		return (path.length() >= mount.path().length()) ? path.substring(mount.path().length()) : "";
	}

	private SimResponse privileged(SimRequest request, SimToken token) {
		authorize(token, request.path(), "sudo");
		SimResponse response = request.path().equals("auth/token/create") ? this.auth.create(request)
				: this.sys.privileged(request);
		if (response == null) {
			throw VaultError.of(404, "unsupported path");
		}
		return response;
	}

	private SimToken authenticate(String tokenId) {
		if (tokenId == null || tokenId.isEmpty()) {
			throw VaultError.permissionDenied();
		}
		SimToken token = this.tokens.find(tokenId);
		if (token == null) {
			throw VaultError.invalidToken();
		}
		return token;
	}

	private void authorize(SimToken token, String path, String capability) {
		if (token.isRoot()) {
			return;
		}
		if (!VaultPolicy.capabilities(policiesOf(token), path).contains(capability)) {
			throw VaultError.permissionDenied();
		}
	}

	List<VaultPolicy> policiesOf(SimToken token) {
		return token.policies().stream().map(this.policies::get).filter(Objects::nonNull).toList();
	}

	SysRoutes sys() {
		return this.sys;
	}

	private KvMount mountFor(String path) {
		String withSlash = path + "/";
		return this.mounts.values()
			.stream()
			.filter((mount) -> withSlash.startsWith(mount.path()))
			.findFirst()
			.orElse(null);
	}

	/** Vault appends a slash to list paths before the ACL check. */
	private static String aclPath(SimRequest request, String path) {
		return (request.operation() == Operation.LIST && !path.endsWith("/")) ? path + "/" : path;
	}

	private static String capabilityFor(Operation operation) {
		return switch (operation) {
			case READ, HEAD -> "read";
			case LIST -> "list";
			case DELETE -> "delete";
			case PATCH -> "patch";
			case CREATE_OR_UPDATE -> "update";
		};
	}

	private static SimResponse firstNonNull(SimResponse first, SimResponse second) {
		return (first != null) ? first : second;
	}

}
