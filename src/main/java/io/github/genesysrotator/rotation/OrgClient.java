package io.github.genesysrotator.rotation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An OAuth client as the org's listing shows it (never its secret).
 *
 * @param id the client id
 * @param name its name
 * @param grantType the authorized grant type, e.g. {@code CLIENT-CREDENTIALS}
 * @param state {@code active}, {@code inactive}, ...
 * @param dateCreated when it was created, when Genesys says
 */
public record OrgClient(String id, String name, String grantType, String state, @Nullable Instant dateCreated) {

	/** Whether it is a client-credentials client: the kind the rotator can rotate. */
	public boolean clientCredentials() {
		return "CLIENT-CREDENTIALS".equalsIgnoreCase(this.grantType);
	}

}
