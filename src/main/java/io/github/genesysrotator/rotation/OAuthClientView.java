package io.github.genesysrotator.rotation;

import java.util.Set;

/**
 * What preflight needs to know about a Genesys OAuth client.
 *
 * @param id the client id
 * @param name its display name
 * @param state {@code active}, {@code disabled} or {@code inactive}
 * @param grantType the authorized grant type, e.g. {@code CLIENT-CREDENTIALS}
 * @param roleDivisions its role/division grants, as {@code roleId/divisionId}
 */
public record OAuthClientView(String id, String name, String state, String grantType, Set<String> roleDivisions) {

	public boolean usableForClientCredentials() {
		return "active".equals(this.state) && "CLIENT-CREDENTIALS".equals(this.grantType);
	}

}
