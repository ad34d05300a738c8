package io.github.genesysrotator.sandbox.genesys;

import java.util.List;

/**
 * The writable fields of an OAuth client: what an {@code OAuthClientRequest} carries,
 * after validation. {@code state} is {@code null} when the request left it out.
 */
record ClientDraft(String name, String description, GrantType grantType, long accessTokenValiditySeconds,
		List<String> registeredRedirectUri, List<String> scope, List<RoleDivision> roleDivisions, ClientState state,
		String dateToDelete) {

	static final long DEFAULT_VALIDITY_SECONDS = 86400;

	static ClientDraft seed(String name, GrantType grantType, List<RoleDivision> roleDivisions) {
		return new ClientDraft(name, null, grantType, DEFAULT_VALIDITY_SECONDS, List.of(), List.of(), roleDivisions,
				ClientState.ACTIVE, null);
	}

}
