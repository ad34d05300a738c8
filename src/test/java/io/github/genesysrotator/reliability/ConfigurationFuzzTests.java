package io.github.genesysrotator.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.genesysrotator.rotation.InvalidConfigurationException;
import io.github.genesysrotator.rotation.RotatorPropertiesConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated invalid {@code rotator.*} settings, each applied alone on top of a valid
 * configuration, through the real properties records and the real startup checks
 * ({@code RotatorConfigurationValidator}, {@code OrgDirectory} for regions, bean
 * validation of the API tokens, the properties records' own checks): every one must stop
 * startup with one error that names the property.
 */
class ConfigurationFuzzTests {

	private static final String A = "11111111-1111-4111-8111-111111111111";

	private static final String B = "22222222-2222-4222-8222-222222222222";

	private static final String C = "33333333-3333-4333-8333-333333333333";

	private static final String D = "44444444-4444-4444-8444-444444444444";

	private static final String E = "66666666-6666-4666-8666-666666666666";

	private static final String F = "77777777-7777-4777-8777-777777777777";

	private static final String HASH = "8ed7a3cb498a69b97157eb5c685b8831eabdc118fce9a4c75425920ab3ddf6e0";

	private static final List<String> VALID = List.of("rotator.orgs.acme.region=us_east_1",
			"rotator.orgs.acme.admin-vault-path=genesys/admin", "rotator.orgs.other.region=eu_west_1",
			"rotator.orgs.other.admin-vault-path=genesys/other-admin", "rotator.credentials.billing.org=acme",
			"rotator.credentials.billing.client-ids=" + A + "," + B,
			"rotator.credentials.billing.vault-path=genesys/billing", "rotator.credentials.billing.window=0 0 2 * * *",
			"rotator.credentials.report.org=acme", "rotator.credentials.report.strategy=single",
			"rotator.credentials.report.client-ids=" + C, "rotator.credentials.report.vault-path=genesys/report",
			"rotator.credentials.other-dual.org=other", "rotator.credentials.other-dual.client-ids=" + D + ",",
			"rotator.security.api-tokens[0].name=dashboard", "rotator.security.api-tokens[0].sha256=" + HASH,
			"rotator.security.api-tokens[0].roles=read");

	private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final Map<String, Integer> OUTCOMES = new ConcurrentHashMap<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(RealStartupChecks.class);

	@Test
	void validConfigurationStarts() {
		this.runner.withPropertyValues(valid().toArray(String[]::new))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("invalidSettings")
	void invalidSettingStopsStartupWithOneErrorNamingTheProperty(String property, String value, List<String> extra,
			String named) {
		List<String> settings = valid();
		settings.add(property + "=" + value);
		settings.addAll(extra);
		this.runner.withPropertyValues(settings.toArray(String[]::new)).run((context) -> {
			assertThat(context).as("startup with %s=%s", property, value).hasFailed();
			Throwable failure = context.getStartupFailure();
			OUTCOMES.merge(kindOf(failure), 1, Integer::sum);
			assertThat(errorCount(failure)).as("errors reported").isEqualTo(1);
			assertThat(messages(failure)).as("failure for %s=%s", property, value)
				.containsAnyOf("'" + named + "'", "'" + camelField(named) + "'", named);
		});
	}

	@AfterAll
	static void writeFigures() throws Exception {
		int total = OUTCOMES.values().stream().mapToInt(Integer::intValue).sum();
		RaceIntegrationTests.writeFigures("config-fuzz.txt",
				"invalid settings=" + total + " failures by kind=" + new TreeMap<>(OUTCOMES) + "\n");
	}

	static List<Object[]> invalidSettings() {
		List<Object[]> cases = new ArrayList<>();
		for (String credential : List.of("billing", "report")) {
			String prefix = "rotator.credentials." + credential + ".";
			durations(cases, prefix + "rotation-interval", true, "0s");
			durations(cases, prefix + "grace-period", true, "31d");
			durations(cases, prefix + "window-duration", true, "0s", List.of(prefix + "window=0 0 2 * * *"));
			for (String strategy : List.of("triple", "2", "dual,single", "DUAL_X")) {
				cases.add(of(prefix + "strategy", strategy));
			}
			for (String org : List.of("nowhere", "", "ACME", "acme-")) {
				cases.add(of(prefix + "org", org));
			}
			for (String path : List.of("", " ", "/genesys/x", "../etc", "genesys/../../sys", "genesys/..")) {
				cases.add(of(prefix + "vault-path", path));
			}
			for (String cron : List.of("every tuesday", "* * *", "61 * * * * *", "0 0 25 * * *", "0 0 2 * * MOON",
					"-")) {
				cases.add(of(prefix + "window", cron));
			}
		}
		for (String ids : List.of("", ",", A, A + "," + A, A + "," + B + "," + C, " , ")) {
			cases.add(of("rotator.credentials.billing.client-ids", ids));
		}
		// A client shared by two credentials: the later one (by name) is refused.
		cases.add(of("rotator.credentials.report.client-ids", A));
		for (String ids : List.of(A + "," + B, D, "", C + "," + C)) {
			cases.add(of("rotator.credentials.report.client-ids", ids));
		}
		durations(cases, "rotator.schedule.jitter", false, null);
		durations(cases, "rotator.schedule.failure-backoff", true, "0s");
		durations(cases, "rotator.rotation.lease-ttl", true, "0s");
		durations(cases, "rotator.rotation.verify-timeout", true, "0s");
		cases.add(of("rotator.rotation.verify-timeout", "2m"));
		durations(cases, "rotator.rotation.verify-interval", true, "0s");
		durations(cases, "rotator.rotation.commit-timeout", true, "0s");
		durations(cases, "rotator.api.min-interval", false, null);
		for (String size : List.of("0", "-1", "abc", "1.5")) {
			cases.add(of("rotator.rotation.history-size", size));
		}
		for (String size : List.of("0", "0KB", "-1KB", "abc", "1.5MB", "3GB")) {
			cases.add(of("rotator.genesys.max-response-size", size));
		}
		for (String property : List.of("connect-timeout", "response-timeout", "initial-backoff", "max-backoff",
				"retry-after-cap")) {
			durations(cases, "rotator.genesys." + property, true, "0s");
		}
		durations(cases, "rotator.genesys.token-refresh-margin", false, null);
		durations(cases, "rotator.metrics.refresh", true, "0s");
		durations(cases, "rotator.health.genesys-check-interval", true, "0s");
		for (String property : List.of("initial-backoff", "max-backoff", "connect-timeout", "request-timeout")) {
			durations(cases, "rotator.notifications.delivery." + property, true, "0s");
		}
		cases.add(of("rotator.genesys.max-backoff", "10ms"));
		for (String attempts : List.of("0", "-1", "21", "many")) {
			cases.add(of("rotator.genesys.max-attempts", attempts));
		}
		for (String grants : List.of("0", "-1", "60001", "fast")) {
			cases.add(of("rotator.genesys.token-grants-per-minute", grants));
		}
		for (String cron : List.of("every 5 minutes", "*/5 * * * *", "0 */5 * * * * *", "0 0 24 * * *")) {
			cases.add(of("rotator.schedule.poll", cron));
		}
		for (String region : List.of("mars_1", "", "us-east-9", "https://evil.example", "mypurecloud.com.evil")) {
			cases.add(of("rotator.orgs.acme.region", region));
		}
		cases.add(of("rotator.orgs.acme.admin-credential", "ghost"));
		for (String name : List.of("ac.me", "ac me", "-acme")) {
			cases.add(new Object[] { "rotator.orgs." + name + ".region", "us_east_1",
					List.of("rotator.orgs." + name + ".admin-vault-path=genesys/x"), "rotator.orgs." + name });
		}
		// A single admin credential is refused on its strategy, the setting to change.
		cases.add(of("rotator.credentials.report.strategy", "single",
				List.of("rotator.orgs.acme.admin-vault-path=", "rotator.orgs.acme.admin-credential=report")));
		cases.add(
				of("rotator.orgs.acme.admin-credential", "other-dual", List.of("rotator.orgs.acme.admin-vault-path=")));
		cases.add(of("rotator.orgs.acme.admin-credential", "billing"));
		cases.add(of("rotator.orgs.acme.admin-credential", "", List.of("rotator.orgs.acme.admin-vault-path=")));
		// Names the binder reads but the service refuses, and keys it cannot read as one
		// name ("bill.ing" splits at the dot), which would drop the credential silently.
		for (String name : List.of("Billing", "billing_bot", "a".repeat(64), "9-Lives", "bill.ing", "bill ing",
				"-billing", "billing!")) {
			String credential = "rotator.credentials." + name;
			cases.add(new Object[] { credential + ".org", "acme",
					List.of(credential + ".client-ids=" + E + "," + F, credential + ".vault-path=genesys/x"),
					credential });
		}

		for (String hash : List.of("abc", HASH.substring(1), HASH + "0", "g".repeat(64), "", HASH.replace('8', ' '))) {
			cases.add(of("rotator.security.api-tokens[0].sha256", hash));
		}
		for (String role : List.of("admin", "", "read;rotate", "READ_ALL")) {
			cases.add(of("rotator.security.api-tokens[0].roles", role));
		}
		cases.add(of("rotator.security.api-tokens[0].name", ""));
		cases.add(of("rotator.security.api-tokens[1].name", "dashboard",
				List.of("rotator.security.api-tokens[1].sha256=" + HASH.replace('8', '9'),
						"rotator.security.api-tokens[1].roles=rotate")));
		cases.add(of("rotator.security.api-tokens[1].sha256", HASH.toUpperCase(),
				List.of("rotator.security.api-tokens[1].name=ci", "rotator.security.api-tokens[1].roles=rotate")));
		typos(cases);
		return cases;
	}

	/**
	 * A misspelled key at every level of {@code rotator.*}: each is refused by name,
	 * never ignored in favour of a default.
	 */
	private static void typos(List<Object[]> cases) {
		for (String typo : List.of("rotator.instanse-id", "rotator.credential.billing.org", "rotator.vault.kv-mont",
				"rotator.orgs.acme.regon", "rotator.orgs.acme.admin-credentials",
				"rotator.credentials.billing.rotaton-interval", "rotator.credentials.report.grace-priod",
				"rotator.credentials.billing.client-ids-extra", "rotator.schedule.pol", "rotator.schedule.poll.cron",
				"rotator.api.min-intervall", "rotator.rotation.lease-tt", "rotator.genesys.max-atempts",
				"rotator.health.genesys-check-intervall", "rotator.metrics.refesh", "rotator.notification.webhooks",
				"rotator.notifications.delivery.max-atempts", "rotator.security.api-token[0].name",
				"rotator.security.api-tokens[0].role", "rotator.security.jwt.issuer-url", "rotator.oneshot.mode",
				"rotator.oneshot.dry-run")) {
			cases.add(of(typo, "30d"));
		}
		List<String> webhook = List.of("rotator.notifications.webhooks[0].name=audit",
				"rotator.notifications.webhooks[0].url=https://hooks.example.com/x",
				"rotator.notifications.webhooks[0].secrets[0]=" + WHSEC);
		for (String typo : List.of("rotator.notifications.webhooks[0].secret",
				"rotator.notifications.webhooks[0].event")) {
			cases.add(of(typo, WHSEC, webhook));
		}
		// Signing keys must be Standard Webhooks keys: whsec_ and the base64 of 16+
		// bytes.
		for (String key : List.of(WHSEC.substring(6), "whsec_", "whsec_not base64!", "whsec_c2hvcnQ=",
				"WHSEC_" + WHSEC.substring(6))) {
			cases.add(of("rotator.notifications.webhooks[0].secrets[1]", key, webhook));
		}
	}

	private static void durations(List<Object[]> cases, String property, boolean positive, String zero) {
		durations(cases, property, positive, zero, List.of());
	}

	private static void durations(List<Object[]> cases, String property, boolean positive, String zero,
			List<String> extra) {
		for (String value : List.of("-5m", "abc", "-1ms", "5 minutes")) {
			cases.add(of(property, value, extra));
		}
		if (positive && zero != null) {
			cases.add(of(property, zero, extra));
		}
	}

	private static Object[] of(String property, String value) {
		return of(property, value, List.of());
	}

	private static Object[] of(String property, String value, List<String> extra) {
		return new Object[] { property, value, extra, property };
	}

	private static List<String> valid() {
		List<String> valid = new ArrayList<>(VALID);
		valid.set(valid.indexOf("rotator.credentials.other-dual.client-ids=" + D + ","),
				"rotator.credentials.other-dual.client-ids=" + D + ",55555555-5555-4555-8555-555555555555");
		valid.add("rotator.credentials.other-dual.vault-path=genesys/other-dual");
		return valid;
	}

	private static String kindOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfigurationException || cause instanceof BindValidationException) {
				return cause.getClass().getSimpleName();
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException) {
				return "BindException (" + cause.getCause().getClass().getSimpleName() + ")";
			}
		}
		return failure.getClass().getSimpleName();
	}

	private static int errorCount(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindValidationException validation) {
				return validation.getValidationErrors().getAllErrors().size();
			}
		}
		return 1;
	}

	private static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	// Bean validation names the record component ('security.apiTokens[0].sha256').
	private static String camelField(String property) {
		String field = property.replaceFirst("^rotator\\.", "");
		StringBuilder camel = new StringBuilder();
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == '-' && i + 1 < field.length()) {
				camel.append(Character.toUpperCase(field.charAt(++i)));
			}
			else {
				camel.append(c);
			}
		}
		return camel.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@Import({ RotatorPropertiesConfiguration.class, RealStartupChecks.PackagePrivateChecks.class })
	static class RealStartupChecks {

		/** The checks are package private in their capability; import them by name. */
		static class PackagePrivateChecks implements ImportSelector {

			@Override
			public String[] selectImports(AnnotationMetadata metadata) {
				return new String[] { "io.github.genesysrotator.rotation.RotatorConfigurationValidator",
						"io.github.genesysrotator.genesys.OrgDirectory" };
			}

		}

	}

}
