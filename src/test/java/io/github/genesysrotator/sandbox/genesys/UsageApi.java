package io.github.genesysrotator.sandbox.genesys;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The usage jobs API (fact sheet 9.3): {@code POST
 * /api/v2/usage/client/{clientId}/aggregates/query/jobs} submits a query of a client's
 * API usage by day and answers {@code {id, name, resultsUri, selfUri}}; {@code GET
 * .../jobs/{jobId}?pageSize=&after=} answers its {@code queryStatus} and, once
 * {@code Succeeded}, one row per reported day with calls, in cursor pages. Bearer
 * authentication, the per-token rate limit and permission {@code usage:client:view} come
 * first, as on the OAuth client routes. Only {@code Day} granularity is simulated; other
 * granularities answer 400.
 */
final class UsageApi {

	static final String PREFIX = "/api/v2/usage/client/";

	private static final String JOBS = "/aggregates/query/jobs";

	private static final int DEFAULT_PAGE_SIZE = 25;

	private final SimulatorState state;

	private final RateLimiter rateLimiter;

	private final UsageReports reports;

	private final Map<String, UsageReports.Job> jobs = new ConcurrentHashMap<>();

	UsageApi(SimulatorState state, RateLimiter rateLimiter, UsageReports reports) {
		this.state = state;
		this.rateLimiter = rateLimiter;
		this.reports = reports;
	}

	/** The usage route of a request, if it is one. */
	static Optional<ApiRoute> classify(String method, String path) {
		String[] segments = path.substring(PREFIX.length()).split("/", -1);
		boolean jobs = segments.length >= 4 && !segments[0].isEmpty() && segments[1].equals("aggregates")
				&& segments[2].equals("query") && segments[3].equals("jobs");
		if (jobs && segments.length == 4 && method.equals("POST")) {
			return Optional.of(new ApiRoute(Operation.USAGE_QUERY, segments[0]));
		}
		if (jobs && segments.length == 5 && !segments[4].isEmpty() && method.equals("GET")) {
			return Optional.of(new ApiRoute(Operation.USAGE_RESULT, segments[0]));
		}
		return Optional.empty();
	}

	SimResponse handle(SimRequest request, ApiRoute route) {
		Optional<String> bearer = OAuthClientsApi.bearerToken(request);
		if (bearer.isEmpty()) {
			return ApiErrors.authenticationRequired(request);
		}
		Optional<OAuthClientEntity> caller = this.state.authenticate(bearer.get());
		if (caller.isEmpty()) {
			return ApiErrors.badCredentials(request);
		}
		synchronized (this.state) {
			RateLimiter.Decision decision = this.rateLimiter.acquire(bearer.get(), this.state.now());
			SimResponse response = decision.allowed() ? authorized(request, route, caller.get())
					: ApiErrors.tooManyRequests(request, decision.resetSeconds());
			return response.headers(decision.headers());
		}
	}

	private SimResponse authorized(SimRequest request, ApiRoute route, OAuthClientEntity caller) {
		if (!this.state.permissionsOf(caller).contains(OAuthPermission.USAGE_VIEW.value())) {
			return ApiErrors.missingPermission(request, OAuthPermission.USAGE_VIEW);
		}
		if (this.state.findClient(caller.orgId(), route.pathClientId()).isEmpty()) {
			return ApiErrors.notFound(request);
		}
		return (route.operation() == Operation.USAGE_QUERY) ? submit(request, route.pathClientId())
				: result(request, route.pathClientId());
	}

	private SimResponse submit(SimRequest request, String clientId) {
		Optional<ObjectNode> body = SimJson.parseObject(request.body());
		if (body.isEmpty()) {
			return ApiErrors.badRequest(request, "The request body must be a JSON object.");
		}
		String granularity = body.get().path("granularity").asString("Day");
		if (!granularity.equals("Day")) {
			return ApiErrors.badRequest(request, "Only granularity Day is simulated, not " + granularity + ".");
		}
		String[] interval = body.get().path("interval").asString("").split("/", -1);
		Instant from;
		Instant to;
		try {
			from = Instant.parse(interval[0]);
			to = Instant.parse((interval.length == 2) ? interval[1] : "");
		}
		catch (DateTimeParseException ex) {
			return ApiErrors.badRequest(request,
					"interval must be an ISO-8601 interval such as " + "2026-01-01T00:00:00Z/2026-01-08T00:00:00Z.");
		}
		if (!from.isBefore(to)) {
			return ApiErrors.badRequest(request, "The interval's start must be before its end.");
		}
		String jobId = UUID.randomUUID().toString();
		this.jobs.put(jobId, this.reports.submit(clientId, from, to));
		String uri = PREFIX + clientId + JOBS + "/" + jobId;
		ObjectNode answer = SimJson.object();
		answer.put("id", jobId);
		answer.put("name", "client usage " + clientId);
		answer.put("resultsUri", uri);
		answer.put("selfUri", uri);
		return SimResponse.json(202, answer);
	}

	private SimResponse result(SimRequest request, String clientId) {
		String jobId = request.path().substring(request.path().lastIndexOf('/') + 1);
		UsageReports.Job job = this.jobs.get(jobId);
		if (job == null || !job.clientId().equals(clientId)) {
			return ApiErrors.notFound(request);
		}
		String status = job.poll();
		ObjectNode answer = SimJson.object();
		answer.put("queryStatus", status);
		if (status.equals("Failed")) {
			answer.set("errorBody",
					ApiErrors.error(request, 500, "internal.server.error", "The usage query failed.").body());
			return SimResponse.json(200, answer);
		}
		ArrayNode entities = answer.putArray("entities");
		if (!status.equals("Succeeded")) {
			return SimResponse.json(200, answer);
		}
		Map<String, String> query = request.queryParameters();
		int pageSize = Math.max(1, positive(query.get("pageSize"), DEFAULT_PAGE_SIZE));
		int first = positive(query.get("after"), 0);
		List<UsageReports.Row> rows = this.reports.published(clientId, job.from(), job.to());
		int end = Math.min(rows.size(), first + pageSize);
		for (UsageReports.Row row : rows.subList(Math.min(first, end), end)) {
			ObjectNode entity = entities.addObject();
			entity.put("date", row.date().toString());
			entity.put("requestCount", row.requestCount());
			entity.put("status200", row.status200());
			entity.put("status300", row.status300());
			entity.put("status400", row.status400());
			entity.put("status429", row.status429());
			entity.put("status500", row.status500());
		}
		if (end < rows.size()) {
			answer.put("nextUri", PREFIX + clientId + JOBS + "/" + jobId + "?pageSize=" + pageSize + "&after=" + end);
		}
		return SimResponse.json(200, answer);
	}

	private static int positive(String text, int otherwise) {
		try {
			int value = (text != null) ? Integer.parseInt(text) : otherwise;
			return (value >= 0) ? value : otherwise;
		}
		catch (NumberFormatException ex) {
			return otherwise;
		}
	}

}
