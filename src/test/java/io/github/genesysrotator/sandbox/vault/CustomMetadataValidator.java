package io.github.genesysrotator.sandbox.vault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The plugin's {@code validateCustomMetadata}: 64 keys (checked first, short-circuits),
 * keys 1..128 bytes, values 1..512 bytes, printable; every failure collected into one
 * multierror string.
 */
final class CustomMetadataValidator {

	static final int MAX_KEYS = 64;

	static final int MAX_KEY_LENGTH = 128;

	static final int MAX_VALUE_LENGTH = 512;

	private static final String PREFIX = "custom_metadata validation failed";

	private CustomMetadataValidator() {
	}

	/**
	 * Decode {@code custom_metadata} weakly (numbers and booleans become strings, null
	 * values stay null for PATCH removal) and validate it.
	 */
	static Map<String, String> decode(JsonNode node, boolean allowNullValues) {
		if (node == null || node.isNull()) {
			return new LinkedHashMap<>();
		}
		if (!node.isObject()) {
			throw VaultError.badRequest("invalid custom_metadata: expected a map");
		}
		Map<String, String> decoded = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (value.isNull() && allowNullValues) {
				decoded.put(entry.getKey(), null);
			}
			else if (value.isValueNode()) {
				decoded.put(entry.getKey(), value.isNull() ? "" : value.asString());
			}
			else {
				throw VaultError.badRequest("invalid custom_metadata: '" + entry.getKey() + "' expected type 'string'");
			}
		}
		validate(decoded);
		return decoded;
	}

	static void validate(Map<String, String> customMetadata) {
		if (customMetadata.size() > MAX_KEYS) {
			throw failure(List.of(PREFIX + ": payload must contain at most " + MAX_KEYS + " keys, provided "
					+ customMetadata.size()));
		}
		List<String> errors = new ArrayList<>();
		customMetadata.forEach((key, value) -> {
			if (value == null) {
				return;
			}
			int keyLength = key.getBytes(StandardCharsets.UTF_8).length;
			if (keyLength == 0 || keyLength > MAX_KEY_LENGTH) {
				errors.add(PREFIX + ": length of key " + quote(key) + " is " + keyLength
						+ " but must be 0 < len(key) <= " + MAX_KEY_LENGTH);
			}
			int valueLength = value.getBytes(StandardCharsets.UTF_8).length;
			if (valueLength == 0 || valueLength > MAX_VALUE_LENGTH) {
				errors.add(PREFIX + ": length of value for key " + quote(key) + " is " + valueLength
						+ " but must be 0 < len(value) <= " + MAX_VALUE_LENGTH);
			}
			if (!printable(key)) {
				errors.add(PREFIX + ": key " + quote(key) + " (" + quote(key) + ") contains unprintable characters");
			}
			if (!printable(value)) {
				errors.add(PREFIX + ": value for key " + quote(key) + " contains unprintable characters");
			}
		});
		if (!errors.isEmpty()) {
			throw failure(errors);
		}
	}

	private static VaultError failure(List<String> errors) {
		return VaultError.badRequest(Multierror.format(errors));
	}

	private static boolean printable(String text) {
		return text.codePoints().noneMatch(Character::isISOControl);
	}

	/** Go's %q for the common cases. */
	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		text.codePoints().forEach((codePoint) -> {
			switch (codePoint) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (Character.isISOControl(codePoint)) {
						quoted.append(String.format("\\x%02x", codePoint));
					}
					else {
						quoted.appendCodePoint(codePoint);
					}
				}
			}
		});
		return quoted.append('"').toString();
	}

}
