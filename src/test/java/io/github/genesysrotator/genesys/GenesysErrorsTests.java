package io.github.genesysrotator.genesys;

import io.github.genesysrotator.genesys.GenesysHttp.HttpResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** What of a Genesys answer may reach an error message, a problem detail or a log. */
class GenesysErrorsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void errorCodesAreQuotedWithTheStatus() {
		assertThat(GenesysErrors.code(JSON, result(403, "{\"code\":\"missing.any.permissions\",\"status\":403}")))
			.isEqualTo("missing.any.permissions (HTTP 403)");
		assertThat(GenesysErrors.code(JSON, result(400, "{\"error\":\"invalid_client\"}")))
			.isEqualTo("invalid_client (HTTP 400)");
	}

	@Test
	void anythingNotShapedLikeACodeIsLeftOut() {
		String hostile = "{\"code\":\"here is the secret: s3cr3t-value with spaces\",\"status\":400}";
		assertThat(GenesysErrors.code(JSON, result(400, hostile))).isEqualTo("HTTP 400");
		assertThat(GenesysErrors.code(JSON, result(400, "{\"code\":\"" + "x".repeat(65) + "\"}")))
			.isEqualTo("HTTP 400");
		assertThat(GenesysErrors.code(JSON, result(502, "<html>bad gateway</html>"))).isEqualTo("HTTP 502");
	}

	@Test
	void aResponsePrintsItsStatusButNeverItsBody() {
		HttpResult regenerated = result(200, "{\"id\":\"c1\",\"secret\":\"s3cr3t-value\"}");
		assertThat(regenerated.toString()).contains("200").doesNotContain("s3cr3t-value");
	}

	private static HttpResult result(int status, String body) {
		return new HttpResult(status, new HttpHeaders(), body);
	}

}
