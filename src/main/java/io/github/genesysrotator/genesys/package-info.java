/**
 * The Genesys Cloud adapter: the client of the OAuth client, integration-credential,
 * usage and token APIs over {@code WebClient}, with its regions, timeouts, retries and
 * rate-limit pacing. It implements the engine's Genesys ports and imports only
 * {@code rotation} (the ports and their vocabulary).
 */
@NullMarked
package io.github.genesysrotator.genesys;

import org.jspecify.annotations.NullMarked;
