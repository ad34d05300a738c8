package io.github.genesysrotator.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.genesysrotator.rotation.RotatorPropertiesConfiguration;
import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.NotApplicableException;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.rotation.UnknownCredentialException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CredentialsController.class)
@Import({ SecurityConfiguration.class, RotatorPropertiesConfiguration.class })
@TestPropertySource(properties = { "rotator.security.api-tokens[0].name=dashboard",
		"rotator.security.api-tokens[0].sha256=8ed7a3cb498a69b97157eb5c685b8831eabdc118fce9a4c75425920ab3ddf6e0",
		"rotator.security.api-tokens[0].roles=read", "rotator.security.api-tokens[1].name=ci-pipeline",
		"rotator.security.api-tokens[1].sha256=B4B2F0962996907D93917BB99B6E2ECBF5583734E3E2B0E8E74568FAFBD79EDE",
		"rotator.security.api-tokens[1].roles=rotate", "rotator.security.api-tokens[2].name=operator",
		"rotator.security.api-tokens[2].sha256=f35ed2a6db1c26fdf985d8cc196d86a0afa41d351caf7314ecc50503fe948e38",
		"rotator.security.api-tokens[2].roles=read,rotate" })
class CredentialsControllerTests {

	static final String READ = "reader-token-1";

	static final String ROTATE = "rotator-token-2";

	static final String BOTH = "admin-token-3";

	static final String PROBLEM = "https://genesys-secret-rotator.dev/problems/";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@MockitoBean
	RotationService rotations;

	@Test
	void listsCredentialsWithStatus() throws Exception {
		given(this.rotations.statuses())
			.willReturn(List.of(RotationFixtures.status("billing-bot"), RotationFixtures.status("crm-sync")));
		this.mvc.perform(as(READ, get("/api/v1/credentials")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[0].name").value("billing-bot"))
			.andExpect(jsonPath("$[0].strategy").value("dual"))
			.andExpect(jsonPath("$[0].phase").value("idle"))
			.andExpect(jsonPath("$[0].activeClientId").value(RotationFixtures.CLIENT_B))
			.andExpect(jsonPath("$[0].standbyClientId").value(RotationFixtures.CLIENT_A))
			.andExpect(jsonPath("$[0].secretAge").value("PT5H"))
			.andExpect(jsonPath("$[0].rotationInterval").value("PT720H"))
			.andExpect(jsonPath("$[0].nextDue").value("2026-04-01T02:00:00Z"))
			.andExpect(jsonPath("$[0].lastRotation.outcome").value("success"))
			.andExpect(jsonPath("$[1].name").value("crm-sync"));
	}

	@Test
	void showsOneCredential() throws Exception {
		given(this.rotations.status("billing-bot")).willReturn(RotationFixtures.status("billing-bot"));
		this.mvc.perform(as(READ, get("/api/v1/credentials/billing-bot")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.vaultPath").value("genesys/billing-bot"))
			.andExpect(jsonPath("$.activeSince").value("2026-03-02T02:00:00Z"));
	}

	@Test
	void unknownCredentialIsNotFoundProblem() throws Exception {
		given(this.rotations.status("nope")).willThrow(new UnknownCredentialException("nope"));
		this.mvc.perform(as(READ, get("/api/v1/credentials/nope")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "unknown-credential"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.errorCode").value("unknown-credential"))
			.andExpect(jsonPath("$.detail").value("No credential named 'nope' is configured"));
	}

	@Test
	void unknownCredentialRotationIsNotFound() throws Exception {
		given(this.rotations.rotate(any())).willThrow(new UnknownCredentialException("nope"));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/nope/rotations")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEM + "unknown-credential"));
	}

	@Test
	void historyIsNewestFirst() throws Exception {
		given(this.rotations.history("billing-bot"))
			.willReturn(List.of(RotationFixtures.history("r-2", RotationFixtures.T0.plusSeconds(60), Outcome.FAILED),
					RotationFixtures.history("r-1", RotationFixtures.T0, Outcome.SUCCESS)));
		this.mvc.perform(as(READ, get("/api/v1/credentials/billing-bot/rotations")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].rotationId").value("r-2"))
			.andExpect(jsonPath("$[0].outcome").value("failed"))
			.andExpect(jsonPath("$[0].error").value("boom"))
			.andExpect(jsonPath("$[0].duration").value("PT5S"))
			.andExpect(jsonPath("$[0].targets[0].type").value("vault-path"))
			.andExpect(jsonPath("$[0].targets[0].id").value("genesys/billing-bot"))
			.andExpect(jsonPath("$[0].targets[0].version").value(3))
			.andExpect(jsonPath("$[1].rotationId").value("r-1"));
	}

	@Test
	void rotatesWithTheTokenNameAsActor() throws Exception {
		given(this.rotations.rotate(any())).willReturn(RotationFixtures.success("billing-bot", "ci-pipeline"));
		this.mvc
			.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"compromise\",\"reason\":\"leaked in a build log\",\"dryRun\":false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("success"))
			.andExpect(jsonPath("$.activeClientId").value(RotationFixtures.CLIENT_B))
			.andExpect(jsonPath("$.consumerVersion").value(7))
			.andExpect(jsonPath("$.phases[1].phase").value("promoted"))
			.andExpect(jsonPath("$.duration").value("PT4S"));
		RotationRequest request = captured();
		assertThat(request.credential()).isEqualTo("billing-bot");
		assertThat(request.trigger()).isEqualTo(Trigger.API);
		assertThat(request.actor()).isEqualTo("ci-pipeline");
		assertThat(request.mode()).isEqualTo(Mode.COMPROMISE);
		assertThat(request.reason()).isEqualTo("leaked in a build log");
		assertThat(request.dryRun()).isFalse();
		assertThat(request.queuedAt()).isNull();
	}

	@Test
	void rotatesRoutineWithoutBody() throws Exception {
		given(this.rotations.rotate(any())).willReturn(RotationFixtures.success("billing-bot", "operator"));
		this.mvc.perform(as(BOTH, post("/api/v1/credentials/billing-bot/rotations"))).andExpect(status().isOk());
		RotationRequest request = captured();
		assertThat(request.mode()).isEqualTo(Mode.ROUTINE);
		assertThat(request.dryRun()).isFalse();
		assertThat(request.actor()).isEqualTo("operator");
	}

	@Test
	void passesDryRun() throws Exception {
		given(this.rotations.rotate(any())).willReturn(RotationFixtures.success("billing-bot", "operator"));
		this.mvc
			.perform(as(BOTH, post("/api/v1/credentials/billing-bot/rotations")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"dryRun\":true}"))
			.andExpect(status().isOk());
		assertThat(captured().dryRun()).isTrue();
	}

	@Test
	void busyIsConflict() throws Exception {
		given(this.rotations.rotate(any()))
			.willReturn(RotationFixtures.ended("billing-bot", Outcome.BUSY, "rotation-in-progress", null));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations")))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "rotation-in-progress"))
			.andExpect(jsonPath("$.title").isNotEmpty())
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value("Engine says rotation-in-progress"))
			.andExpect(jsonPath("$.credential").value("billing-bot"))
			.andExpect(jsonPath("$.errorCode").value("rotation-in-progress"))
			.andExpect(jsonPath("$.result.outcome").value("busy"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "cooldown", "grace-period" })
	void timeRulesAreTooManyRequestsWithRetryAfterRoundedUp(String code) throws Exception {
		given(this.rotations.rotate(any())).willReturn(
				RotationFixtures.ended("billing-bot", Outcome.SKIPPED, code, Duration.ofSeconds(90, 200_000_000)));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "91"))
			.andExpect(jsonPath("$.type").value(PROBLEM + code))
			.andExpect(jsonPath("$.result.retryAfter").value("PT1M30.2S"));
	}

	static Stream<Arguments> failures() {
		return Stream.of(Arguments.of("preflight-failed", 409), Arguments.of("state-conflict", 409),
				Arguments.of("lease-lost", 409), Arguments.of("publication-conflict", 409),
				Arguments.of("genesys-rejected", 502), Arguments.of("verification-failed", 502),
				Arguments.of("vault-rejected", 502), Arguments.of("genesys-unavailable", 503),
				Arguments.of("vault-unavailable", 503), Arguments.of("invalid-configuration", 500),
				Arguments.of("something-new", 500));
	}

	@ParameterizedTest
	@MethodSource("failures")
	void failuresMapToStatusAndType(String code, int status) throws Exception {
		given(this.rotations.rotate(any()))
			.willReturn(RotationFixtures.ended("billing-bot", Outcome.FAILED, code, null));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations")))
			.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + code))
			.andExpect(jsonPath("$.errorCode").value(code))
			.andExpect(jsonPath("$.rotationId").value("9d1f6c2e-2222-4c55-8d1a-1b2c3d4e5f60"))
			.andExpect(jsonPath("$.credential").value("billing-bot"));
	}

	@Test
	void alreadyRotatedWithoutRetryAfterIsConflict() throws Exception {
		given(this.rotations.rotate(any()))
			.willReturn(RotationFixtures.ended("billing-bot", Outcome.SKIPPED, "already-rotated", null));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations")))
			.andExpect(status().isConflict())
			.andExpect(header().doesNotExist(HttpHeaders.RETRY_AFTER));
	}

	@Test
	void rollsBack() throws Exception {
		given(this.rotations.rollback("billing-bot", "ci-pipeline"))
			.willReturn(RotationFixtures.success("billing-bot", "ci-pipeline"));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rollback")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.actor").value("ci-pipeline"));
		verify(this.rotations).rollback("billing-bot", "ci-pipeline");
	}

	@Test
	void refusedRollbackIsConflict() throws Exception {
		given(this.rotations.rollback(eq("billing-bot"), any()))
			.willReturn(RotationFixtures.ended("billing-bot", Outcome.FAILED, "preflight-failed", null));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rollback")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEM + "preflight-failed"));
	}

	@Test
	void rollbackThatCannotApplyIsAConflictOfItsOwnType() throws Exception {
		given(this.rotations.rollback(eq("billing-bot"), any()))
			.willThrow(new NotApplicableException("billing-bot", "rollback needs the dual strategy"));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rollback")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEM + "not-applicable"))
			.andExpect(jsonPath("$.errorCode").value("not-applicable"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("dual strategy")));
	}

	/**
	 * Every endpoint x every kind of caller, as docs/api.md states it: no token is a 401
	 * with a bare challenge, an unknown token a 401 with {@code error="invalid_token"},
	 * {@code read} opens the GETs only, {@code rotate} the POSTs only, both open all.
	 */
	@ParameterizedTest(name = "{0} {1} as {2}")
	@MethodSource("authorizationMatrix")
	void authorizationMatrix(String method, String path, Caller caller, int expected) throws Exception {
		given(this.rotations.statuses()).willReturn(List.of(RotationFixtures.status("billing-bot")));
		given(this.rotations.status("billing-bot")).willReturn(RotationFixtures.status("billing-bot"));
		given(this.rotations.history("billing-bot"))
			.willReturn(List.of(RotationFixtures.history("r-1", RotationFixtures.T0, Outcome.SUCCESS)));
		given(this.rotations.rotate(any())).willReturn(RotationFixtures.success("billing-bot", "operator"));
		given(this.rotations.rollback(eq("billing-bot"), any()))
			.willReturn(RotationFixtures.success("billing-bot", "operator"));
		given(this.rotations.pause(eq("billing-bot"), any(), any(), any()))
			.willReturn(RotationFixtures.status("billing-bot"));
		given(this.rotations.resume(eq("billing-bot"), any())).willReturn(RotationFixtures.status("billing-bot"));
		MockHttpServletRequestBuilder request = "GET".equals(method) ? get(path) : post(path);
		if (caller.token != null) {
			request = as(caller.token, request);
		}

		MvcResult result = this.mvc.perform(request).andExpect(status().is(expected)).andReturn();

		String challenge = result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE);
		if (expected == 401) {
			assertThat(challenge).isEqualTo((caller == Caller.NONE) ? SecurityConfiguration.REALM
					: SecurityConfiguration.REALM + ", error=\"invalid_token\"");
		}
		else {
			assertThat(challenge).isNull();
		}
		if (expected >= 400) {
			assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(this.json.readTree(result.getResponse().getContentAsString()).path("type").asString())
				.isEqualTo(PROBLEM + ((expected == 401) ? "unauthorized" : "forbidden"));
			verifyNoInteractions(this.rotations);
		}
	}

	static Stream<Arguments> authorizationMatrix() {
		List<Arguments> cases = new ArrayList<>();
		List<List<String>> endpoints = List.of(List.of("GET", "/api/v1/credentials"),
				List.of("GET", "/api/v1/credentials/billing-bot"),
				List.of("POST", "/api/v1/credentials/billing-bot/rotations"),
				List.of("GET", "/api/v1/credentials/billing-bot/rotations"),
				List.of("POST", "/api/v1/credentials/billing-bot/rollback"),
				List.of("POST", "/api/v1/credentials/billing-bot/pause"),
				List.of("POST", "/api/v1/credentials/billing-bot/resume"));
		for (List<String> endpoint : endpoints) {
			boolean read = "GET".equals(endpoint.get(0));
			for (Caller caller : Caller.values()) {
				int expected = switch (caller) {
					case NONE, WRONG -> 401;
					case READ_ONLY -> read ? 200 : 403;
					case ROTATE_ONLY -> read ? 403 : 200;
					case READ_AND_ROTATE -> 200;
				};
				cases.add(Arguments.of(endpoint.get(0), endpoint.get(1), caller, expected));
			}
		}
		return cases.stream();
	}

	enum Caller {

		NONE(null), WRONG("reader-token-2"), READ_ONLY(READ), ROTATE_ONLY(ROTATE), READ_AND_ROTATE(BOTH);

		private final String token;

		Caller(String token) {
			this.token = token;
		}

	}

	@Test
	void malformedJsonIsBadRequest() throws Exception {
		this.mvc
			.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-request"));
		verifyNoInteractions(this.rotations);
	}

	static Stream<Arguments> invalidBodies() {
		return Stream.of(Arguments.of("{\"dryrun\":true}", "Unknown field 'dryrun'"),
				Arguments.of("{\"dryRun\":\"maybe\"}", "Field 'dryRun' has a value of the wrong type"),
				Arguments.of("{\"mode\":\"panic\"}", "'mode' must be 'routine' or 'compromise'"),
				Arguments.of("{\"mode\":\"ROUTINE\"}", "'mode' must be 'routine' or 'compromise'"),
				Arguments.of("{\"reason\":\"" + "x".repeat(501) + "\"}", "'reason' size must be between 0 and 500"),
				Arguments.of("{\"reason\":\"forged\\nrotation.succeeded\"}",
						"'reason' must not contain control characters such as line breaks"),
				Arguments.of("[]", "Field '(body)' has a value of the wrong type"));
	}

	@ParameterizedTest
	@MethodSource("invalidBodies")
	void invalidBodyIsUnprocessable(String body, String detail) throws Exception {
		this.mvc
			.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-body"))
			.andExpect(jsonPath("$.detail").value(detail));
		verifyNoInteractions(this.rotations);
	}

	@Test
	void pausesWithTheTokenNameAsActorAndShowsThePause() throws Exception {
		java.time.Instant until = RotationFixtures.T0.plus(Duration.ofDays(1));
		given(this.rotations.pause("billing-bot", "ci-pipeline", "freeze", until))
			.willReturn(RotationFixtures.paused("billing-bot", "ci-pipeline", "freeze", until));
		this.mvc
			.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/pause")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"freeze\",\"until\":\"" + until + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paused.by").value("ci-pipeline"))
			.andExpect(jsonPath("$.paused.reason").value("freeze"))
			.andExpect(jsonPath("$.paused.until").value(until.toString()));
	}

	@Test
	void pausesWithoutBodyAndResumes() throws Exception {
		given(this.rotations.pause("billing-bot", "ci-pipeline", null, null))
			.willReturn(RotationFixtures.paused("billing-bot", "ci-pipeline", null, null));
		given(this.rotations.resume("billing-bot", "ci-pipeline")).willReturn(RotationFixtures.status("billing-bot"));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/pause")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paused.by").value("ci-pipeline"));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/resume")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paused").doesNotExist());
		verify(this.rotations).resume("billing-bot", "ci-pipeline");
	}

	static Stream<Arguments> invalidPauses() {
		return Stream.of(
				Arguments.of("{\"reason\":\"" + "x".repeat(257) + "\"}", "'reason' size must be between 0 and 256"),
				Arguments.of("{\"reason\":\"freeze\\u0007\"}",
						"'reason' must not contain control characters such as line breaks"),
				Arguments.of("{\"untill\":\"2030-01-01T00:00:00Z\"}", "Unknown field 'untill'"),
				Arguments.of("{\"until\":\"tomorrow\"}", "Field 'until' has a value of the wrong type"));
	}

	@ParameterizedTest
	@MethodSource("invalidPauses")
	void invalidPauseIsUnprocessableAndChangesNothing(String body, String detail) throws Exception {
		this.mvc
			.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/pause")).contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-body"))
			.andExpect(jsonPath("$.detail").value(detail));
		verifyNoInteractions(this.rotations);
	}

	@Test
	void aPauseUntilThePastIsUnprocessable() throws Exception {
		given(this.rotations.pause(eq("billing-bot"), any(), any(), any()))
			.willThrow(new io.github.genesysrotator.rotation.InvalidPauseException("until must be in the future"));
		this.mvc
			.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/pause")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"until\":\"2000-01-01T00:00:00Z\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-pause"));
	}

	@Test
	void pausedRotationIsConflict() throws Exception {
		given(this.rotations.rotate(any()))
			.willReturn(RotationFixtures.ended("billing-bot", Outcome.SKIPPED, "paused", null));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(PROBLEM + "paused"));
	}

	@Test
	void reasonOfFiveHundredCharactersIsAccepted() throws Exception {
		given(this.rotations.rotate(any())).willReturn(RotationFixtures.success("billing-bot", "ci-pipeline"));
		this.mvc
			.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"" + "x".repeat(500) + "\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void bodyOverFourKibibytesIsTooLarge() throws Exception {
		String body = "{\"reason\":\"" + "x".repeat(5000) + "\"}";
		this.mvc
			.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "body-too-large"));
		verifyNoInteractions(this.rotations);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/credentials/..%2Fsecret", "/api/v1/credentials/%2e%2e",
			"/api/v1/credentials/caf%C3%A9", "/api/v1/credentials/Billing-Bot", "/api/v1/credentials/-leading",
			"/api/v1/credentials/under_score" })
	void invalidCredentialNamesAreBadRequest(String path) throws Exception {
		MvcResult result = this.mvc.perform(as(READ, get(java.net.URI.create(path))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-request"))
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).doesNotContain("Exception").doesNotContain("at io.");
		verifyNoInteractions(this.rotations);
	}

	@Test
	void tooLongCredentialNameIsBadRequest() throws Exception {
		given(this.rotations.status(any())).willReturn(RotationFixtures.status("x"));
		this.mvc.perform(as(READ, get("/api/v1/credentials/" + "a".repeat(63)))).andExpect(status().isOk());
		this.mvc.perform(as(READ, get("/api/v1/credentials/" + "a".repeat(64))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-request"));
		this.mvc.perform(as(ROTATE, post("/api/v1/credentials/" + "a".repeat(64) + "/rotations")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void nonJsonBodyIsUnsupportedMediaTypeProblem() throws Exception {
		this.mvc
			.perform(as(ROTATE, post("/api/v1/credentials/billing-bot/rotations")).contentType(MediaType.TEXT_PLAIN)
				.content("rotate please"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "invalid-request"));
		verifyNoInteractions(this.rotations);
	}

	@Test
	void unknownRouteIsNotFoundProblem() throws Exception {
		this.mvc.perform(as(READ, get("/api/v1/nothing-here")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "not-found"));
	}

	@Test
	void unexpectedErrorIsProblemWithoutStackTrace() throws Exception {
		given(this.rotations.statuses()).willThrow(new IllegalStateException("internal detail"));
		MvcResult result = this.mvc.perform(as(READ, get("/api/v1/credentials")))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.type").value(PROBLEM + "internal-error"))
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).doesNotContain("internal detail")
			.doesNotContain("IllegalStateException");
	}

	@Test
	void answersCarryNoSecretField() throws Exception {
		given(this.rotations.statuses()).willReturn(List.of(RotationFixtures.status("billing-bot")));
		given(this.rotations.rotate(any())).willReturn(RotationFixtures.success("billing-bot", "operator"));
		given(this.rotations.history(any()))
			.willReturn(List.of(RotationFixtures.history("r-1", RotationFixtures.T0, Outcome.SUCCESS)));
		given(this.rotations.rollback(any(), any()))
			.willReturn(RotationFixtures.ended("billing-bot", Outcome.FAILED, "genesys-rejected", null));
		List<String> fields = new ArrayList<>();
		fields.addAll(fieldNames(this.mvc.perform(as(BOTH, get("/api/v1/credentials"))).andReturn()));
		fields.addAll(
				fieldNames(this.mvc.perform(as(BOTH, post("/api/v1/credentials/billing-bot/rotations"))).andReturn()));
		fields.addAll(
				fieldNames(this.mvc.perform(as(BOTH, get("/api/v1/credentials/billing-bot/rotations"))).andReturn()));
		fields.addAll(
				fieldNames(this.mvc.perform(as(BOTH, post("/api/v1/credentials/billing-bot/rollback"))).andReturn()));
		assertThat(fields).contains("activeClientId", "secretAge", "errorCode", "result")
			.noneMatch(CredentialsControllerTests::namesASecret);
	}

	@Test
	void viewTypesDeclareNoSecretField() {
		for (Class<?> type : List.of(CredentialView.class, RotationView.class, RotationView.PhaseView.class,
				HistoryView.class, RotateRequestBody.class)) {
			assertThat(type.getRecordComponents()).extracting(java.lang.reflect.RecordComponent::getName)
				.noneMatch(CredentialsControllerTests::namesASecret);
		}
	}

	/**
	 * {@code secret}, {@code client_secret}, {@code clientSecret}, ...; not
	 * {@code secretAge}.
	 */
	private static boolean namesASecret(String field) {
		String name = field.toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "");
		return name.endsWith("secret") || name.equals("token") || name.equals("password");
	}

	private List<String> fieldNames(MvcResult result) throws Exception {
		List<String> names = new ArrayList<>();
		collect(this.json.readTree(result.getResponse().getContentAsString()), names);
		return names;
	}

	private static void collect(JsonNode node, List<String> names) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				names.add(field.getKey());
				collect(field.getValue(), names);
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> collect(element, names));
		}
	}

	private RotationRequest captured() {
		ArgumentCaptor<RotationRequest> request = ArgumentCaptor.forClass(RotationRequest.class);
		verify(this.rotations).rotate(request.capture());
		return request.getValue();
	}

	private static MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

}
