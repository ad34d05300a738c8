package io.github.genesysrotator.sandbox.vault;

import java.util.Comparator;

/**
 * Vault policy path patterns: a trailing {@code *} matches any suffix, {@code +} matches
 * exactly one path segment.
 */
final class PathGlob {

	/**
	 * An approximation of Vault's priority rules: exact beats glob, then the longer
	 * literal prefix, then fewer {@code +} segments, then the longer pattern.
	 */
	static final Comparator<String> MORE_SPECIFIC_FIRST = Comparator
		.comparing((String pattern) -> pattern.endsWith("*") ? 1 : 0)
		.thenComparing((String pattern) -> -literalPrefix(pattern).length())
		.thenComparing((String pattern) -> pattern.chars().filter((c) -> c == '+').count())
		.thenComparing((String pattern) -> -pattern.length());

	private PathGlob() {
	}

	static boolean matches(String pattern, String path) {
		boolean prefix = pattern.endsWith("*");
		String body = prefix ? pattern.substring(0, pattern.length() - 1) : pattern;
		if (!body.contains("+")) {
			return prefix ? path.startsWith(body) : path.equals(body);
		}
		String[] patternSegments = body.split("/", -1);
		String[] pathSegments = path.split("/", -1);
		if (pathSegments.length < patternSegments.length
				|| (!prefix && pathSegments.length != patternSegments.length)) {
			return false;
		}
		for (int i = 0; i < patternSegments.length; i++) {
			String expected = patternSegments[i];
			String actual = pathSegments[i];
			boolean last = i == patternSegments.length - 1;
			if (expected.equals("+")) {
				continue;
			}
			if (last && prefix ? !actual.startsWith(expected) : !actual.equals(expected)) {
				return false;
			}
		}
		return true;
	}

	static String literalPrefix(String pattern) {
		int end = pattern.length();
		int plus = pattern.indexOf('+');
		int star = pattern.indexOf('*');
		if (plus >= 0) {
			end = plus;
		}
		if (star >= 0) {
			end = Math.min(end, star);
		}
		return pattern.substring(0, end);
	}

}
