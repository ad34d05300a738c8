package io.github.genesysrotator.rotation;

/**
 * A value read from a versioned store, with the version to check-and-set against.
 *
 * @param <T> the value type
 * @param value the value
 * @param version the KV version it was read at
 */
public record Stored<T>(T value, long version) {

}
