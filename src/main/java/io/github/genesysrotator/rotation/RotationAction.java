package io.github.genesysrotator.rotation;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a finished run of the engine did. The lower-case name is the value in the history
 * of the state record and in the API.
 */
public enum RotationAction {

	/** A new secret was generated (or the attempt to generate one ended). */
	ROTATION,

	/** The previous client was published again. */
	ROLLBACK;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The action with this label ({@code null} stays {@code null}). */
	public static @Nullable RotationAction of(@Nullable String label) {
		return (label != null) ? valueOf(label.toUpperCase(Locale.ROOT)) : null;
	}

}
