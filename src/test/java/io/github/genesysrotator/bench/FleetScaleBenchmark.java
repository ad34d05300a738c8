package io.github.genesysrotator.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.genesysrotator.sandbox.genesys.ApiRequestRecord;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulator;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import io.github.genesysrotator.sandbox.genesys.GrantType;
import io.github.genesysrotator.sandbox.genesys.OAuthPermission;
import io.github.genesysrotator.sandbox.genesys.Operation;
import io.github.genesysrotator.sandbox.genesys.OrgHandle;
import io.github.genesysrotator.sandbox.genesys.SeededClient;
import io.github.genesysrotator.sandbox.genesys.TokenRequestRecord;
import io.github.genesysrotator.sandbox.vault.VaultSeeding;
import io.github.genesysrotator.sandbox.vault.VaultSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

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

	/** Guarded run: one credential in four has a standby that still makes calls. */
	static final int USED_EVERY = 4;

	/** Guarded run: calls recorded for a used standby on the latest complete day. */
	static final int STANDBY_CALLS = 40;

	/**
	 * Guarded run: calls recorded for each admin client on every day since the demotion,
	 * standing in for the calls a rotator that runs every day makes (its health check
	 * lists an org's clients); the benchmark's own calls all fall on today, which is not
	 * complete.
	 */
	static final int ADMIN_CALLS_PER_DAY = 1440;

	/** Guarded run: Genesys asks for 1 to 2 minutes; 200 ms keeps the run short. */
	static final Duration USAGE_POLL_INTERVAL = Duration.ofMillis(200);

	/** Guarded run: {@code rotator.rotation.usage-delay}, the default. */
	static final Duration USAGE_DELAY = Duration.ofHours(6);

	/** Guarded run: how far back each demotion is moved after the first pass. */
	static final Duration BACK_DATE = Duration.ofDays(3);

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

	/**
	 * The same fleet with the retirement guard on ({@code usage-check: enforce}, the
	 * default) and something for it to ask: a first child JVM rotates every credential
	 * once, which demotes client A; the benchmark moves that demotion {@link #BACK_DATE}
	 * back in each state record (check-and-set over Vault's KV API, as the sandbox's demo
	 * does), so that a complete UTC day follows it, and records calls on that day for the
	 * standby of one credential in {@link #USED_EVERY} and for every admin client. A
	 * second child JVM then rotates the fleet twice on the same UTC day: the first pass
	 * is timed against the rate-limit bound; the second must find the refused
	 * credentials' answers in their state records and the others in their grace period,
	 * so it asks Genesys nothing.
	 */
	@Test
	void fleetRotatesWithTheRetirementGuard() throws Exception {
		List<Map<String, Object>> runs = new ArrayList<>();
		for (String perOrg : System.getProperty("bench.fleet-guard-per-org", "50,200").split(",")) {
			runs.add(guardedRun(Integer.parseInt(perOrg.trim())));
		}
		reportGuarded(runs);
		assertThat(runs).allSatisfy((run) -> assertThat((List<?>) run.get("violations"))
			.as("results of %s credentials that contradict the guard's design", run.get("credentials"))
			.isEmpty());
	}

	private Map<String, Object> guardedRun(int perOrg) throws IOException, InterruptedException {
		GenesysSimulatorOptions options = options();
		int credentials = perOrg * ORGS;
		try (GenesysSimulator genesys = GenesysSimulator.start(options);
				VaultSimulator vault = VaultSimulator.builder().build().start()) {
			Fleet fleet = seed(genesys, vault, perOrg, true);
			Properties properties = fleet.properties();
			properties.put("rotator.rotation.usage-poll-interval", USAGE_POLL_INTERVAL.toMillis() + "ms");
			properties.put("rotator.rotation.usage-delay", USAGE_DELAY.toHours() + "h");
			// Longer than the guarded pass: the same-day pass finds every rotated
			// credential in its grace period.
			fleet.standbys()
				.keySet()
				.forEach((name) -> properties.put("rotator.credentials." + name + ".grace-period", "1h"));
			Path file = BenchResults.directory().resolve("fleet-guard-" + credentials + ".properties");
			write(file, properties);
			List<String> args = List.of(file.toString(), String.valueOf(ORGS), String.valueOf(perOrg));
			Map<String, Object> first = ChildJvm.run(FleetRun.FLAG, "guard-first-" + credentials, args, 15);
			List<String> violations = new ArrayList<>();
			expect(violations, "first pass: failed", first.get("failed"), 0);
			int firstApi = genesys.observations().apiRequests().size();
			int firstGrants = genesys.observations().tokenRequests().size();
			expect(violations, "first pass: usage jobs", usageJobs(genesys.observations().apiRequests()).count(), 0);

			Instant now = Instant.now();
			backDate(vault, fleet.standbys().keySet());
			LocalDate demotedOn = day(now.minus(BACK_DATE));
			LocalDate lastDay = day(now.minus(USAGE_DELAY)).minusDays(1);
			List<String> used = new ArrayList<>();
			for (int o = 0; o < ORGS; o++) {
				for (int i = 0; i < perOrg; i += USED_EVERY) {
					String name = FleetRun.credential(o, i);
					used.add(name);
					genesys.usage().record(fleet.standbys().get(name), lastDay, STANDBY_CALLS);
				}
			}
			for (String admin : fleet.admins().values()) {
				for (LocalDate day = demotedOn; !day.isAfter(lastDay); day = day.plusDays(1)) {
					genesys.usage().record(admin, day, ADMIN_CALLS_PER_DAY);
				}
			}

			Map<String, Object> guarded = ChildJvm.run(FleetRun.FLAG, "guard-" + credentials,
					List.of(file.toString(), String.valueOf(ORGS), String.valueOf(perOrg), "2"), 20);
			Files.delete(file);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> rounds = (List<Map<String, Object>>) guarded.get("rounds");
			Instant thirdStart = Instant.ofEpochMilli(((Number) rounds.get(1).get("startedAtEpochMs")).longValue());
			List<ApiRequestRecord> api = genesys.observations().apiRequests();
			List<ApiRequestRecord> guardedApi = api.subList(firstApi, api.size());
			List<TokenRequestRecord> grants = genesys.observations().tokenRequests();
			List<TokenRequestRecord> guardedGrants = grants.subList(firstGrants, grants.size());
			Map<String, Object> second = pass(rounds.get(0), fleet,
					guardedApi.stream().filter((r) -> r.timestamp().isBefore(thirdStart)).toList(),
					guardedGrants.stream().filter((r) -> r.timestamp().isBefore(thirdStart)).toList());
			Map<String, Object> third = pass(rounds.get(1), fleet,
					guardedApi.stream().filter((r) -> !r.timestamp().isBefore(thirdStart)).toList(),
					guardedGrants.stream().filter((r) -> !r.timestamp().isBefore(thirdStart)).toList());
			putBounds(second, options, (Long) second.get("apiRequests"), (Long) second.get("tokenGrants"),
					((Number) second.get("elapsedMs")).doubleValue());

			int rotated = credentials - used.size();
			expect(violations, "guarded pass: failed", second.get("failed"), 0);
			expect(violations, "guarded pass: standby-in-use", errorCount(second, "standby-in-use"), used.size());
			expect(violations, "guarded pass: succeeded", second.get("succeeded"), rotated);
			expect(violations, "guarded pass: witness jobs", second.get("witnessJobs"), ORGS);
			expect(violations, "same-day pass: failed", third.get("failed"), 0);
			expect(violations, "same-day pass: succeeded", third.get("succeeded"), 0);
			expect(violations, "same-day pass: standby-in-use", errorCount(third, "standby-in-use"), used.size());
			expect(violations, "same-day pass: grace-period", errorCount(third, "grace-period"), rotated);
			expect(violations, "same-day pass: usage API requests", third.get("usageRequests"), 0);
			long maxPerCredential = maxJobsPerDay(guardedApi, (clientId) -> !fleet.isAdmin(clientId),
					Function.identity());
			long maxWitnessPerOrg = maxJobsPerDay(guardedApi, fleet::isAdmin, fleet.orgs()::get);
			if (maxPerCredential > 1) {
				violations.add("a standby client had " + maxPerCredential + " usage jobs in one UTC day");
			}
			if (maxWitnessPerOrg > 1) {
				violations.add("an org had " + maxWitnessPerOrg + " witness jobs in one UTC day");
			}

			Map<String, Object> result = new LinkedHashMap<>();
			result.put("credentials", credentials);
			result.put("usedStandbys", used.size());
			result.put("demotedOn", demotedOn.toString());
			result.put("latestCompleteDay", lastDay.toString());
			result.put("first", first);
			result.put("guarded", second);
			result.put("sameDay", third);
			result.put("standbyJobsPerCredentialPerDayMax", maxPerCredential);
			result.put("witnessJobsPerOrgPerDayMax", maxWitnessPerOrg);
			result.put("violations", violations);
			return result;
		}
	}

	/**
	 * One pass of the guarded child: its outcomes, and what it cost Genesys as the
	 * simulator saw it. A usage job is a submission Genesys accepted; it is the witness's
	 * when it asks about an admin client. The polling floor is the longest time one org's
	 * worker spent pausing between polls ({@code usage-poll-interval} before each poll).
	 */
	private static Map<String, Object> pass(Map<String, Object> round, Fleet fleet, List<ApiRequestRecord> requests,
			List<TokenRequestRecord> grants) {
		Map<String, Object> pass = new LinkedHashMap<>(round);
		List<ApiRequestRecord> api = requests.stream()
			.filter((request) -> request.operation() != Operation.TOKEN)
			.toList();
		List<ApiRequestRecord> answered = api.stream().filter((request) -> request.status() != 429).toList();
		long witness = usageJobs(api).filter((job) -> fleet.isAdmin(job.clientId())).count();
		pass.put("standbyJobs", usageJobs(api).count() - witness);
		pass.put("witnessJobs", witness);
		pass.put("usageRequests", answered.stream().filter(FleetScaleBenchmark::usage).count());
		pass.put("apiRequests", (long) answered.size());
		pass.put("tooManyRequests", (long) (api.size() - answered.size()));
		long limitedGrants = grants.stream().filter(TokenRequestRecord::rateLimited).count();
		pass.put("tokenGrants", grants.size() - limitedGrants);
		pass.put("tokenRateLimited", limitedGrants);
		Map<String, Long> pollsPerOrg = answered.stream()
			.filter((request) -> request.operation() == Operation.USAGE_RESULT)
			.collect(Collectors.groupingBy((request) -> fleet.orgs().get(request.clientId()), Collectors.counting()));
		long maxPolls = pollsPerOrg.values().stream().mapToLong(Long::longValue).max().orElse(0);
		pass.put("pollFloorMs", maxPolls * USAGE_POLL_INTERVAL.toMillis());
		return pass;
	}

	private static boolean usage(ApiRequestRecord request) {
		return request.operation() == Operation.USAGE_QUERY || request.operation() == Operation.USAGE_RESULT;
	}

	private static Stream<ApiRequestRecord> usageJobs(List<ApiRequestRecord> api) {
		return api.stream()
			.filter((request) -> request.operation() == Operation.USAGE_QUERY && request.status() / 100 == 2);
	}

	/**
	 * The most usage jobs about the selected clients that one key (a client, an org) had
	 * on one UTC day.
	 */
	private static long maxJobsPerDay(List<ApiRequestRecord> api, Predicate<String> clients,
			Function<String, String> key) {
		return usageJobs(api).filter((job) -> clients.test(job.clientId()))
			.collect(Collectors.groupingBy((job) -> key.apply(job.clientId()) + " " + day(job.timestamp()),
					Collectors.counting()))
			.values()
			.stream()
			.mapToLong(Long::longValue)
			.max()
			.orElse(0);
	}

	private static long errorCount(Map<String, Object> pass, String errorCode) {
		Object count = ((Map<?, ?>) pass.get("errorCodes")).get(errorCode);
		return (count != null) ? ((Number) count).longValue() : 0;
	}

	private static void expect(List<String> violations, String what, Object actual, long expected) {
		if (((Number) actual).longValue() != expected) {
			violations.add(what + ": " + actual + ", expected " + expected);
		}
	}

	/**
	 * Move each credential's demotion (and the history dates, so no rule counts from the
	 * real ones) {@link #BACK_DATE} back: read the state record over Vault's KV v2 API
	 * and write it back with check-and-set on the version read.
	 */
	private static void backDate(VaultSimulator vault, Collection<String> credentials) {
		for (String name : credentials) {
			VaultSeeding.rewriteSecret(vault.uri(), vault.rootToken(), "secret", "genesys-rotator/state/" + name,
					(data) -> {
						moveBack(data, "promoted_at");
						data.path("history").forEach((entry) -> {
							moveBack((ObjectNode) entry, "started_at");
							moveBack((ObjectNode) entry, "finished_at");
						});
					});
		}
	}

	private static void moveBack(ObjectNode node, String field) {
		if (node.hasNonNull(field)) {
			node.put(field, Instant.parse(node.get(field).asString()).minus(BACK_DATE).toString());
		}
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	private Map<String, Object> run(int perOrg) throws IOException, InterruptedException {
		GenesysSimulatorOptions options = options();
		try (GenesysSimulator genesys = GenesysSimulator.start(options);
				VaultSimulator vault = VaultSimulator.builder().build().start()) {
			Path properties = BenchResults.directory().resolve("fleet-" + perOrg * ORGS + ".properties");
			write(properties, seed(genesys, vault, perOrg, false).properties());
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
			result.put("apiRequests", needed);
			result.put("tooManyRequests", limited);
			result.put("tokenGrants", grantsNeeded);
			result.put("tokenRateLimited", grantsLimited);
			putBounds(result, options, needed, grantsNeeded, ((Number) result.get("elapsedMs")).doubleValue());
			Files.delete(properties);
			return result;
		}
	}

	/**
	 * The rate-limit bound of a run: the time the needed API requests take at the API
	 * limit, and the needed grants at the token limit, over all orgs; the tighter
	 * (longer) one is the bound.
	 */
	private static void putBounds(Map<String, Object> result, GenesysSimulatorOptions options, long apiRequests,
			long tokenGrants, double elapsedMs) {
		Duration window = options.rateLimitWindow();
		double apiBoundMs = (double) apiRequests / (ORGS * LIMIT) * window.toMillis();
		double tokenBoundMs = (double) tokenGrants / (ORGS * TOKEN_LIMIT) * window.toMillis();
		double boundMs = Math.max(apiBoundMs, tokenBoundMs);
		result.put("apiBoundMs", Math.round(apiBoundMs));
		result.put("tokenBoundMs", Math.round(tokenBoundMs));
		result.put("rateLimitBoundMs", Math.round(boundMs));
		result.put("fractionOfBound", boundMs / elapsedMs);
	}

	private static GenesysSimulatorOptions options() {
		return GenesysSimulatorOptions.builder()
			.rateLimitPerMinute(LIMIT)
			.timeScale(TIME_SCALE)
			.tokenGrantsPerWindow(TOKEN_LIMIT)
			.build();
	}

	/**
	 * Orgs with an admin client each, dual pairs, consumer paths holding client A; with
	 * {@code usageView}, the admin role may read the usage API (the retirement guard).
	 */
	private static Fleet seed(GenesysSimulator genesys, VaultSimulator vault, int perOrg, boolean usageView) {
		Properties properties = new Properties();
		Map<String, String> admins = new LinkedHashMap<>();
		Map<String, String> standbys = new LinkedHashMap<>();
		Map<String, String> orgs = new LinkedHashMap<>();
		properties.put("spring.cloud.vault.uri", vault.uri().toString());
		properties.put("spring.cloud.vault.token", vault.rootToken());
		properties.put("rotator.rotation.verify-interval", "10ms");
		properties.put("rotator.genesys.token-grants-per-minute", String.valueOf(PACE_PER_MINUTE));
		for (int o = 0; o < ORGS; o++) {
			String orgName = "org-" + o;
			OrgHandle org = genesys.createOrg(orgName);
			String adminRole = usageView
					? org.createRole(OAuthPermission.VIEW, OAuthPermission.EDIT, OAuthPermission.USAGE_VIEW)
					: org.createRole(OAuthPermission.VIEW, OAuthPermission.EDIT);
			String consumerRole = org.createRole(List.of("conversation:call:view"));
			SeededClient admin = org.createClient("rotator-admin", GrantType.CLIENT_CREDENTIALS, adminRole);
			admins.put(orgName, admin.id());
			orgs.put(admin.id(), orgName);
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
				standbys.put(name, a.id());
				orgs.put(a.id(), orgName);
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
		return new Fleet(properties, admins, standbys, orgs);
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
		BenchResults.record("fleet", section(runs));
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

	@SuppressWarnings("unchecked")
	private void reportGuarded(List<Map<String, Object>> runs) {
		List<List<Object>> rows = new ArrayList<>();
		for (Map<String, Object> run : runs) {
			for (String key : List.of("guarded", "sameDay")) {
				Map<String, Object> pass = (Map<String, Object>) run.get(key);
				Object fraction = pass.containsKey("fractionOfBound")
						? ((Number) pass.get("fractionOfBound")).doubleValue() * 100 : "-";
				rows.add(List.of(run.get("credentials"), key, pass.get("succeeded"), errorCount(pass, "standby-in-use"),
						errorCount(pass, "grace-period"), pass.get("failed"), pass.get("standbyJobs"),
						pass.get("witnessJobs"), pass.get("usageRequests"), pass.get("apiRequests"),
						pass.get("tooManyRequests"), pass.get("tokenGrants"), pass.get("tokenRateLimited"),
						pass.get("elapsedMs"), pass.getOrDefault("apiBoundMs", "-"),
						pass.getOrDefault("tokenBoundMs", "-"), pass.get("pollFloorMs"), fraction));
			}
		}
		BenchResults.printTable(
				"Fleet with the retirement guard (usage-check enforce, one standby in " + USED_EVERY
						+ " used, usage-poll-interval " + USAGE_POLL_INTERVAL.toMillis() + " ms): " + ORGS + " orgs, "
						+ LIMIT + " API requests per admin token and " + TOKEN_LIMIT + " token grants per org per "
						+ (60 / TIME_SCALE) + " s window",
				List.of("credentials", "pass", "succeeded", "standby-in-use", "grace-period", "failed", "standby jobs",
						"witness jobs", "usage API requests", "API requests", "429s", "token grants", "token 400s",
						"elapsed ms", "API bound ms", "token bound ms", "poll floor ms", "% of bound"),
				rows);
		runs.forEach((run) -> System.out.println(
				run.get("credentials") + " credentials: demoted on " + run.get("demotedOn") + ", latest complete day "
						+ run.get("latestCompleteDay") + ", most standby jobs per credential per day "
						+ run.get("standbyJobsPerCredentialPerDayMax") + ", most witness jobs per org per day "
						+ run.get("witnessJobsPerOrgPerDayMax") + ", violations " + run.get("violations")));
		Map<String, Object> section = section(runs);
		section.put("usagePollIntervalMs", USAGE_POLL_INTERVAL.toMillis());
		section.put("usedStandbyEvery", USED_EVERY);
		BenchResults.record("fleet-guard", section);
	}

	/**
	 * A section of {@code results.json}: the fleet's limits, the child's flags, the runs.
	 */
	private static Map<String, Object> section(List<Map<String, Object>> runs) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("orgs", ORGS);
		section.put("limitPerWindow", LIMIT);
		section.put("tokenGrantsPerWindow", TOKEN_LIMIT);
		section.put("tokenGrantsPerMinutePaced", PACE_PER_MINUTE);
		section.put("windowSeconds", 60 / TIME_SCALE);
		section.put("jvmFlags", ChildJvm.FLAGS);
		section.put("runs", runs);
		return section;
	}

	private static List<Number> values(List<Map<String, Object>> runs, String key) {
		return runs.stream().map((run) -> (Number) run.get(key)).toList();
	}

	/**
	 * What {@link #seed} made: the rotator's properties, each org's admin client, each
	 * credential's client A (the standby once the first rotation has published B), and
	 * the org of each of these clients.
	 */
	private record Fleet(Properties properties, Map<String, String> admins, Map<String, String> standbys,
			Map<String, String> orgs) {

		boolean isAdmin(String clientId) {
			return this.admins.containsValue(clientId);
		}

	}

}
