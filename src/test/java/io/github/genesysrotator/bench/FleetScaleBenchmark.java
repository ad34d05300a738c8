package io.github.genesysrotator.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.genesysrotator.sandbox.genesys.ApiRequestRecord;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulator;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import io.github.genesysrotator.sandbox.genesys.GrantType;
import io.github.genesysrotator.sandbox.genesys.OAuthPermission;
import io.github.genesysrotator.sandbox.genesys.Operation;
import io.github.genesysrotator.sandbox.genesys.OrgHandle;
import io.github.genesysrotator.sandbox.genesys.SeededClient;
import io.github.genesysrotator.sandbox.genesys.TokenRequestRecord;
import io.github.genesysrotator.sandbox.vault.VaultSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of dual credentials across orgs, all due at once, against both Genesys rate
 * limits (the API's per token, answered 429, and the token endpoint's own per org,
 * answered 400 {@code invalid_request} "rate limit exceeded"): how close the rotator gets
 * to the bound the tighter limit sets, whether anything fails, and whether its memory
 * grows with the fleet beyond the credentials' records.
 */
class FleetScaleBenchmark {

	static final int ORGS = 10;

	/** API requests per admin token per window (the real limit is 300 per minute). */
	static final int LIMIT = 60;

	/**
	 * 6: a ten-second window. The simulator's Retry-After is the real time to the
	 * window's end rounded up to whole seconds, which the rotator waits; a long window
	 * keeps that rounding small against it.
	 */
	static final double TIME_SCALE = 6;

	/**
	 * Token grants per org per window (90 a minute): tighter than the API limit, whose 60
	 * requests a window carry 20 rotations (3 requests and 1 grant each).
	 */
	static final int TOKEN_LIMIT = 15;

	/**
	 * The rotator's pace, {@code rotator.genesys.token-grants-per-minute}: just under the
	 * token limit (90 a minute at this time scale), so that grants evenly spaced never
	 * put a 16th grant into a fixed window however their latency varies.
	 */
	static final int PACE_PER_MINUTE = 89;

	@Test
	void fleetRotatesAtTheRateLimit() throws Exception {
		List<Map<String, Object>> runs = new ArrayList<>();
		for (int perOrg : new int[] { 50, 200 }) {
			runs.add(run(perOrg));
		}
		report(runs);
		assertThat(runs)
			.allSatisfy((run) -> assertThat(((Number) run.get("failed")).longValue()).as("failed rotations").isZero());
	}

	private Map<String, Object> run(int perOrg) throws IOException, InterruptedException {
		GenesysSimulatorOptions options = GenesysSimulatorOptions.builder()
			.rateLimitPerMinute(LIMIT)
			.timeScale(TIME_SCALE)
			.tokenGrantsPerWindow(TOKEN_LIMIT)
			.build();
		try (GenesysSimulator genesys = GenesysSimulator.start(options);
				VaultSimulator vault = VaultSimulator.builder().build().start()) {
			Path properties = BenchResults.directory().resolve("fleet-" + perOrg * ORGS + ".properties");
			write(properties, seed(genesys, vault, perOrg));
			Map<String, Object> result = new LinkedHashMap<>(ChildJvm.run(FleetRun.FLAG, String.valueOf(perOrg * ORGS),
					List.of(properties.toString(), String.valueOf(ORGS), String.valueOf(perOrg)), 15));
			List<ApiRequestRecord> api = genesys.observations()
				.apiRequests()
				.stream()
				.filter((request) -> request.operation() != Operation.TOKEN)
				.toList();
			long limited = api.stream().filter((request) -> request.status() == 429).count();
			long needed = api.size() - limited;
			List<TokenRequestRecord> grants = genesys.observations().tokenRequests();
			long grantsLimited = grants.stream().filter(TokenRequestRecord::rateLimited).count();
			long grantsNeeded = grants.size() - grantsLimited;
			Duration window = options.rateLimitWindow();
			double apiBoundMs = (double) needed / (ORGS * LIMIT) * window.toMillis();
			double tokenBoundMs = (double) grantsNeeded / (ORGS * TOKEN_LIMIT) * window.toMillis();
			double boundMs = Math.max(apiBoundMs, tokenBoundMs);
			result.put("apiRequests", needed);
			result.put("tooManyRequests", limited);
			result.put("tokenGrants", grantsNeeded);
			result.put("tokenRateLimited", grantsLimited);
			result.put("apiBoundMs", Math.round(apiBoundMs));
			result.put("tokenBoundMs", Math.round(tokenBoundMs));
			result.put("rateLimitBoundMs", Math.round(boundMs));
			result.put("fractionOfBound", boundMs / ((Number) result.get("elapsedMs")).doubleValue());
			Files.delete(properties);
			return result;
		}
	}

	/** Orgs with an admin client each, dual pairs, consumer paths holding client A. */
	private static Properties seed(GenesysSimulator genesys, VaultSimulator vault, int perOrg) {
		Properties properties = new Properties();
		properties.put("spring.cloud.vault.uri", vault.uri().toString());
		properties.put("spring.cloud.vault.token", vault.rootToken());
		properties.put("rotator.rotation.verify-interval", "10ms");
		properties.put("rotator.genesys.token-grants-per-minute", String.valueOf(PACE_PER_MINUTE));
		for (int o = 0; o < ORGS; o++) {
			String orgName = "org-" + o;
			OrgHandle org = genesys.createOrg(orgName);
			String adminRole = org.createRole(OAuthPermission.VIEW, OAuthPermission.EDIT);
			String consumerRole = org.createRole(List.of("conversation:call:view"));
			SeededClient admin = org.createClient("rotator-admin", GrantType.CLIENT_CREDENTIALS, adminRole);
			String adminPath = "genesys/" + orgName + "/rotator-admin";
			vault.seed("secret", adminPath, Map.of("client_id", admin.id(), "client_secret", admin.secret()), Map.of());
			String prefix = "rotator.orgs." + orgName + ".";
			properties.put(prefix + "region", "us_east_1");
			properties.put(prefix + "api-base-url", genesys.baseUrl());
			properties.put(prefix + "login-base-url", genesys.baseUrl());
			properties.put(prefix + "admin-vault-path", adminPath);
			for (int i = 0; i < perOrg; i++) {
				String name = FleetRun.credential(o, i);
				SeededClient a = org.createClient(name + "-a", GrantType.CLIENT_CREDENTIALS, consumerRole);
				SeededClient b = org.createClient(name + "-b", GrantType.CLIENT_CREDENTIALS, consumerRole);
				String path = "genesys/" + orgName + "/" + name;
				vault.seed("secret", path, Map.of("client_id", a.id(), "client_secret", a.secret()),
						Map.of("managed-by", "genesys-secret-rotator"));
				String credential = "rotator.credentials." + name + ".";
				properties.put(credential + "org", orgName);
				properties.put(credential + "strategy", "dual");
				properties.put(credential + "client-ids", a.id() + "," + b.id());
				properties.put(credential + "vault-path", path);
				properties.put(credential + "rotation-interval", "1h");
				properties.put(credential + "grace-period", "1m");
			}
		}
		return properties;
	}

	private static void write(Path file, Properties properties) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file)) {
			properties.store(writer, "fleet benchmark");
		}
	}

	private void report(List<Map<String, Object>> runs) {
		List<List<Object>> rows = new ArrayList<>();
		for (Map<String, Object> run : runs) {
			rows.add(List.of(run.get("credentials"), run.get("elapsedMs"), run.get("apiBoundMs"),
					run.get("tokenBoundMs"), run.get("rateLimitBoundMs"),
					((Number) run.get("fractionOfBound")).doubleValue() * 100, run.get("apiRequests"),
					run.get("tooManyRequests"), run.get("tokenGrants"), run.get("tokenRateLimited"), run.get("failed"),
					run.get("heapAfterStartMib"), run.get("peakHeapMib"), run.get("heapAfterRotationsMib"),
					run.get("peakRssMib")));
		}
		BenchResults.printTable(
				"Fleet: " + ORGS + " orgs, " + LIMIT + " API requests per admin token and " + TOKEN_LIMIT
						+ " token grants per org per " + (60 / TIME_SCALE) + " s window, rotator paced at "
						+ PACE_PER_MINUTE + " grants a minute, one worker per org",
				List.of("credentials", "elapsed ms", "API bound ms", "token bound ms", "bound ms", "% of bound",
						"API requests", "429s", "token grants", "token 400s", "failed", "heap after start MiB",
						"peak heap MiB", "heap after GC MiB", "peak RSS MiB"),
				rows);
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("orgs", ORGS);
		section.put("limitPerWindow", LIMIT);
		section.put("tokenGrantsPerWindow", TOKEN_LIMIT);
		section.put("tokenGrantsPerMinutePaced", PACE_PER_MINUTE);
		section.put("windowSeconds", 60 / TIME_SCALE);
		section.put("jvmFlags", ChildJvm.FLAGS);
		section.put("runs", runs);
		BenchResults.record("fleet", section);
		List<String> sizes = runs.stream().map((run) -> run.get("credentials") + " credentials").toList();
		Map<String, List<? extends Number>> memory = new LinkedHashMap<>();
		memory.put("heap after start", values(runs, "heapAfterStartMib"));
		memory.put("peak heap", values(runs, "peakHeapMib"));
		memory.put("peak RSS", values(runs, "peakRssMib"));
		Charts.bars("fleet-memory", "Rotator memory rotating a fleet at once", "MiB", sizes, memory);
		Map<String, List<? extends Number>> time = new LinkedHashMap<>();
		time.put("rate-limit bound", values(runs, "rateLimitBoundMs"));
		time.put("elapsed", values(runs, "elapsedMs"));
		Charts.bars("fleet-time", "Fleet rotation time against the rate-limit bound", "ms", sizes, time);
	}

	private static List<Number> values(List<Map<String, Object>> runs, String key) {
		return runs.stream().map((run) -> (Number) run.get(key)).toList();
	}

}
