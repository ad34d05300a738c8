package io.github.genesysrotator.sandbox.vault;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.sandbox.vault.AuthRoles.AppRole;
import io.github.genesysrotator.sandbox.vault.AuthRoles.KubernetesRole;
import io.github.genesysrotator.sandbox.vault.SimRequest.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The token self-service endpoints, token creation and the two login methods. */
final class AuthRoutes {

	private final TokenStore tokens;

	private final AuthRoles roles;

	private final Clock clock;

	AuthRoutes(TokenStore tokens, AuthRoles roles, Clock clock) {
		this.tokens = tokens;
		this.roles = roles;
		this.clock = clock;
	}

	static boolean isLogin(String path) {
		return path.equals("auth/kubernetes/login") || path.equals("auth/approle/login");
	}

	SimResponse login(SimRequest request) {
		requireWrite(request);
		return request.path().equals("auth/kubernetes/login") ? kubernetesLogin(request) : appRoleLogin(request);
	}

	/**
	 * Token endpoints every valid token may call (Vault's default policy); null if not
	 * one.
	 */
	SimResponse selfService(SimRequest request, SimToken token) {
		return switch (request.path()) {
			case "auth/token/lookup-self" ->
				SimResponse.json(200, Envelopes.envelope(lookup(token), null, null, "token"));
			case "auth/token/renew-self" -> renewSelf(request, token);
			case "auth/token/revoke-self" -> revokeSelf(request, token);
			default -> null;
		};
	}

	/** {@code auth/token/create}: policies, ttl, renewable (default true). */
	SimResponse create(SimRequest request) {
		requireWrite(request);
		List<String> policies = strings(request.bodyField("policies"));
		if (policies.isEmpty()) {
			policies = List.of("default");
		}
		Duration ttl = GoDurations.parse(request.bodyField("ttl"));
		JsonNode renewable = request.bodyField("renewable");
		SimToken token = this.tokens.create(policies, ttl, renewable == null || renewable.asBoolean(),
				"auth/token/create", Map.of());
		return auth(token);
	}

	private SimResponse kubernetesLogin(SimRequest request) {
		String role = text(request.bodyField("role"));
		String jwt = text(request.bodyField("jwt"));
		if (role.isEmpty()) {
			throw VaultError.badRequest("missing role");
		}
		if (jwt.isEmpty()) {
			throw VaultError.badRequest("missing jwt");
		}
		KubernetesRole configured = this.roles.kubernetes.get(role);
		if (configured == null) {
			throw VaultError.badRequest("invalid role name \"" + role + "\"");
		}
		if (!configured.acceptedJwts().isEmpty() && !configured.acceptedJwts().contains(jwt)) {
			throw VaultError.permissionDenied();
		}
		return auth(this.tokens.create(configured.policies(), configured.ttl(), true, "auth/kubernetes/login",
				Map.of("role", role, "service_account_name", "sim", "service_account_namespace", "default",
						"service_account_secret_name", "", "service_account_uid", "sim-uid")));
	}

	private SimResponse appRoleLogin(SimRequest request) {
		String roleId = text(request.bodyField("role_id"));
		String secretId = text(request.bodyField("secret_id"));
		if (roleId.isEmpty()) {
			throw VaultError.badRequest("missing role_id");
		}
		if (secretId.isEmpty()) {
			throw VaultError.badRequest("missing secret_id");
		}
		AppRole role = this.roles.appRoles.get(roleId);
		if (role == null || !role.secretId().equals(secretId)) {
			throw VaultError.badRequest("invalid role or secret ID");
		}
		return auth(this.tokens.create(role.policies(), role.ttl(), true, "auth/approle/login",
				Map.of("role_name", roleId)));
	}

	private SimResponse renewSelf(SimRequest request, SimToken token) {
		requireWrite(request);
		JsonNode increment = request.bodyField("increment");
		SimToken renewed = this.tokens.renew(token, (increment != null) ? GoDurations.parse(increment) : null);
		return auth(renewed);
	}

	private SimResponse revokeSelf(SimRequest request, SimToken token) {
		requireWrite(request);
		this.tokens.revoke(token.id());
		return SimResponse.noContent();
	}

	private ObjectNode lookup(SimToken token) {
		ObjectNode data = Envelopes.object();
		data.put("accessor", token.accessor());
		data.put("creation_time", token.issueTime().getEpochSecond());
		data.put("creation_ttl", token.ttl().toSeconds());
		data.put("display_name", token.isRoot() ? "root" : "token");
		data.put("entity_id", "");
		data.put("expire_time", (token.expireTime() != null) ? Envelopes.timestamp(token.expireTime()) : null);
		data.put("explicit_max_ttl", 0);
		data.put("id", token.id());
		data.put("issue_time", Envelopes.timestamp(token.issueTime()));
		ObjectNode meta = data.putObject("meta");
		token.meta().forEach(meta::put);
		data.put("num_uses", 0);
		data.put("orphan", true);
		data.put("path", token.path());
		addStrings(data.putArray("policies"), token.policies());
		data.put("renewable", token.renewable());
		data.put("ttl", token.remainingSeconds(this.clock.instant()));
		data.put("type", "service");
		return data;
	}

	private SimResponse auth(SimToken token) {
		ObjectNode auth = Envelopes.object();
		auth.put("client_token", token.id());
		auth.put("accessor", token.accessor());
		addStrings(auth.putArray("policies"), token.policies());
		addStrings(auth.putArray("token_policies"), token.policies());
		ObjectNode metadata = auth.putObject("metadata");
		token.meta().forEach(metadata::put);
		auth.put("lease_duration", token.remainingSeconds(this.clock.instant()));
		auth.put("renewable", token.renewable());
		auth.put("entity_id", "");
		auth.put("token_type", "service");
		auth.put("orphan", true);
		auth.putNull("mfa_requirement");
		auth.put("num_uses", 0);
		return SimResponse.json(200, Envelopes.envelope(null, null, auth, ""));
	}

	private static void requireWrite(SimRequest request) {
		if (request.operation() != Operation.CREATE_OR_UPDATE) {
			throw VaultError.unsupportedOperation();
		}
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? "" : node.asString();
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach((value) -> values.add(value.asString()));
		}
		else if (node != null && node.isString()) {
			for (String part : node.asString().split(",")) {
				if (!part.isBlank()) {
					values.add(part.trim());
				}
			}
		}
		return values;
	}

	private static void addStrings(ArrayNode array, List<String> values) {
		values.forEach(array::add);
	}

}
