package io.github.genesysrotator.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipe of {@code docs/this.sandbox.md} that shows a refusal of the retirement
 * guard, run exactly as written (with {@code bash}, {@code curl} and {@code jq}) against
 * the service on a this.sandbox, only the ports changed. The scheduler is off, so that no
 * scheduled rotation can interleave with the recipe.
 */
@SandboxServiceTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class StandbyInUseDemoIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DOCS_API = "http://localhost:8080";

	private static final String DOCS_GENESYS = "http://localhost:8300";

	private static final String DOCS_VAULT = "http://localhost:8200";

	/** The default of {@code rotator.rotation.usage-delay}. */
	private static final Duration USAGE_DELAY = Duration.ofHours(6);

	@Autowired
	private Sandbox sandbox;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void theDocumentedRecipeIsTheOneTheBannerPrints() throws IOException {
		assertThat(documentedRecipe())
			.isEqualTo(StandbyInUseDemo.commands(DOCS_API, DOCS_GENESYS, DOCS_VAULT, this.sandbox.vaultToken()));
	}

	@Test
	void theDocumentedRecipeEndsWithA409StandbyInUseNamingTheStandbyAndItsLastDay() throws Exception {
		HostTools.assumeOnPath("curl jq", "bash", "curl", "jq");
		String script = String.join("\n", documentedRecipe())
			.replace(DOCS_API, "http://localhost:" + this.port)
			.replace(DOCS_GENESYS, this.sandbox.genesys().baseUrl())
			.replace(DOCS_VAULT, this.sandbox.vaultUri().toString());
		LocalDate lastCompleteDay = LocalDate.ofInstant(Instant.now().minus(USAGE_DELAY), ZoneOffset.UTC).minusDays(1);

		String output = bash(script);

		String answer = output.substring(output.lastIndexOf("HTTP/1.1 "));
		assertThat(answer).startsWith("HTTP/1.1 409");
		assertThat(answer.lines().map(String::toLowerCase)).anyMatch((line) -> line.startsWith("retry-after: "));
		JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
		assertThat(problem.get("status").asInt()).isEqualTo(409);
		assertThat(problem.get("errorCode").asString()).isEqualTo("standby-in-use");
		JsonNode usage = problem.get("result").get("standbyUsage");
		String standby = usage.get("clientId").asString();
		assertThat(standby).isEqualTo(Sandbox.DUAL_A_ID);
		assertThat(usage.get("answer").asString()).isEqualTo("in-use");
		assertThat(usage.get("lastUsedOn").asString()).isEqualTo(lastCompleteDay.toString());
		assertThat(problem.get("detail").asString()).contains(standby).contains(lastCompleteDay.toString());
		assertThat(this.sandbox.genesys().observations().regenerationCount(Sandbox.DUAL_A_ID))
			.as("the refused rotation regenerated nothing")
			.isZero();
		assertThat(get("http://localhost:" + this.managementPort + "/actuator/prometheus"))
			.contains("rotator_standby_in_use{credential=\"" + Sandbox.DUAL + "\"} 1.0");
	}

	/** The first {@code bash} block after the heading of the recipe, line by line. */
	private static List<String> documentedRecipe() throws IOException {
		String docs = Files.readString(Path.of(System.getProperty("basedir", ""), "docs", "sandbox.md"));
		String section = docs.substring(docs.indexOf("## A refusal of the retirement guard"));
		String block = section.substring(section.indexOf("```bash\n") + "```bash\n".length());
		return block.substring(0, block.indexOf("```")).lines().toList();
	}

	private static String bash(String script) throws IOException, InterruptedException {
		Path log = Files.createTempFile("standby-in-use-demo", ".log");
		try {
			Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			boolean finished = process.waitFor(1, TimeUnit.MINUTES);
			process.destroyForcibly();
			String output = Files.readString(log, StandardCharsets.UTF_8);
			assertThat(finished).as("the recipe finished: " + output).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
			return output;
		}
		finally {
			Files.delete(log);
		}
	}

	private static String get(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString())
			.body();
	}

}
