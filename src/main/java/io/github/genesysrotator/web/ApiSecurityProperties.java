package io.github.genesysrotator.web;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code rotator.security.*} configuration: who may call the API. Bound and validated
 * as part of {@code RotatorProperties} at startup; errors name the offending property.
 *
 * @param apiTokens bearer tokens, stored as SHA-256 hashes, with their roles
 * @param jwt optional OAuth2 resource server (JWT) authentication
 */
public record ApiSecurityProperties(@Valid List<ApiToken> apiTokens, @Valid @DefaultValue Jwt jwt) {

	public ApiSecurityProperties {
		apiTokens = (apiTokens != null) ? List.copyOf(apiTokens) : List.of();
		requireUnique(apiTokens);
	}

	private static void requireUnique(List<ApiToken> tokens) {
		Set<String> names = new HashSet<>();
		Set<String> hashes = new HashSet<>();
		for (int i = 0; i < tokens.size(); i++) {
			ApiToken token = tokens.get(i);
			if (token.name() != null && !names.add(token.name())) {
				throw new IllegalArgumentException("Invalid configuration property 'rotator.security.api-tokens[" + i
						+ "].name': '" + token.name() + "' is used by another token");
			}
			if (token.sha256() != null && !hashes.add(token.sha256().toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("Invalid configuration property 'rotator.security.api-tokens[" + i
						+ "].sha256': the same token is configured twice");
			}
		}
	}

	/** The roles a caller can hold. */
	public enum Role {

		/** Every {@code GET} of the API. */
		READ,
		/** Every {@code POST} of the API (rotate, rollback); implies nothing else. */
		ROTATE;

		/** The Spring Security authority of this role. */
		public String authority() {
			return "ROLE_" + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One API token.
	 *
	 * @param name who holds it; recorded as the actor of the rotations it starts
	 * @param sha256 hex SHA-256 of the token (e.g.
	 * {@code printf %s "$TOKEN" | sha256sum})
	 * @param roles {@code read}, {@code rotate}, or both
	 */
	public record ApiToken(@NotBlank String name, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}",
			message = "must be the 64 hex digits of a SHA-256 hash") String sha256, @NotEmpty Set<Role> roles) {

		public ApiToken {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		}

	}

	/**
	 * JWT bearer tokens from an OAuth2 issuer; off unless {@code issuer-uri} is set.
	 *
	 * @param issuerUri the issuer; its discovery document and keys are fetched on first
	 * use
	 * @param rolesClaim the claim holding the roles ({@code read}, {@code rotate})
	 * @param audience when set, tokens must carry this audience
	 */
	public record Jwt(URI issuerUri, @DefaultValue("roles") @NotBlank String rolesClaim, String audience) {

		public boolean enabled() {
			return this.issuerUri != null;
		}

	}

}
