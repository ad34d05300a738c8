/**
 * The Vault adapter over Spring Vault: the state-record store and the consumer-path
 * writer (both with check-and-set), the admin credentials read from KV, and the failure
 * analyzer for a missing token. It implements the engine's Vault ports and imports only
 * {@code rotation}.
 */
@NullMarked
package io.github.genesysrotator.vault;

import org.jspecify.annotations.NullMarked;
