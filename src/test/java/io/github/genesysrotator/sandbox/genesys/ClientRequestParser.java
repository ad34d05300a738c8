package io.github.genesysrotator.sandbox.genesys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates an {@code OAuthClientRequest} body into a {@link ClientDraft}. The exact
 * Genesys validation messages are unconfirmed; the codes ({@code bad.request}) are not.
 */
final class ClientRequestParser {

	static final long MIN_VALIDITY = 300;

	static final long MAX_VALIDITY = 172800;

	private ClientRequestParser() {
	}

	/** The draft, or the message of the 400 to answer. */
	record Result(ClientDraft draft, String error) {

		static Result invalid(String error) {
			return new Result(null, error);
		}

	}

	static Result parse(byte[] body) {
		Optional<ObjectNode> parsed = SimJson.parseObject(body);
		if (parsed.isEmpty()) {
			return Result.invalid("The request body must be a JSON OAuthClientRequest object.");
		}
		ObjectNode json = parsed.get();
		String name = text(json, "name");
		if (name == null || name.isBlank()) {
			return Result.invalid("name is required.");
		}
		String grant = text(json, "authorizedGrantType");
		Optional<GrantType> grantType = GrantType.fromWire(grant);
		if (grantType.isEmpty()) {
			return Result.invalid((grant == null) ? "authorizedGrantType is required."
					: "authorizedGrantType is not a valid value: " + grant);
		}
		JsonNode validity = json.get("accessTokenValiditySeconds");
		long validitySeconds = ClientDraft.DEFAULT_VALIDITY_SECONDS;
		if (validity != null && !validity.isNull()) {
			if (!validity.isIntegralNumber() || validity.longValue() < MIN_VALIDITY
					|| validity.longValue() > MAX_VALIDITY) {
				return Result.invalid(
						"accessTokenValiditySeconds must be between " + MIN_VALIDITY + " and " + MAX_VALIDITY + ".");
			}
			validitySeconds = validity.longValue();
		}
		String state = text(json, "state");
		Optional<ClientState> clientState = ClientState.fromWire(state);
		if (state != null && clientState.isEmpty()) {
			return Result.invalid("state is not a valid value: " + state);
		}
		List<RoleDivision> roleDivisions = roleDivisions(json.get("roleDivisions"));
		if (roleDivisions == null) {
			return Result.invalid("roleDivisions entries need a roleId and a divisionId.");
		}
		return new Result(new ClientDraft(name, text(json, "description"), grantType.get(), validitySeconds,
				strings(json.get("registeredRedirectUri")), strings(json.get("scope")), roleDivisions,
				clientState.orElse(null), text(json, "dateToDelete")), null);
	}

	private static String text(ObjectNode json, String field) {
		JsonNode node = json.get(field);
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null && array.isArray()) {
			array.forEach((item) -> values.add(item.asString()));
		}
		return List.copyOf(values);
	}

	private static List<RoleDivision> roleDivisions(JsonNode array) {
		List<RoleDivision> grants = new ArrayList<>();
		if (array == null || array.isNull()) {
			return List.of();
		}
		if (!array.isArray()) {
			return null;
		}
		for (JsonNode item : array) {
			JsonNode roleId = item.get("roleId");
			JsonNode divisionId = item.get("divisionId");
			if (roleId == null || !roleId.isString() || divisionId == null || !divisionId.isString()) {
				return null;
			}
			grants.add(new RoleDivision(roleId.stringValue(), divisionId.stringValue()));
		}
		return List.copyOf(grants);
	}

}
