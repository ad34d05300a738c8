package io.github.genesysrotator.sandbox.vault;

import java.util.ArrayList;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** RFC 7386 JSON merge patch, which Vault applies for KV v2 PATCH. */
final class MergePatch {

	private MergePatch() {
	}

	static ObjectNode apply(ObjectNode target, ObjectNode patch) {
		for (Map.Entry<String, JsonNode> entry : new ArrayList<>(patch.properties())) {
			JsonNode value = entry.getValue();
			if (value.isNull()) {
				target.remove(entry.getKey());
			}
			else if (value.isObject() && target.get(entry.getKey()) instanceof ObjectNode existing) {
				apply(existing, (ObjectNode) value);
			}
			else {
				target.set(entry.getKey(), value.deepCopy());
			}
		}
		return target;
	}

}
