package io.github.genesysrotator.sandbox.vault;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Vault's JSON shapes shared by every endpoint: the response envelope and timestamps.
 */
final class Envelopes {

	/**
	 * Big decimals keep numbers as written, like Vault's {@code UseNumber} decoding.
	 */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private Envelopes() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	/**
	 * The envelope of {@code sdk/logical/translate_response.go}: absent values are
	 * {@code null}, never missing, and {@code renewable}/{@code lease_duration} are never
	 * null because Spring Vault binds them to primitives.
	 */
	static ObjectNode envelope(JsonNode data, List<String> warnings, JsonNode auth, String mountType) {
		ObjectNode envelope = object();
		envelope.put("request_id", UUID.randomUUID().toString());
		envelope.put("lease_id", "");
		envelope.put("renewable", false);
		envelope.put("lease_duration", 0);
		envelope.set("data", data);
		envelope.putNull("wrap_info");
		if (warnings == null || warnings.isEmpty()) {
			envelope.putNull("warnings");
		}
		else {
			ArrayNode array = envelope.putArray("warnings");
			warnings.forEach(array::add);
		}
		envelope.set("auth", auth);
		envelope.put("mount_type", mountType);
		return envelope;
	}

	/**
	 * Protobuf's {@code TimestampString}: RFC3339 in UTC, fractional seconds with
	 * trailing zeros trimmed; {@code ""} when unset.
	 */
	static String timestamp(Instant instant) {
		if (instant == null) {
			return "";
		}
		Instant seconds = Instant.ofEpochSecond(instant.getEpochSecond());
		String base = seconds.toString();
		if (instant.getNano() == 0) {
			return base;
		}
		String fraction = String.format("%09d", instant.getNano()).replaceAll("0+$", "");
		return base.substring(0, base.length() - 1) + "." + fraction + "Z";
	}

}
