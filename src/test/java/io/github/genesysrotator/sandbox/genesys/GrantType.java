package io.github.genesysrotator.sandbox.genesys;

import java.util.Arrays;
import java.util.Optional;

/**
 * OAuth grant types as Genesys Cloud sends them on the wire. The wire values use hyphens
 * ({@code CLIENT-CREDENTIALS}); the underscore form is a known client bug that the
 * simulator rejects with 400.
 */
public enum GrantType {

	CODE("CODE"), TOKEN("TOKEN"), SAML2_BEARER("SAML2-BEARER"), PASSWORD("PASSWORD"),
	CLIENT_CREDENTIALS("CLIENT-CREDENTIALS");

	private final String wireValue;

	GrantType(String wireValue) {
		this.wireValue = wireValue;
	}

	public String wireValue() {
		return this.wireValue;
	}

	static Optional<GrantType> fromWire(String value) {
		return Arrays.stream(values()).filter((type) -> type.wireValue.equals(value)).findFirst();
	}

}
