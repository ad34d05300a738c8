package io.github.genesysrotator.genesys;

import io.github.genesysrotator.genesys.GenesysHttp.HttpResult;
import io.github.genesysrotator.genesys.TokenAnswer.Kind;
import io.github.genesysrotator.rotation.DependencyRejectedException;
import io.github.genesysrotator.rotation.DependencyUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How every token answer is read: only {@code invalid_client} means "not (yet) accepted",
 * only {@code invalid_request} "rate limit exceeded" is transient, anything else is a
 * refusal.
 */
class TokenAnswerTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aTokenIsIssuedWithItsLifetime() {
		TokenAnswer answer = read(200,
				"{\"access_token\":\"opaque-token\",\"token_type\":\"bearer\",\"expires_in\":86399}");

		assertThat(answer.kind()).isEqualTo(Kind.ISSUED);
		assertThat(answer.accessToken()).isEqualTo("opaque-token");
		assertThat(answer.expiresInSeconds()).isEqualTo(86399);
		assertThat(answer.toString()).doesNotContain("opaque-token");
	}

	@Test
	void invalidClientIsASecretNotYetAccepted() {
		TokenAnswer answer = read(400,
				"{\"error\":\"invalid_client\",\"description\":\"authentication failed\",\"error_description\":\"authentication failed\"}");

		assertThat(answer.kind()).isEqualTo(Kind.NOT_ACCEPTED);
		assertThat(answer.reason()).isEqualTo("invalid_client (HTTP 400)");
	}

	@Test
	void anAnswerWithoutATokenIsNotAnAcceptance() {
		assertThat(read(200, "{\"token_type\":\"bearer\"}").kind()).isEqualTo(Kind.NOT_ACCEPTED);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"error\":\"invalid_request\",\"description\":\"rate limit exceeded; retry later\",\"error_description\":\"rate limit exceeded; retry later\"}",
			"{\"error\":\"invalid_request\",\"error_description\":\"rate limit exceeded;\"}",
			"{\"error\":\"invalid_request\",\"description\":\"Rate limit exceeded; slow down\"}" })
	void invalidRequestRateLimitExceededIsTransient(String body) {
		TokenAnswer answer = read(400, body);

		assertThat(answer.kind()).isEqualTo(Kind.RATE_LIMITED);
		DependencyUnavailableException failure = answer.rateLimited("acme");
		assertThat(failure).hasMessageContaining("rate limit").hasMessageContaining("acme");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "400|{\"error\":\"invalid_request\",\"error_description\":\"grant_type is required\"}",
					"400|{\"error\":\"unauthorized_client\",\"error_description\":\"rate limit exceeded; no\"}",
					"400|{\"error_description\":\"rate limit exceeded;\"}", "400|<html>rate limit exceeded; </html>",
					"401|{\"error\":\"invalid_client\"}",
					"403|{\"error\":\"invalid_request\",\"error_description\":\"rate limit exceeded;\"}",
					"500|{\"error\":\"server_error\"}" })
	void anythingElseIsARefusal(int status, String body) {
		assertThat(read(status, body).kind()).isEqualTo(Kind.REFUSED);
	}

	@Test
	void aSuccessThatIsNotJsonIsARejectionNamingTheOperation() {
		assertThatThrownBy(() -> read(200, "<html>login</html>")).isInstanceOf(DependencyRejectedException.class)
			.hasMessageContaining("verify_token");
	}

	private TokenAnswer read(int status, String body) {
		return TokenAnswer.read(this.json, new HttpResult(status, new HttpHeaders(), body), "verify_token");
	}

}
