package io.github.genesysrotator.rotation;

import java.util.Locale;

/** The external systems a rotation depends on. */
public enum Dependency {

	GENESYS, VAULT;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
