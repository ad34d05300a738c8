package io.github.genesysrotator.web;

import java.time.Instant;
import java.util.List;

import io.github.genesysrotator.observability.OrgCoverage;
import io.github.genesysrotator.observability.OrgCoverage.CoveredClient;
import io.github.genesysrotator.rotation.OrgClient;
import io.github.genesysrotator.rotation.RotatorPropertiesConfiguration;
import io.github.genesysrotator.rotation.UnknownOrgException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The org coverage API: role read, the managing credential per client, problems. */
@WebMvcTest(OrgsController.class)
@Import({ SecurityConfiguration.class, RotatorPropertiesConfiguration.class })
@TestPropertySource(properties = { "rotator.security.api-tokens[0].name=dashboard",
		"rotator.security.api-tokens[0].sha256=8ed7a3cb498a69b97157eb5c685b8831eabdc118fce9a4c75425920ab3ddf6e0",
		"rotator.security.api-tokens[0].roles=read", "rotator.security.api-tokens[1].name=ci-pipeline",
		"rotator.security.api-tokens[1].sha256=B4B2F0962996907D93917BB99B6E2ECBF5583734E3E2B0E8E74568FAFBD79EDE",
		"rotator.security.api-tokens[1].roles=rotate" })
class OrgsControllerTests {

	private static final String PROBLEM = "https://genesys-secret-rotator.dev/problems/";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrgCoverage coverage;

	@Test
	void listsEveryClientWithTheCredentialManagingIt() throws Exception {
		Instant created = Instant.parse("2025-01-02T03:04:05Z");
		given(this.coverage.clients("acme")).willReturn(List.of(
				new CoveredClient(new OrgClient("client-a", "billing A", "CLIENT-CREDENTIALS", "active", created),
						"billing-bot"),
				new CoveredClient(new OrgClient("client-x", "legacy", "CLIENT-CREDENTIALS", "active", null), null)));

		this.mvc.perform(as(CredentialsControllerTests.READ, get("/api/v1/orgs/acme/clients")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("client-a"))
			.andExpect(jsonPath("$[0].grantType").value("CLIENT-CREDENTIALS"))
			.andExpect(jsonPath("$[0].dateCreated").value("2025-01-02T03:04:05Z"))
			.andExpect(jsonPath("$[0].managedBy").value("billing-bot"))
			.andExpect(jsonPath("$[1].managedBy").isEmpty());
	}

	@Test
	void unknownOrgIsANotFoundProblem() throws Exception {
		given(this.coverage.clients("nowhere")).willThrow(new UnknownOrgException("nowhere"));

		this.mvc.perform(as(CredentialsControllerTests.READ, get("/api/v1/orgs/nowhere/clients")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEM + "unknown-org"));
	}

	@Test
	void readRoleIsRequiredAndABadNameNeverReachesGenesys() throws Exception {
		this.mvc.perform(as(CredentialsControllerTests.ROTATE, get("/api/v1/orgs/acme/clients")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/orgs/acme/clients")).andExpect(status().isUnauthorized());
		this.mvc.perform(as(CredentialsControllerTests.READ, get("/api/v1/orgs/-bad!/clients")))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(this.coverage);
	}

	private static MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

}
