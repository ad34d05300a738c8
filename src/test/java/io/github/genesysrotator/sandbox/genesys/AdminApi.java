package io.github.genesysrotator.sandbox.genesys;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's own HTTP API under {@code /__sim/}, so that demos and benchmarks can
 * seed, inject faults and read observations without Java. Not rate limited, not logged,
 * never faulted. {@code GET /__sim/} lists the {@link #ROUTES}, the operations a fault
 * rule can target and the fault types; {@code docs/sandbox.md} shows them in use. A fault
 * rule's {@code detail} is the field of {@code OMIT_FIELD} and the content type of
 * {@code CONTENT_TYPE}; {@code bodyBytes} the size of {@code HUGE_BODY}, 5 MiB by
 * default.
 */
final class AdminApi {

	static final String PREFIX = "/__sim/";

	/** Every admin route, as {@code GET /__sim/} lists it. */
	static final List<Route> ROUTES = List.of(new Route("GET", "/__sim/", null, "this index"),
			new Route("POST", "/__sim/orgs", "{\"name\"}", "create an org; answers {id, name, homeDivisionId}"),
			new Route("POST", "/__sim/orgs/{orgId}/clients",
					"{\"name\", \"authorizedGrantType\"?, \"permissions\": [\"oauth:client:view\", ...]}",
					"create an OAuth client whose role holds the permissions; answers {id, secret}"),
			new Route("GET", "/__sim/faults", null, "the active fault rules and the global latency"),
			new Route("POST", "/__sim/faults",
					"{\"operation\", \"type\", \"clientId\"?, \"times\"?, \"status\"?, \"latencyMs\"?, "
							+ "\"retryAfterSeconds\"?, \"detail\"?, \"bodyBytes\"?}",
					"add a fault rule (until removed, or for 'times' matching requests); answers it with its id"),
			new Route("DELETE", "/__sim/faults", null, "remove every fault rule"),
			new Route("DELETE", "/__sim/faults/{id}", null, "remove one fault rule"),
			new Route("PUT", "/__sim/latency", "{\"latencyMs\"}", "latency added to every answer"),
			new Route("GET", "/__sim/observations", null,
					"regenerations per client, token requests and API requests so far"),
			new Route("GET", "/__sim/secrets", null, "every secret the simulator has issued"),
			new Route("GET", "/__sim/clients/{id}/secret", null, "a client's current secret"),
			new Route("POST", "/__sim/clients/{id}/usage", "{\"days\", \"requests\"}",
					"record 'requests' calls of the client on each of the last 'days' complete UTC days, as the "
							+ "usage reports count them; answers {clientId, days}"),
			new Route("PUT", "/__sim/usage", "{\"publicationLagMinutes\"?, \"jobPolls\"?, \"failJobs\"?}",
					"the usage reports' switches: how long after midnight UTC a day is published, how many polls a "
							+ "job answers Queued or Running, whether new jobs end Failed; answers the settings"),
			new Route("POST", "/__sim/reset", null,
					"no faults, no observations, fresh rate limits; orgs, clients and secrets stay"));

	private final GenesysSimulator simulator;

	AdminApi(GenesysSimulator simulator) {
		this.simulator = simulator;
	}

	SimResponse handle(SimRequest request) {
		List<String> path = Arrays.asList(request.path().substring(PREFIX.length()).split("/"));
		String route = request.method() + " " + path.get(0) + "/" + path.size();
		try {
			return switch (route) {
				case "GET /1" -> index();
				case "POST orgs/1" -> createOrg(request);
				case "POST orgs/3" -> createClient(request, path.get(1));
				case "GET faults/1" -> listFaults();
				case "POST faults/1" -> addFault(request);
				case "DELETE faults/1" -> clearFaults();
				case "DELETE faults/2" -> removeFault(request, path.get(1));
				case "PUT latency/1" -> globalLatency(request);
				case "GET observations/1" -> observations();
				case "GET secrets/1" -> issuedSecrets();
				case "GET clients/3" -> currentSecret(request, path.get(1));
				case "POST clients/3" -> recordUsage(request, path.get(1), path.get(2));
				case "PUT usage/1" -> usageSwitches(request);
				case "POST reset/1" -> reset();
				default -> ApiErrors.notFound(request);
			};
		}
		catch (IllegalArgumentException ex) {
			return ApiErrors.badRequest(request, ex.getMessage());
		}
	}

	private static SimResponse index() {
		ObjectNode result = SimJson.object();
		result.put("simulator", "Genesys Cloud");
		ArrayNode routes = result.putArray("routes");
		ROUTES.forEach((route) -> routes.addObject()
			.put("method", route.method())
			.put("path", route.path())
			.put("body", route.body())
			.put("does", route.does()));
		Arrays.stream(Operation.values()).map(Operation::name).forEach(result.putArray("operations")::add);
		Arrays.stream(FaultType.values()).map(FaultType::name).forEach(result.putArray("faultTypes")::add);
		return SimResponse.json(200, result);
	}

	private SimResponse createOrg(SimRequest request) {
		ObjectNode body = body(request);
		OrgHandle org = this.simulator.createOrg(requiredText(body, "name"));
		ObjectNode result = SimJson.object();
		result.put("id", org.id());
		result.put("name", org.name());
		result.put("homeDivisionId", org.homeDivisionId());
		return SimResponse.json(200, result);
	}

	private SimResponse createClient(SimRequest request, String orgId) {
		Optional<OrgHandle> org = this.simulator.org(orgId);
		if (org.isEmpty()) {
			return ApiErrors.notFound(request);
		}
		ObjectNode body = body(request);
		String grant = body.path("authorizedGrantType").asString(GrantType.CLIENT_CREDENTIALS.wireValue());
		GrantType grantType = GrantType.fromWire(grant)
			.orElseThrow(() -> new IllegalArgumentException("Unknown authorizedGrantType " + grant));
		List<String> permissions = body.path("permissions").valueStream().map(JsonNode::asString).toList();
		SeededClient client = org.get()
			.createClient(requiredText(body, "name"), grantType, org.get().createRole(permissions));
		ObjectNode result = SimJson.object();
		result.put("id", client.id());
		result.put("secret", client.secret());
		return SimResponse.json(200, result);
	}

	private SimResponse listFaults() {
		ObjectNode result = SimJson.object();
		result.put("globalLatencyMs", this.simulator.faults().globalLatency().toMillis());
		ArrayNode rules = result.putArray("rules");
		this.simulator.faults().activeRules().forEach((id, rule) -> rules.add(faultJson(id, rule)));
		return SimResponse.json(200, result);
	}

	private SimResponse addFault(SimRequest request) {
		ObjectNode body = body(request);
		FaultRule.Builder builder = FaultRule.on(enumValue(Operation.class, requiredText(body, "operation")))
			.forClient(body.path("clientId").asString(null))
			.times(body.path("times").asInt(FaultRule.UNLIMITED));
		FaultRule rule = switch (enumValue(FaultType.class, requiredText(body, "type"))) {
			case LATENCY -> builder.latency(Duration.ofMillis(body.path("latencyMs").asLong(0)));
			case STATUS -> builder.status(body.path("status").asInt(503));
			case TOO_MANY_REQUESTS -> builder.tooManyRequests(body.path("retryAfterSeconds").asInt(1));
			case CONNECTION_RESET -> builder.connectionReset();
			case TIMEOUT -> builder.timeout();
			case APPLY_THEN_DROP -> builder.applyThenDrop();
			case HTML_PAGE -> builder.htmlPage();
			case TRUNCATED_JSON -> builder.truncatedJson();
			case HUGE_BODY -> builder.hugeBody(body.path("bodyBytes").asInt(5 * 1024 * 1024));
			case EXTRA_FIELDS -> builder.extraFields();
			case OMIT_FIELD -> builder.omitField(requiredText(body, "detail"));
			case CONTENT_TYPE -> builder.contentType(requiredText(body, "detail"));
		};
		String id = this.simulator.faults().add(rule);
		return SimResponse.json(200, faultJson(id, rule));
	}

	private SimResponse clearFaults() {
		this.simulator.faults().clear();
		return SimResponse.empty(204);
	}

	private SimResponse removeFault(SimRequest request, String id) {
		return this.simulator.faults().remove(id) ? SimResponse.empty(204) : ApiErrors.notFound(request);
	}

	private SimResponse globalLatency(SimRequest request) {
		JsonNode latency = body(request).path("latencyMs");
		if (!latency.isIntegralNumber()) {
			throw new IllegalArgumentException("latencyMs is required");
		}
		this.simulator.faults().globalLatency(Duration.ofMillis(latency.longValue()));
		return SimResponse.empty(204);
	}

	private SimResponse observations() {
		SimulatorObservations observations = this.simulator.observations();
		ObjectNode result = SimJson.object();
		ObjectNode regenerations = result.putObject("regenerations");
		observations.regenerationCounts().forEach(regenerations::put);
		ArrayNode tokens = result.putArray("tokenRequests");
		observations.tokenRequests()
			.forEach((record) -> tokens.addObject()
				.put("clientId", record.clientId())
				.put("accepted", record.accepted())
				.put("error", record.error())
				.put("timestamp", ClientJson.format(record.timestamp())));
		ArrayNode requests = result.putArray("apiRequests");
		observations.apiRequests()
			.forEach((record) -> requests.addObject()
				.put("operation", record.operation().name())
				.put("method", record.method())
				.put("path", record.path())
				.put("clientId", record.clientId())
				.put("status", record.status())
				.put("fault", (record.fault() != null) ? record.fault().name() : null)
				.put("timestamp", ClientJson.format(record.timestamp())));
		return SimResponse.json(200, result);
	}

	private SimResponse issuedSecrets() {
		ObjectNode result = SimJson.object();
		this.simulator.observations().issuedSecrets().forEach(result.putArray("issuedSecrets")::add);
		return SimResponse.json(200, result);
	}

	private SimResponse currentSecret(SimRequest request, String clientId) {
		Optional<String> secret = this.simulator.currentSecret(clientId);
		if (secret.isEmpty()) {
			return ApiErrors.notFound(request);
		}
		ObjectNode result = SimJson.object();
		result.put("clientId", clientId);
		result.put("secret", secret.get());
		return SimResponse.json(200, result);
	}

	private SimResponse recordUsage(SimRequest request, String clientId, String what) {
		if (!what.equals("usage") || this.simulator.currentSecret(clientId).isEmpty()) {
			return ApiErrors.notFound(request);
		}
		ObjectNode body = body(request);
		List<LocalDate> days = this.simulator.usage()
			.recordOnPastDays(clientId, body.path("days").asInt(0), body.path("requests").asInt(0));
		ObjectNode result = SimJson.object();
		result.put("clientId", clientId);
		ArrayNode recorded = result.putArray("days");
		days.forEach((day) -> recorded.addObject()
			.put("date", day.toString())
			.put("requestCount", this.simulator.usage().requests(clientId, day)));
		return SimResponse.json(200, result);
	}

	/** Every field is checked before any switch changes: a bad one changes nothing. */
	private SimResponse usageSwitches(SimRequest request) {
		ObjectNode body = body(request);
		JsonNode lag = body.path("publicationLagMinutes");
		JsonNode polls = body.path("jobPolls");
		JsonNode fail = body.path("failJobs");
		if (!lag.isMissingNode() && !(lag.isIntegralNumber() && lag.longValue() >= 0)) {
			throw new IllegalArgumentException("publicationLagMinutes must be a whole number of minutes, 0 or more");
		}
		if (!polls.isMissingNode() && !(polls.isInt() && polls.intValue() >= 0)) {
			throw new IllegalArgumentException("jobPolls must be a whole number, 0 or more");
		}
		if (!fail.isMissingNode() && !fail.isBoolean()) {
			throw new IllegalArgumentException("failJobs must be true or false");
		}
		UsageReports usage = this.simulator.usage();
		if (!lag.isMissingNode()) {
			usage.publicationLag(Duration.ofMinutes(lag.longValue()));
		}
		if (!polls.isMissingNode()) {
			usage.jobPolls(polls.intValue());
		}
		if (!fail.isMissingNode()) {
			usage.failJobs(fail.booleanValue());
		}
		ObjectNode result = SimJson.object();
		result.put("publicationLagMinutes", usage.publicationLag().toMinutes());
		result.put("jobPolls", usage.jobPolls());
		result.put("failJobs", usage.failJobs());
		return SimResponse.json(200, result);
	}

	private SimResponse reset() {
		this.simulator.reset();
		return SimResponse.empty(204);
	}

	private static ObjectNode faultJson(String id, FaultRule rule) {
		ObjectNode node = SimJson.object();
		node.put("id", id);
		node.put("operation", rule.operation().name());
		node.put("type", rule.type().name());
		node.put("clientId", rule.clientId());
		node.put("times", rule.times());
		node.put("status", rule.status());
		node.put("latencyMs", rule.latency().toMillis());
		node.put("retryAfterSeconds", rule.retryAfterSeconds());
		node.put("detail", rule.detail());
		node.put("bodyBytes", rule.bodyBytes());
		return node;
	}

	private static ObjectNode body(SimRequest request) {
		return SimJson.parseObject(request.body())
			.orElseThrow(() -> new IllegalArgumentException("The body must be a JSON object"));
	}

	private static String requiredText(ObjectNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || !node.isString() || node.stringValue().isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
		return node.stringValue();
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " " + value);
		}
	}

	/**
	 * One admin route.
	 *
	 * @param method the HTTP method
	 * @param path the path, with {@code {placeholders}}
	 * @param body the JSON body it takes ({@code ?} marks an optional field), or
	 * {@code null}
	 * @param does what it does
	 */
	record Route(String method, String path, String body, String does) {
	}

}
