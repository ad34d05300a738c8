package io.github.genesysrotator.sandbox.genesys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.genesysrotator.sandbox.genesys.IntegrationsState.StoredCredential;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v2/integrations/credentials/**}: the models {@code Credential} (GET, with
 * sensitive fields redacted) and {@code CredentialInfo} (PUT, POST, listing). A PUT
 * replaces the whole credential: fields it omits are dropped (the unconfirmed case that
 * punishes a partial body), unless the {@code integrationCredentialPutMerges} switch
 * keeps them.
 */
final class IntegrationCredentialsEndpoints {

	static final String PATH = IntegrationRoutes.PREFIX + "/credentials";

	private static final int MAX_PAGE_SIZE = 200;

	private final IntegrationsState integrations;

	private final GenesysSimulatorOptions options;

	IntegrationCredentialsEndpoints(IntegrationsState integrations, GenesysSimulatorOptions options) {
		this.integrations = integrations;
		this.options = options;
	}

	SimResponse handle(SimRequest request, ApiRoute route, String orgId) {
		return switch (route.operation()) {
			case LIST_INTEGRATION_CREDENTIALS -> list(request, orgId);
			case LIST_CREDENTIAL_TYPES -> types();
			case CREATE_INTEGRATION_CREDENTIAL -> create(request, orgId);
			default -> existing(request, route, orgId);
		};
	}

	private SimResponse existing(SimRequest request, ApiRoute route, String orgId) {
		Optional<StoredCredential> credential = this.integrations.findCredential(orgId, route.pathClientId());
		if (credential.isEmpty()) {
			return ApiErrors.notFound(request);
		}
		return switch (route.operation()) {
			case GET_INTEGRATION_CREDENTIAL -> SimResponse.json(200, redacted(credential.get()));
			case UPDATE_INTEGRATION_CREDENTIAL -> replace(request, credential.get());
			case DELETE_INTEGRATION_CREDENTIAL -> {
				this.integrations.deleteCredential(credential.get());
				yield SimResponse.empty(204);
			}
			default -> throw new IllegalStateException("Unrouted operation " + route.operation());
		};
	}

	private SimResponse list(SimRequest request, String orgId) {
		int pageSize = intParameter(request, "pageSize", 25);
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			return ApiErrors.badRequest(request, "pageSize must be between 1 and " + MAX_PAGE_SIZE);
		}
		List<StoredCredential> all = this.integrations.listCredentials(orgId);
		int from = 0;
		String after = request.queryParameter("after");
		if (after != null && !after.isEmpty()) {
			from = cursorPosition(after, all);
			if (from < 0) {
				return ApiErrors.badRequest(request, "Invalid cursor");
			}
		}
		List<StoredCredential> page = all.subList(from, Math.min(all.size(), from + pageSize));
		ObjectNode listing = SimJson.object();
		ArrayNode entities = listing.putArray("entities");
		page.forEach((credential) -> entities.add(info(credential)));
		listing.put("selfUri", PATH + "/listing?pageSize=" + pageSize);
		if (from + pageSize < all.size()) {
			String cursor = page.get(page.size() - 1).id;
			listing.put("cursor", cursor);
			listing.put("nextUri", PATH + "/listing?pageSize=" + pageSize + "&after=" + cursor);
		}
		return SimResponse.json(200, listing);
	}

	/** The cursor is the id of the last credential of the previous page. */
	private static int cursorPosition(String after, List<StoredCredential> all) {
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).id.equals(after)) {
				return i + 1;
			}
		}
		return -1;
	}

	private static SimResponse types() {
		ObjectNode listing = SimJson.object();
		ObjectNode type = listing.putArray("entities").addObject();
		type.put("id", IntegrationsState.OAUTH_CLIENT_TYPE);
		type.put("name", IntegrationsState.OAUTH_CLIENT_TYPE);
		ObjectNode properties = type.putObject("properties");
		properties.putObject("clientId").put("type", "string").put("title", "Client ID");
		properties.putObject("clientSecret").put("type", "string").put("title", "Client Secret");
		type.putArray("displayOrder").add("clientId").add("clientSecret");
		type.putArray("required").add("clientId").add("clientSecret");
		return SimResponse.json(200, listing);
	}

	private SimResponse create(SimRequest request, String orgId) {
		Parsed parsed = parse(request);
		if (parsed.error() != null) {
			return parsed.error();
		}
		for (String required : List.of("clientId", "clientSecret")) {
			if (!parsed.fields().containsKey(required)) {
				return validation(request, "credentialFields." + required + " is required");
			}
		}
		StoredCredential created = this.integrations.createCredential(orgId, java.util.UUID.randomUUID().toString(),
				parsed.name(), parsed.type(), parsed.fields());
		return SimResponse.json(200, info(created));
	}

	private SimResponse replace(SimRequest request, StoredCredential credential) {
		Parsed parsed = parse(request);
		if (parsed.error() != null) {
			return parsed.error();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		if (this.options.integrationCredentialPutMerges()) {
			fields.putAll(credential.fields());
		}
		fields.putAll(parsed.fields());
		this.integrations.replaceCredential(credential, parsed.name(), parsed.type(), fields);
		return SimResponse.json(200, info(credential));
	}

	/** A {@code Credential} body: name and type are required, fields are strings. */
	private Parsed parse(SimRequest request) {
		Optional<ObjectNode> body = SimJson.parseObject(request.body());
		if (body.isEmpty()) {
			return Parsed.failed(ApiErrors.badRequest(request, "The request body is not a JSON object."));
		}
		String name = body.get().path("name").asString("");
		if (name.isBlank()) {
			return Parsed.failed(validation(request, "name is required"));
		}
		String type = body.get().path("type").path("name").asString("");
		if (!type.equals(IntegrationsState.OAUTH_CLIENT_TYPE)) {
			return Parsed.failed(validation(request, "type.name must be a known credential type"));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		JsonNode given = body.get().path("credentialFields");
		for (String field : given.propertyNames()) {
			if (!given.get(field).isString()) {
				return Parsed.failed(validation(request, "credentialFields." + field + " must be a string"));
			}
			fields.put(field, given.get(field).stringValue());
		}
		return new Parsed(name, type, fields, null);
	}

	private static SimResponse validation(SimRequest request, String message) {
		SimResponse response = ApiErrors.badRequest(request, message);
		((ObjectNode) response.body()).withArray("details").addObject().put("errorCode", "VALIDATION_FAILED");
		return response;
	}

	/** {@code CredentialInfo}. */
	static ObjectNode info(StoredCredential credential) {
		ObjectNode info = SimJson.object();
		info.put("id", credential.id);
		info.put("name", credential.name);
		info.put("createdDate", credential.created.toString());
		info.put("modifiedDate", credential.modified.toString());
		info.putObject("type").put("name", credential.type);
		info.put("selfUri", PATH + "/" + credential.id);
		return info;
	}

	/** {@code Credential} with the secret left out (and the client id, if switched). */
	private ObjectNode redacted(StoredCredential credential) {
		ObjectNode body = info(credential);
		ObjectNode fields = body.putObject("credentialFields");
		String clientId = credential.fields().get("clientId");
		if (clientId != null && !this.options.integrationClientIdRedacted()) {
			fields.put("clientId", clientId);
		}
		return body;
	}

	private static int intParameter(SimRequest request, String name, int fallback) {
		String value = request.queryParameter(name);
		try {
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private record Parsed(String name, String type, Map<String, String> fields, SimResponse error) {

		static Parsed failed(SimResponse error) {
			return new Parsed(null, null, Map.of(), error);
		}

	}

}
