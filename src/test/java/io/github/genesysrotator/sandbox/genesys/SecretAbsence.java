package io.github.genesysrotator.sandbox.genesys;

/**
 * How GET, PUT and list responses leave out the client secret. Genesys stopped returning
 * it in mid-2025; whether the field is omitted, null or empty is unconfirmed, so a client
 * must tolerate all three.
 */
public enum SecretAbsence {

	/** The {@code secret} property is not present at all. */
	OMITTED,

	/** {@code "secret": null}. */
	NULL,

	/** {@code "secret": ""}. */
	EMPTY_STRING

}
