package io.github.genesysrotator.sandbox.genesys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of the fault types that answer, but not as the API would: what a proxy, a
 * cut connection or a careless API change can send back.
 */
final class MalformedResponses {

	static final String HTML_PAGE = "<!DOCTYPE html><html><head><title>Sign in</title></head>"
			+ "<body><form action=\"/login\"><input name=\"user\"></form></body></html>";

	private MalformedResponses() {
	}

	/**
	 * What is sent for a malformed answer.
	 *
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type} header
	 * @param body the body bytes
	 */
	record Malformed(int status, String contentType, byte[] body) {

	}

	static Malformed htmlPage() {
		return new Malformed(200, "text/html; charset=utf-8", HTML_PAGE.getBytes(StandardCharsets.UTF_8));
	}

	/** A JSON array, {@code size} bytes long with its whitespace. */
	static Malformed hugeBody(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) ' ');
		body[0] = '[';
		body[size - 1] = ']';
		return new Malformed(200, "application/json", body);
	}

	/** The first half of the real answer's JSON. */
	static Malformed truncated(SimResponse real) {
		byte[] json = jsonBytes(real);
		return new Malformed(real.status(), "application/json", Arrays.copyOf(json, json.length / 2));
	}

	static Malformed withExtraFields(SimResponse real) {
		if (real.body() instanceof ObjectNode object) {
			ObjectNode extended = object.deepCopy();
			extended.put("unexpectedField", "added by the simulator");
			extended.putObject("unexpectedObject").put("nested", true).putArray("items").add(1).add(2);
			return new Malformed(real.status(), "application/json", SimJson.bytes(extended));
		}
		return new Malformed(real.status(), "application/json", jsonBytes(real));
	}

	static Malformed withoutField(SimResponse real, String field) {
		if (real.body() instanceof ObjectNode object) {
			ObjectNode reduced = object.deepCopy();
			reduced.remove(field);
			return new Malformed(real.status(), "application/json", SimJson.bytes(reduced));
		}
		return new Malformed(real.status(), "application/json", jsonBytes(real));
	}

	static Malformed relabelled(SimResponse real, String contentType) {
		return new Malformed(real.status(), contentType, jsonBytes(real));
	}

	private static byte[] jsonBytes(SimResponse real) {
		return (real.body() != null) ? SimJson.bytes(real.body()) : new byte[0];
	}

}
