package io.github.genesysrotator.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.rotation.RotatorPropertiesConfiguration;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * JWT bearer tokens from a real (test) OpenID Connect issuer over HTTP: the roles come
 * from the configured claim, the actor is the subject, and the issuer, audience and
 * signature are checked. The API token keeps working next to it.
 */
@WebMvcTest(CredentialsController.class)
@Import({ SecurityConfiguration.class, RotatorPropertiesConfiguration.class })
@TestPropertySource(properties = { "rotator.security.jwt.roles-claim=groups",
		"rotator.security.jwt.audience=genesys-secret-rotator", "rotator.security.api-tokens[0].name=dashboard",
		"rotator.security.api-tokens[0].sha256=8ed7a3cb498a69b97157eb5c685b8831eabdc118fce9a4c75425920ab3ddf6e0",
		"rotator.security.api-tokens[0].roles=read" })
class JwtAuthenticationTests {

	private static final TestIssuer issuer = TestIssuer.start();

	private static final String AUDIENCE = "genesys-secret-rotator";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RotationService rotations;

	@DynamicPropertySource
	static void issuerUri(DynamicPropertyRegistry registry) {
		registry.add("rotator.security.jwt.issuer-uri", issuer::issuer);
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void rolesComeFromTheConfiguredClaim() throws Exception {
		given(this.rotations.statuses()).willReturn(List.of());
		String reader = issuer.token("alice", Map.of("groups", List.of("read"), "aud", AUDIENCE));
		this.mvc.perform(bearer(reader, get("/api/v1/credentials"))).andExpect(status().isOk());
		this.mvc.perform(bearer(reader, post("/api/v1/credentials/billing-bot/rotations")))
			.andExpect(status().isForbidden());

		String rolesElsewhere = issuer.token("mallory",
				Map.of("roles", List.of("read", "rotate"), "groups", List.of("viewer"), "aud", AUDIENCE));
		this.mvc.perform(bearer(rolesElsewhere, get("/api/v1/credentials"))).andExpect(status().isForbidden());
	}

	@Test
	void theActorIsTheSubject() throws Exception {
		given(this.rotations.rotate(any())).willReturn(RotationFixtures.success("billing-bot", "ops-robot"));
		// A space-separated string works as well as a list.
		String rotator = issuer.token("ops-robot", Map.of("groups", "read rotate", "aud", AUDIENCE));
		this.mvc.perform(bearer(rotator, post("/api/v1/credentials/billing-bot/rotations"))).andExpect(status().isOk());
		ArgumentCaptor<RotationRequest> request = ArgumentCaptor.forClass(RotationRequest.class);
		verify(this.rotations).rotate(request.capture());
		assertThat(request.getValue().actor()).isEqualTo("ops-robot");
	}

	@Test
	void refusesAnotherAudienceAForgedSignatureAndAnotherIssuer() throws Exception {
		Map<String, Object> read = Map.of("groups", List.of("read"), "aud", AUDIENCE);
		for (String token : List.of(issuer.token("alice", Map.of("groups", List.of("read"), "aud", "other-api")),
				issuer.forgedToken("alice", read), "not.a.jwt")) {
			this.mvc.perform(bearer(token, get("/api/v1/credentials")))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
		}
	}

	@Test
	void apiTokensStillWorkNextToJwts() throws Exception {
		given(this.rotations.statuses()).willReturn(List.of());
		this.mvc.perform(bearer("reader-token-1", get("/api/v1/credentials"))).andExpect(status().isOk());
	}

	@Test
	void jwtIsOffWithoutAnIssuer() {
		ApiSecurityProperties apiTokensOnly = new ApiSecurityProperties(List.of(),
				new ApiSecurityProperties.Jwt(null, "roles", null));
		ProviderManager manager = (ProviderManager) SecurityConfiguration.authenticationManager(apiTokensOnly);
		assertThat(manager.getProviders()).noneMatch(JwtAuthenticationProvider.class::isInstance);

		ApiSecurityProperties withIssuer = new ApiSecurityProperties(List.of(),
				new ApiSecurityProperties.Jwt(URI.create(issuer.issuer()), "roles", null));
		int discoveriesBefore = issuer.discoveries();
		ProviderManager jwt = (ProviderManager) SecurityConfiguration.authenticationManager(withIssuer);
		assertThat(jwt.getProviders()).anyMatch(JwtAuthenticationProvider.class::isInstance);
		assertThat(issuer.discoveries()).as("the issuer is contacted on the first JWT, not at startup")
			.isEqualTo(discoveriesBefore);
	}

	private static MockHttpServletRequestBuilder bearer(String token, MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

}
