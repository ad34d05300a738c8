package io.github.genesysrotator.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.github.genesysrotator.web.ApiSecurityProperties.ApiToken;
import io.github.genesysrotator.web.ApiSecurityProperties.Role;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates bearer tokens against the configured SHA-256 hashes. Only hashes are
 * kept; the comparison is constant time and always visits every configured token, so the
 * time taken says nothing about which token, or which prefix of a hash, was close.
 */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

	private final List<Entry> tokens;

	ApiTokenAuthenticationProvider(List<ApiToken> tokens) {
		this.tokens = tokens.stream().map(Entry::of).toList();
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String presented = ((BearerTokenAuthenticationToken) authentication).getToken();
		byte[] hash = sha256(presented);
		Entry match = null;
		for (Entry entry : this.tokens) {
			if (MessageDigest.isEqual(hash, entry.hash()) && match == null) {
				match = entry;
			}
		}
		if (match == null) {
			throw new InvalidBearerTokenException("Invalid bearer token");
		}
		return new Authenticated(match);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	private record Entry(String name, byte[] hash, List<SimpleGrantedAuthority> authorities) {

		static Entry of(ApiToken token) {
			return new Entry(token.name(), HexFormat.of().parseHex(token.sha256()),
					token.roles().stream().map(Role::authority).sorted().map(SimpleGrantedAuthority::new).toList());
		}

	}

	/** An authenticated API token; its name is the actor of what it starts. */
	private static final class Authenticated extends AbstractAuthenticationToken {

		private final String name;

		Authenticated(Entry entry) {
			super(entry.authorities());
			this.name = entry.name();
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return this.name;
		}

		@Override
		public String getName() {
			return this.name;
		}

	}

}
