package io.github.genesysrotator.rotation;

import java.time.Duration;

/**
 * The checks every {@code rotator.*} properties record makes while binding, so a bad
 * value stops startup with one {@link InvalidConfigurationException} naming the property.
 */
public final class ConfigurationChecks {

	private ConfigurationChecks() {
	}

	/**
	 * Refuse a setting that breaks a rule.
	 * @param valid whether the setting keeps the rule
	 * @param property the full property name, e.g. {@code rotator.metrics.refresh}
	 * @param rule what the value must be, said to the operator
	 */
	public static void require(boolean valid, String property, String rule) {
		if (!valid) {
			throw new InvalidConfigurationException(property, rule);
		}
	}

	/** Refuse a missing, zero or negative duration. */
	public static void requirePositive(String property, Duration duration) {
		require(duration != null && !duration.isNegative() && !duration.isZero(), property,
				"must be a positive duration such as 30s, 10m or 24h");
	}

	/** Refuse a missing or negative duration; zero is allowed. */
	public static void requireNonNegative(String property, Duration duration) {
		require(duration != null && !duration.isNegative(), property,
				"must be a non-negative duration such as 0s, 30s or 10m");
	}

}
