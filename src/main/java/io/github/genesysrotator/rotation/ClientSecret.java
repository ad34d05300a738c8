package io.github.genesysrotator.rotation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * An OAuth client secret. It never prints itself: {@link #toString()} is {@code ****}, so
 * a secret that reaches a log line, an exception message or a response by accident shows
 * nothing. Only adapters that must send it over the wire call {@link #reveal()}.
 */
public final class ClientSecret {

	private final String value;

	private ClientSecret(String value) {
		this.value = value;
	}

	public static ClientSecret of(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A client secret must not be empty");
		}
		return new ClientSecret(value);
	}

	/** The raw value, for the wire only: never log or return it. */
	public String reveal() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof ClientSecret that)) {
			return false;
		}
		return MessageDigest.isEqual(this.value.getBytes(StandardCharsets.UTF_8),
				that.value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.value);
	}

	@Override
	public String toString() {
		return "****";
	}

}
