package io.github.genesysrotator.sandbox.genesys;

import java.util.Arrays;
import java.util.Optional;

/**
 * Lifecycle state of an OAuth client. Only {@link #ACTIVE} clients can mint tokens;
 * {@link #DISABLED} also invalidates the client's existing tokens; {@link #INACTIVE} is
 * the "scheduled for deletion" state that DELETE requires.
 */
public enum ClientState {

	ACTIVE("active"), DISABLED("disabled"), INACTIVE("inactive");

	private final String wireValue;

	ClientState(String wireValue) {
		this.wireValue = wireValue;
	}

	public String wireValue() {
		return this.wireValue;
	}

	static Optional<ClientState> fromWire(String value) {
		return Arrays.stream(values()).filter((state) -> state.wireValue.equals(value)).findFirst();
	}

}
