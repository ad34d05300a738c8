package io.github.genesysrotator.web;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.github.genesysrotator.web.ApiSecurityProperties.ApiToken;
import io.github.genesysrotator.web.ApiSecurityProperties.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.MockedStatic;
import org.mockito.Mockito;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;

/**
 * The look-up is timing safe by construction: whatever token is presented (the first, the
 * last, none of them), it is compared with every configured hash, and each comparison is
 * {@link MessageDigest#isEqual} (constant time). Asserted on the code path, not with a
 * stopwatch.
 */
class ApiTokenAuthenticationProviderTests {

	private static final int TOKENS = 5;

	private final ApiTokenAuthenticationProvider provider = new ApiTokenAuthenticationProvider(
			IntStream.range(0, TOKENS).mapToObj(ApiTokenAuthenticationProviderTests::configured).toList());

	@ParameterizedTest(name = "token #{0}")
	@ValueSource(ints = { 0, 2, TOKENS - 1 })
	void comparesAPresentedTokenWithEveryConfiguredHash(int index) {
		try (MockedStatic<MessageDigest> digests = Mockito.mockStatic(MessageDigest.class,
				Mockito.CALLS_REAL_METHODS)) {
			Authentication authenticated = this.provider.authenticate(bearer("token-" + index));

			assertThat(authenticated.getName()).isEqualTo("name-" + index);
			digests.verify(() -> MessageDigest.isEqual(any(), any()), times(TOKENS));
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "token-x", "t", "token-0 " })
	void comparesAnUnknownTokenWithEveryConfiguredHashBeforeRefusingIt(String presented) {
		try (MockedStatic<MessageDigest> digests = Mockito.mockStatic(MessageDigest.class,
				Mockito.CALLS_REAL_METHODS)) {
			assertThatExceptionOfType(InvalidBearerTokenException.class)
				.isThrownBy(() -> this.provider.authenticate(bearer(presented)));

			digests.verify(() -> MessageDigest.isEqual(any(), any()), times(TOKENS));
		}
	}

	private static BearerTokenAuthenticationToken bearer(String token) {
		return new BearerTokenAuthenticationToken(token);
	}

	private static ApiToken configured(int index) {
		String hash = HexFormat.of().formatHex(ApiTokenAuthenticationProvider.sha256("token-" + index));
		return new ApiToken("name-" + index, hash, Set.of(Role.READ));
	}

}
