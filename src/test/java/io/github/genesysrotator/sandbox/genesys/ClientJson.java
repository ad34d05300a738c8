package io.github.genesysrotator.sandbox.genesys;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders {@code OAuthClient} JSON. Null optional fields are left out, as Genesys does;
 * the secret appears only where the caller asks for it.
 */
final class ClientJson {

	/** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, always in UTC. */
	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private ClientJson() {
	}

	static ObjectNode withSecret(OAuthClientEntity client) {
		ObjectNode node = render(client);
		node.put("secret", client.secret());
		return node;
	}

	static ObjectNode withoutSecret(OAuthClientEntity client, SecretAbsence absence) {
		ObjectNode node = render(client);
		switch (absence) {
			case NULL -> node.putNull("secret");
			case EMPTY_STRING -> node.put("secret", "");
			case OMITTED -> {
			}
		}
		return node;
	}

	private static ObjectNode render(OAuthClientEntity client) {
		ClientDraft fields = client.fields();
		ObjectNode node = SimJson.object();
		node.put("id", client.id());
		node.put("name", fields.name());
		node.put("accessTokenValiditySeconds", fields.accessTokenValiditySeconds());
		if (fields.description() != null) {
			node.put("description", fields.description());
		}
		putIfNotEmpty(node, "registeredRedirectUri", fields.registeredRedirectUri());
		node.put("dateCreated", format(client.dateCreated()));
		node.put("dateModified", format(client.dateModified()));
		node.set("createdBy", ref(client.createdBy()));
		node.set("modifiedBy", ref(client.modifiedBy()));
		node.put("authorizedGrantType", fields.grantType().wireValue());
		putIfNotEmpty(node, "scope", fields.scope());
		ArrayNode roleDivisions = node.putArray("roleDivisions");
		fields.roleDivisions()
			.forEach((grant) -> roleDivisions.addObject()
				.put("roleId", grant.roleId())
				.put("divisionId", grant.divisionId()));
		node.put("state", client.state().wireValue());
		if (fields.dateToDelete() != null) {
			node.put("dateToDelete", fields.dateToDelete());
		}
		node.put("selfUri", ApiRoute.CLIENTS_PATH + "/" + client.id());
		return node;
	}

	/** Empty lists are left out like nulls: client-credentials clients have no scopes. */
	private static void putIfNotEmpty(ObjectNode node, String field, List<String> values) {
		if (!values.isEmpty()) {
			ArrayNode array = node.putArray(field);
			values.forEach(array::add);
		}
	}

	static String format(Instant instant) {
		return DATE_TIME.format(instant);
	}

	private static ObjectNode ref(EntityRef ref) {
		ObjectNode node = SimJson.object();
		node.put("id", ref.id());
		node.put("name", ref.name());
		node.put("selfUri", ref.selfUri());
		return node;
	}

}
