package io.github.genesysrotator.web;

import io.github.genesysrotator.rotation.RotatorPropertiesConfiguration;
import io.github.genesysrotator.rotation.RotationService;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CredentialsController.class)
@Import({ SecurityConfiguration.class, OpenApiConfiguration.class, RotatorPropertiesConfiguration.class })
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class,
		SpringDocWebMvcConfiguration.class })
class OpenApiDocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@MockitoBean
	RotationService rotations;

	@Test
	void documentIsPublicAndListsTheOperations() throws Exception {
		String body = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode paths = this.json.readTree(body).path("paths");
		assertThat(paths.path("/api/v1/credentials").has("get")).isTrue();
		assertThat(paths.path("/api/v1/credentials/{name}").has("get")).isTrue();
		assertThat(paths.path("/api/v1/credentials/{name}/rotations").has("get")).isTrue();
		assertThat(paths.path("/api/v1/credentials/{name}/rotations").has("post")).isTrue();
		assertThat(paths.path("/api/v1/credentials/{name}/rollback").has("post")).isTrue();
		assertThat(paths.path("/api/v1/credentials/{name}/pause").has("post")).isTrue();
		assertThat(paths.path("/api/v1/credentials/{name}/resume").has("post")).isTrue();
		assertThat(paths.properties()).hasSize(6);
	}

	@Test
	void documentDescribesBearerSecurityAndTheRequestBody() throws Exception {
		JsonNode doc = this.json
			.readTree(this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
		assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		JsonNode body = doc.at("/components/schemas/RotateRequestBody/properties");
		assertThat(body.path("mode").path("enum").toString()).contains("routine", "compromise");
		assertThat(body.path("reason").path("maxLength").asInt()).isEqualTo(500);
		JsonNode pause = doc.at("/components/schemas/PauseRequestBody/properties");
		assertThat(pause.path("reason").path("maxLength").asInt()).isEqualTo(256);
		assertThat(pause.path("until").path("format").asString()).isEqualTo("date-time");
		assertThat(doc.at("/paths/~1api~1v1~1credentials~1{name}/get/parameters/0/schema/pattern").asString())
			.isEqualTo(CredentialsController.NAME);
		assertThat(doc.toString()).doesNotContainIgnoringCase("client_secret");
	}

}
