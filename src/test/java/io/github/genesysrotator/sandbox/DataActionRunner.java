package io.github.genesysrotator.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.github.genesysrotator.sandbox.genesys.GenesysSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Executes the sandbox's demo data action over HTTP as an Architect flow would: with the
 * demo flow client's token, {@code POST /api/v2/integrations/actions/{id}/execute}. The
 * integration behind the action authenticates with its integration credential, the
 * consumer the rotator publishes to. Requests pass the simulator's fault rules untouched.
 */
public final class DataActionRunner {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Sandbox sandbox;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private String flowToken;

	public DataActionRunner(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	/**
	 * One execution of the demo action.
	 * @return its HTTP status (200 done, 400 the integration's credential failed) and the
	 * client the action authenticated as, when it did
	 */
	public Execution execute() {
		return execute(Sandbox.ACTION_ID);
	}

	/**
	 * One execution of a data action.
	 * @param actionId the action to run
	 * @return its HTTP status (200 done, 400 the integration's credential failed) and the
	 * client the action authenticated as, when it did
	 */
	public Execution execute(String actionId) {
		Execution execution = executeOnce(actionId);
		if (execution.status() == 401) {
			// The flow's own token expired (the simulator's clock may move by days): a
			// flow gets a new one, as the platform does.
			dropFlowToken();
			execution = executeOnce(actionId);
		}
		return execution;
	}

	private Execution executeOnce(String actionId) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI
					.create(this.sandbox.genesys().baseUrl() + "/api/v2/integrations/actions/" + actionId + "/execute"))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", "Bearer " + flowToken())
				.header("Content-Type", "application/json")
				.header(GenesysSimulator.OBSERVER_HEADER, "data-action-runner")
				.POST(BodyPublishers.ofString("{}"))
				.build();
			var response = this.http.send(request, BodyHandlers.ofString());
			JsonNode body = JSON.readTree(response.body());
			return new Execution(response.statusCode(), body.path("authenticatedAs").asString(null),
					body.path("details").path(0).path("errorCode").asString(null));
		}
		catch (IOException ex) {
			return new Execution(0, null, ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private synchronized void dropFlowToken() {
		this.flowToken = null;
	}

	private synchronized String flowToken() throws IOException, InterruptedException {
		if (this.flowToken == null) {
			String secret = this.sandbox.genesys().currentSecret(Sandbox.FLOW_ID).orElseThrow();
			String basic = Base64.getEncoder()
				.encodeToString((Sandbox.FLOW_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.sandbox.genesys().baseUrl() + "/oauth/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header(GenesysSimulator.OBSERVER_HEADER, "data-action-runner")
				.POST(BodyPublishers.ofString("grant_type=client_credentials"))
				.build();
			this.flowToken = JSON.readTree(this.http.send(request, BodyHandlers.ofString()).body())
				.path("access_token")
				.asString();
		}
		return this.flowToken;
	}

	/**
	 * One execution's answer.
	 *
	 * @param status the HTTP status, 0 when there was none
	 * @param authenticatedAs the client the action's integration authenticated as
	 * @param errorCode the error's detail code, e.g. {@code ACTION.AUTHENTICATION}
	 */
	public record Execution(int status, String authenticatedAs, String errorCode) {

		public boolean succeeded() {
			return this.status == 200;
		}

	}

}
