package io.github.genesysrotator.sandbox.genesys;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the simulator, and tolerant parsing of request bodies.
 */
final class SimJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private SimJson() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	/** Empty when the body is not a JSON object: the caller answers 400. */
	static Optional<ObjectNode> parseObject(byte[] body) {
		try {
			JsonNode node = MAPPER.readTree(body);
			return (node instanceof ObjectNode object) ? Optional.of(object) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
