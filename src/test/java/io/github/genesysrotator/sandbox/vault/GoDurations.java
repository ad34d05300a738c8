package io.github.genesysrotator.sandbox.vault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Go {@code time.Duration} parsing and formatting. Vault accepts Go duration strings
 * (Spring Vault sends {@code "0s0ns"}) or integer seconds, and prints
 * {@code Duration.String()}.
 */
final class GoDurations {

	private static final Pattern UNIT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

	private GoDurations() {
	}

	static Duration parse(JsonNode value) {
		if (value == null || value.isNull()) {
			return Duration.ZERO;
		}
		if (value.isNumber()) {
			return Duration.ofSeconds(value.longValue());
		}
		return parse(value.asString());
	}

	static Duration parse(String text) {
		String trimmed = text.trim();
		if (trimmed.isEmpty()) {
			return Duration.ZERO;
		}
		if (trimmed.matches("-?\\d+")) {
			return Duration.ofSeconds(Long.parseLong(trimmed));
		}
		boolean negative = trimmed.startsWith("-");
		String unsigned = (negative || trimmed.startsWith("+")) ? trimmed.substring(1) : trimmed;
		Matcher matcher = UNIT.matcher(unsigned);
		BigDecimal nanos = BigDecimal.ZERO;
		int end = 0;
		while (matcher.find()) {
			if (matcher.start() != end) {
				throw invalid(text);
			}
			nanos = nanos
				.add(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(nanosPer(matcher.group(2)))));
			end = matcher.end();
		}
		if (end != unsigned.length() || end == 0) {
			throw invalid(text);
		}
		Duration duration = Duration.ofNanos(nanos.longValue());
		return negative ? duration.negated() : duration;
	}

	private static long nanosPer(String unit) {
		return switch (unit) {
			case "ns" -> 1L;
			case "us", "µs" -> 1_000L;
			case "ms" -> 1_000_000L;
			case "s" -> 1_000_000_000L;
			case "m" -> 60_000_000_000L;
			default -> 3_600_000_000_000L;
		};
	}

	private static VaultError invalid(String text) {
		return VaultError.badRequest("time: invalid duration \"" + text + "\"");
	}

	/**
	 * Go's {@code Duration.String()}: {@code 0s}, {@code 1h0m0s}, {@code 1.5s},
	 * {@code 300ms}.
	 */
	static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		if (duration.isNegative()) {
			return "-" + format(duration.negated());
		}
		long nanos = duration.toNanos();
		if (nanos < 1_000L) {
			return nanos + "ns";
		}
		if (nanos < 1_000_000L) {
			return decimal(nanos, 1_000L) + "µs";
		}
		if (nanos < 1_000_000_000L) {
			return decimal(nanos, 1_000_000L) + "ms";
		}
		long hours = duration.toHours();
		long minutes = duration.toMinutesPart();
		String seconds = decimal(nanos % 60_000_000_000L, 1_000_000_000L) + "s";
		if (hours > 0) {
			return hours + "h" + minutes + "m" + seconds;
		}
		return (minutes > 0) ? minutes + "m" + seconds : seconds;
	}

	private static String decimal(long value, long unit) {
		return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
	}

}
