package io.github.genesysrotator.genesys;

import java.util.regex.Pattern;

import io.github.genesysrotator.genesys.GenesysHttp.HttpResult;
import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Genesys responses defensively. Error texts quote only the error code (an
 * ErrorBody {@code code} or an OAuth {@code error}), never a body: a body may carry a
 * secret.
 */
final class GenesysErrors {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private GenesysErrors() {
	}

	static JsonNode parse(JsonMapper json, HttpResult result, String operation) {
		try {
			JsonNode node = json.readTree(result.body());
			if (node == null || !node.isObject()) {
				throw malformed(result, operation);
			}
			return node;
		}
		catch (JacksonException ex) {
			throw malformed(result, operation);
		}
	}

	/**
	 * The {@code code} of an ErrorBody or the {@code error} of a token error. Only a
	 * value shaped like a code is quoted: the text ends up in problem details and logs,
	 * and an unexpected answer must not carry anything else there.
	 */
	static String code(JsonMapper json, HttpResult result) {
		try {
			JsonNode node = json.readTree(result.body());
			String code = node.path("code").asString(node.path("error").asString(""));
			return CODE.matcher(code).matches() ? code + " (HTTP " + result.status() + ")" : "HTTP " + result.status();
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return "HTTP " + result.status();
		}
	}

	static DependencyRejectedException rejected(JsonMapper json, HttpResult result, String what) {
		return new DependencyRejectedException(Dependency.GENESYS, result.status(),
				"Genesys refused " + what + ": " + code(json, result));
	}

	private static DependencyRejectedException malformed(HttpResult result, String operation) {
		return new DependencyRejectedException(Dependency.GENESYS, result.status(), "Genesys " + operation
				+ " answered HTTP " + result.status() + " with a body that is not a JSON object");
	}

}
