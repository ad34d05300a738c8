package io.github.genesysrotator.rotation;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTests {

	@Test
	void everyCodeIsFoundByItsWireValueAndNoOtherCodeSharesIt() {
		assertThat(ErrorCode.values()).allSatisfy((code) -> {
			assertThat(code.code()).matches("[a-z]+(-[a-z]+)*");
			assertThat(ErrorCode.of(code.code())).contains(code);
			assertThat(code).hasToString(code.code());
		});
		assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
	}

	@Test
	void aValueNoCodeNamesIsNotACode() {
		assertThat(ErrorCode.of("pasued")).isEmpty();
		assertThat(ErrorCode.of(null)).isEmpty();
		assertThat(ErrorCode.PAUSED.is("paused")).isTrue();
		assertThat(ErrorCode.PAUSED.is(null)).isFalse();
	}

	@Test
	void eachDependencyFailsWithItsOwnCodes() {
		assertThat(new DependencyUnavailableException(Dependency.GENESYS, "down").errorCode())
			.isEqualTo(ErrorCode.GENESYS_UNAVAILABLE);
		assertThat(new DependencyUnavailableException(Dependency.VAULT, "down").errorCode())
			.isEqualTo(ErrorCode.VAULT_UNAVAILABLE);
		assertThat(new DependencyRejectedException(Dependency.GENESYS, 400, "no").errorCode())
			.isEqualTo(ErrorCode.GENESYS_REJECTED);
		assertThat(new DependencyRejectedException(Dependency.VAULT, 403, "no").errorCode())
			.isEqualTo(ErrorCode.VAULT_REJECTED);
	}

}
