package io.github.genesysrotator.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class BodySizeLimitFilterTests {

	private final BodySizeLimitFilter filter = new BodySizeLimitFilter(new ProblemWriter(JsonMapper.builder().build()));

	@Test
	void refusesOversizedBodyWithoutDeclaredLength() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(chunked("x".repeat(BodySizeLimitFilter.MAX_BYTES + 1)), response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("/problems/body-too-large");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void replaysBodyWithoutDeclaredLengthUpToTheLimit() throws Exception {
		String body = "y".repeat(BodySizeLimitFilter.MAX_BYTES);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(chunked(body), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.isEqualTo(body);
	}

	private static MockHttpServletRequest chunked(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/credentials/x/rotations") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
