package io.github.genesysrotator.genesys;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.genesysrotator.genesys.GenesysHttp.HttpResult;
import io.github.genesysrotator.rotation.ClientSecret;
import io.github.genesysrotator.rotation.Dependency;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.Fence;
import io.github.genesysrotator.rotation.GenesysOAuthClients;
import io.github.genesysrotator.rotation.OAuthClientView;
import io.github.genesysrotator.rotation.OrgClient;
import io.github.genesysrotator.rotation.OrgEndpoints;
import io.github.genesysrotator.rotation.RequestPolicy;
import io.github.genesysrotator.rotation.UsageJob;
import io.github.genesysrotator.rotation.UsageJob.UsageDay;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link GenesysOAuthClients} over the Genesys Cloud Platform API v2. The endpoints it
 * calls and the permissions they need are listed in {@code docs/apis.md}.
 */
class GenesysCloudClient implements GenesysOAuthClients {

	/** A job id is quoted into a path: nothing but an id shape gets there. */
	private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private static final int USAGE_PAGE_SIZE = 100;

	/** A year of days, in pages: more means the answer is not what was asked. */
	private static final int MAX_USAGE_PAGES = 5;

	private final GenesysHttp http;

	private final TokenEndpoint tokens;

	private final AdminTokens adminTokens;

	private final OrgDirectory orgs;

	private final JsonMapper json;

	GenesysCloudClient(GenesysHttp http, TokenEndpoint tokens, AdminTokens adminTokens, OrgDirectory orgs,
			JsonMapper json) {
		this.http = http;
		this.tokens = tokens;
		this.adminTokens = adminTokens;
		this.orgs = orgs;
		this.json = json;
	}

	@Override
	public OAuthClientView getClient(String org, String clientId) {
		HttpResult result = api(org, "get_client", HttpMethod.GET, "/api/v2/oauth/clients/" + clientId);
		if (!result.ok()) {
			throw GenesysErrors.rejected(this.json, result, "reading client " + clientId);
		}
		JsonNode client = GenesysErrors.parse(this.json, result, "get_client");
		Set<String> grants = new LinkedHashSet<>();
		client.path("roleDivisions")
			.forEach((grant) -> grants
				.add(grant.path("roleId").asString("") + "/" + grant.path("divisionId").asString("")));
		return new OAuthClientView(client.path("id").asString(clientId), client.path("name").asString(""),
				client.path("state").asString("active"), client.path("authorizedGrantType").asString(""), grants);
	}

	@Override
	public ClientSecret regenerateSecret(String org, String clientId, Fence fence) {
		HttpResult result = api(org, "regenerate_secret", HttpMethod.POST,
				"/api/v2/oauth/clients/" + clientId + "/secret", fence);
		if (!result.ok()) {
			throw GenesysErrors.rejected(this.json, result, "regenerating the secret of client " + clientId);
		}
		String secret = GenesysErrors.parse(this.json, result, "regenerate_secret").path("secret").asString("");
		if (secret.isBlank()) {
			throw new DependencyRejectedException(Dependency.GENESYS, result.status(),
					"Regeneration of client " + clientId + " answered without a secret");
		}
		return ClientSecret.of(secret);
	}

	@Override
	public TokenCheck checkToken(String org, String clientId, ClientSecret secret) {
		// One attempt: the verifier retries on its own clock, up to its verify-timeout.
		TokenAnswer answer = this.tokens.requestOnce(org, "verify_token", clientId, secret);
		return switch (answer.kind()) {
			case ISSUED -> TokenCheck.ACCEPTED;
			case NOT_ACCEPTED -> TokenCheck.REJECTED;
			case RATE_LIMITED -> throw answer.rateLimited(org);
			case REFUSED -> throw new DependencyRejectedException(Dependency.GENESYS, answer.status(),
					"Token grant for client " + clientId + " refused: " + answer.reason());
		};
	}

	@Override
	public List<OrgClient> listClients(String org) {
		HttpResult result = api(org, "list_clients", HttpMethod.GET, "/api/v2/oauth/clients");
		if (!result.ok()) {
			throw GenesysErrors.rejected(this.json, result, "listing OAuth clients");
		}
		// One page holds every client: the API documents no paging parameters.
		List<OrgClient> clients = new ArrayList<>();
		GenesysErrors.parse(this.json, result, "list_clients")
			.path("entities")
			.forEach((client) -> clients.add(new OrgClient(client.path("id").asString(""),
					client.path("name").asString(""), client.path("authorizedGrantType").asString(""),
					client.path("state").asString("active"), instant(client.path("dateCreated").asString("")))));
		return clients;
	}

	@Override
	public String submitUsageQuery(String org, String clientId, Instant from, Instant to) {
		Map<String, Object> query = Map.of("interval", from + "/" + to, "granularity", "Day", "metrics",
				List.of("Requests"));
		String body = this.json.writeValueAsString(query);
		HttpResult result = api(org, "usage_query", usageJobs(clientId),
				(token) -> this.http.exchange(org, "usage_query",
						(client) -> client.post()
							.uri(this.orgs.endpoints(org).apiBaseUrl() + usageJobs(clientId))
							.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
							.accept(MediaType.APPLICATION_JSON)
							.contentType(MediaType.APPLICATION_JSON)
							.bodyValue(body)));
		if (!result.ok()) {
			throw GenesysErrors.rejected(this.json, result, "the usage query of client " + clientId);
		}
		String jobId = GenesysErrors.parse(this.json, result, "usage_query").path("id").asString("");
		if (!JOB_ID.matcher(jobId).matches()) {
			throw new DependencyRejectedException(Dependency.GENESYS, result.status(),
					"The usage query of client " + clientId + " answered without a job id");
		}
		return jobId;
	}

	@Override
	public UsageJob pollUsageQuery(String org, String clientId, String jobId) {
		List<UsageDay> days = new ArrayList<>();
		String next = usageJobs(clientId) + "/" + jobId + "?pageSize=" + USAGE_PAGE_SIZE;
		for (int page = 0; page < MAX_USAGE_PAGES; page++) {
			HttpResult result = api(org, "usage_result", HttpMethod.GET, next);
			if (!result.ok()) {
				throw GenesysErrors.rejected(this.json, result, "the usage job of client " + clientId);
			}
			JsonNode answer = GenesysErrors.parse(this.json, result, "usage_result");
			String status = answer.path("queryStatus").asString("");
			if (status.equals("Failed") || status.equals("Cancelled")) {
				return new UsageJob(UsageJob.Status.FAILED, List.of());
			}
			if (!status.equals("Succeeded")) {
				return new UsageJob(UsageJob.Status.PENDING, List.of());
			}
			for (JsonNode row : answer.path("entities")) {
				LocalDate date = date(row.path("date").asString(""));
				long requests = row.path("requestCount").asLong(0);
				if (date != null && requests > 0) {
					days.add(new UsageDay(date, requests));
				}
			}
			next = answer.path("nextUri").asString("");
			if (next.isEmpty() || !next.startsWith(usageJobs(clientId) + "/" + jobId + "?")) {
				return new UsageJob(UsageJob.Status.SUCCEEDED, days);
			}
		}
		throw new DependencyRejectedException(Dependency.GENESYS, 200,
				"The usage job of client " + clientId + " has more than " + MAX_USAGE_PAGES + " pages");
	}

	@Override
	public String adminClientId(String org) {
		return this.adminTokens.clientId(org);
	}

	private static String usageJobs(String clientId) {
		return "/api/v2/usage/client/" + clientId + "/aggregates/query/jobs";
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Instant instant(String text) {
		try {
			return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	@Override
	public OrgEndpoints endpoints(String org) {
		return this.orgs.endpoints(org);
	}

	@Override
	public RequestPolicy requestPolicy() {
		return this.http.policy();
	}

	/** A GET with the org's admin token, for the other adapters of this package. */
	HttpResult read(String org, String operation, String path) {
		return api(org, operation, HttpMethod.GET, path);
	}

	/**
	 * A request with a JSON body and a side effect, sent once per token (see
	 * {@link #api(String, String, HttpMethod, String, Fence)}).
	 */
	HttpResult write(String org, String operation, HttpMethod method, String path, String json, Fence fence) {
		return api(org, operation, path,
				(token) -> this.http.once(org, operation,
						(client) -> client.method(method)
							.uri(this.orgs.endpoints(org).apiBaseUrl() + path)
							.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
							.accept(MediaType.APPLICATION_JSON)
							.contentType(MediaType.APPLICATION_JSON)
							.bodyValue(json),
						fence));
	}

	/** A read with the org's admin token, re-authenticating once after a 401. */
	private HttpResult api(String org, String operation, HttpMethod method, String path) {
		return api(org, operation, path,
				(token) -> this.http.exchange(org, operation, request(org, method, path, token)));
	}

	/**
	 * A request with a side effect, sent once per token: the fence runs right before each
	 * send, after the admin token is at hand.
	 */
	private HttpResult api(String org, String operation, HttpMethod method, String path, Fence fence) {
		return api(org, operation, path,
				(token) -> this.http.once(org, operation, request(org, method, path, token), fence));
	}

	private HttpResult api(String org, String operation, String path, Function<String, HttpResult> send) {
		String token = this.adminTokens.forOrg(org);
		HttpResult result = send.apply(token);
		if (result.status() == 401) {
			this.adminTokens.invalidate(org, token);
			result = send.apply(this.adminTokens.forOrg(org));
		}
		return result;
	}

	private Function<WebClient, WebClient.RequestHeadersSpec<?>> request(String org, HttpMethod method, String path,
			String token) {
		String uri = this.orgs.endpoints(org).apiBaseUrl() + path;
		return (client) -> client.method(method)
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.accept(MediaType.APPLICATION_JSON);
	}

}
