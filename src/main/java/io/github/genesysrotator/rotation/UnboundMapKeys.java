package io.github.genesysrotator.rotation;

import java.util.Set;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Settings under a map of named entries ({@code rotator.credentials.<name>.*},
 * {@code rotator.orgs.<name>.*}) that bound to no entry. The binder cannot read every key
 * as a name: {@code bill.ing} splits at the dot, and an entry it cannot read is dropped
 * without a word, so a credential would silently never rotate. Such a setting stops
 * startup instead.
 */
final class UnboundMapKeys {

	private UnboundMapKeys() {
	}

	/**
	 * Refuse the first setting under {@code prefix} whose entry name is not bound.
	 * @param environment where the settings come from
	 * @param prefix the map property, e.g. {@code rotator.credentials}
	 * @param bound the names the binder produced
	 */
	static void check(ConfigurableEnvironment environment, String prefix, Set<String> bound) {
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String property : enumerable.getPropertyNames()) {
					String name = entryName(property, prefix);
					if (name != null && !bound.contains(name)) {
						throw new InvalidConfigurationException(property, "does not belong to any entry of " + prefix
								+ ": an entry name is lower-case letters, digits and '-' (a '.' splits it, other "
								+ "characters are dropped), or written in brackets as " + prefix + "[name]");
					}
				}
			}
		}
	}

	/**
	 * The entry name a raw property names under the prefix, or null if it is elsewhere.
	 */
	private static String entryName(String property, String prefix) {
		if (!property.startsWith(prefix) || property.length() <= prefix.length() + 1) {
			return null;
		}
		char separator = property.charAt(prefix.length());
		String rest = property.substring(prefix.length() + 1);
		if (separator == '[') {
			int end = rest.indexOf(']');
			return (end >= 0) ? rest.substring(0, end) : rest;
		}
		if (separator != '.') {
			return null;
		}
		int end = 0;
		while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
			end++;
		}
		return rest.substring(0, end);
	}

}
