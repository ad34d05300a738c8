package io.github.genesysrotator.sandbox.genesys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares responses with the fixtures in {@code src/test/resources/genesys/}. A fixture
 * fixes the exact field set; literal values must match, and these placeholders match a
 * kind of value: {@code "<string>"}, {@code "<uuid>"}, {@code "<datetime>"} (Genesys
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}), {@code "<token>"} (opaque access token),
 * {@code "<int>"}, {@code "<any>"}.
 */
final class JsonFixtures {

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{60,120}");

	private JsonFixtures() {
	}

	static JsonNode load(String name) {
		try (InputStream in = JsonFixtures.class.getResourceAsStream("/genesys/" + name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return SimJson.MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void assertMatches(String actualJson, String fixtureName) {
		assertMatches(SimJson.MAPPER.readTree(actualJson), load(fixtureName), "$");
	}

	private static void assertMatches(JsonNode actual, JsonNode expected, String path) {
		if (expected.isString() && expected.stringValue().startsWith("<") && expected.stringValue().endsWith(">")) {
			assertPlaceholder(actual, expected.stringValue(), path);
		}
		else if (expected.isObject()) {
			assertThat(actual.isObject()).as("%s is an object: %s", path, actual).isTrue();
			assertThat(names(actual)).as("fields of %s", path).isEqualTo(names(expected));
			expected.properties()
				.forEach((entry) -> assertMatches(actual.get(entry.getKey()), entry.getValue(),
						path + "." + entry.getKey()));
		}
		else if (expected.isArray()) {
			assertThat(actual.isArray()).as("%s is an array: %s", path, actual).isTrue();
			assertThat(actual.size()).as("size of %s", path).isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertMatches(actual.get(i), expected.get(i), path + "[" + i + "]");
			}
		}
		else {
			assertThat(actual).as(path).isEqualTo(expected);
		}
	}

	private static void assertPlaceholder(JsonNode actual, String placeholder, String path) {
		switch (placeholder) {
			case "<any>" -> assertThat(actual).as(path).isNotNull();
			case "<int>" -> assertThat(actual.isIntegralNumber()).as("%s is an integer: %s", path, actual).isTrue();
			case "<string>" -> assertThat(actual.isString()).as("%s is a string: %s", path, actual).isTrue();
			case "<uuid>" -> assertThat(actual.asString()).as(path).matches(UUID);
			case "<datetime>" -> assertThat(actual.asString()).as(path).matches(DATE_TIME);
			case "<token>" -> assertThat(actual.asString()).as(path).matches(TOKEN);
			default -> throw new IllegalArgumentException("Unknown placeholder " + placeholder + " at " + path);
		}
	}

	private static Set<String> names(JsonNode node) {
		Set<String> names = new TreeSet<>();
		node.properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

}
