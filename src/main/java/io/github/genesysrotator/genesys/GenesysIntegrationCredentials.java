package io.github.genesysrotator.genesys;

import io.github.genesysrotator.genesys.GenesysHttp.HttpResult;
import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.Fence;
import io.github.genesysrotator.rotation.IntegrationCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;

/**
 * {@link IntegrationCredentials} over {@code /api/v2/integrations/credentials/{id}}. A
 * PUT always carries the full body (name, type, both fields): whether Genesys keeps
 * omitted fields is unconfirmed, and a full replace would drop the client id. A 403 names
 * the permission the admin role lacks.
 */
class GenesysIntegrationCredentials implements IntegrationCredentials {

	private static final String PATH = "/api/v2/integrations/credentials/";

	private final GenesysCloudClient client;

	private final JsonMapper json;

	GenesysIntegrationCredentials(GenesysCloudClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
	}

	@Override
	public IntegrationCredentialView get(String org, String credentialId) {
		String what = "reading integration credential " + credentialId;
		HttpResult result = this.client.read(org, "get_integration_credential", PATH + credentialId);
		if (!result.ok()) {
			throw refused(result, what, "integrations:integration:view");
		}
		JsonNode credential = GenesysErrors.parse(this.json, result, "get_integration_credential");
		String clientId = credential.path("credentialFields").path("clientId").asString("");
		return new IntegrationCredentialView(credential.path("id").asString(credentialId),
				credential.path("name").asString(""), credential.path("type").path("name").asString(""),
				clientId.isEmpty() ? null : clientId);
	}

	@Override
	public void replace(String org, IntegrationCredentialWrite write, Fence fence) {
		ObjectNode body = this.json.createObjectNode();
		body.put("name", write.name());
		body.putObject("type").put("name", OAUTH_CLIENT_TYPE);
		body.putObject("credentialFields")
			.put("clientId", write.clientId())
			.put("clientSecret", write.secret().reveal());
		HttpResult result = this.client.write(org, "update_integration_credential", HttpMethod.PUT,
				PATH + write.credentialId(), this.json.writeValueAsString(body), fence);
		if (!result.ok()) {
			throw refused(result, "updating integration credential " + write.credentialId(),
					"integrations:integration:edit");
		}
	}

	private DependencyRejectedException refused(HttpResult result, String what, String permission) {
		DependencyRejectedException rejected = GenesysErrors.rejected(this.json, result, what);
		if (result.status() != 403) {
			return rejected;
		}
		return new DependencyRejectedException(Dependency.GENESYS, 403,
				rejected.getMessage() + "; the admin role needs the permission " + permission);
	}

}
