package io.github.genesysrotator.sandbox.genesys;

import java.time.Instant;

/**
 * One processed {@code POST /oauth/token} request.
 *
 * @param clientId the client id presented (may be {@code null} if none could be read)
 * @param accepted whether a token was issued
 * @param error the OAuth error code when rejected ({@code invalid_client}, ...), else
 * {@code null}
 * @param rateLimited whether it was refused by the token endpoint's own rate limit
 * @param timestamp when the simulator processed it (simulator clock)
 */
public record TokenRequestRecord(String clientId, boolean accepted, String error, boolean rateLimited,
		Instant timestamp) {

}
