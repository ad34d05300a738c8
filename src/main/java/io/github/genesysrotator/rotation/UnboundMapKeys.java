package io.github.genesysrotator.rotation;

import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Settings under a map of named entries ({@code rotator.credentials.<name>.*},
 * {@code rotator.orgs.<name>.*}) that bound to no entry of that name. The strict binding
 * of {@link RotatorProperties} refuses a key it binds to nothing, but the binder reads
 * some entry names as other names: {@code bill ing}, {@code -billing} and
 * {@code billing!} all bind as {@code billing} (merging into that credential if it
 * exists), and environment variables, which strict binding does not check,
 * ({@code ROTATOR_CREDENTIALS_BILL_ING_ORG}) split at every underscore. Such an entry
 * would silently be another credential or none, so a setting whose entry name as written
 * is not bound stops startup instead.
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
			if (source instanceof EnumerablePropertySource<?> enumerable
					&& !(source instanceof SystemEnvironmentPropertySource)) {
				for (String property : enumerable.getPropertyNames()) {
					String name = entryName(property, prefix);
					if (name != null && !bound.contains(name)) {
						throw unbound(property, prefix);
					}
				}
			}
		}
		checkEnvironmentVariables(environment, prefix, bound);
	}

	/**
	 * Environment variables have no dots to read: take their names the way the binder
	 * maps them.
	 */
	private static void checkEnvironmentVariables(ConfigurableEnvironment environment, String prefix,
			Set<String> bound) {
		ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
		int depth = root.getNumberOfElements();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource
					&& source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(root::isAncestorOf)
					.stream()
					.filter((name) -> !bound.contains(name.getElement(depth, Form.ORIGINAL)))
					.findFirst()
					.ifPresent((name) -> {
						throw unbound(name.toString(), prefix);
					});
			}
		}
	}

	private static InvalidConfigurationException unbound(String property, String prefix) {
		return new InvalidConfigurationException(property, "does not belong to any entry of " + prefix
				+ ": an entry name is lower-case letters, digits and '-' (a '.' splits it in two)");
	}

	/**
	 * The entry name a raw property names under the prefix, or null if it is elsewhere.
	 */
	private static String entryName(String property, String prefix) {
		if (!property.startsWith(prefix) || property.length() <= prefix.length() + 1) {
			return null;
		}
		String rest = property.substring(prefix.length());
		if (rest.startsWith(".[")) {
			rest = rest.substring(1);
		}
		if (rest.startsWith("[")) {
			int end = rest.indexOf(']');
			return (end >= 0) ? rest.substring(1, end) : rest.substring(1);
		}
		if (!rest.startsWith(".")) {
			return null;
		}
		int end = 1;
		while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
			end++;
		}
		return rest.substring(1, end);
	}

}
