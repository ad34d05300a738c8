package io.github.genesysrotator.sandbox.genesys;

import java.time.Instant;

/**
 * One simulated request (token or API), as the simulator saw it.
 *
 * @param operation the operation
 * @param method the HTTP method
 * @param path the request path
 * @param clientId the client id in the path (or the token request's client id), or
 * {@code null}
 * @param status the HTTP status answered, or 0 when the connection was reset or the
 * request never answered
 * @param fault the fault applied, or {@code null}
 * @param timestamp when the simulator processed it (simulator clock)
 */
public record ApiRequestRecord(Operation operation, String method, String path, String clientId, int status,
		FaultType fault, Instant timestamp) {

}
