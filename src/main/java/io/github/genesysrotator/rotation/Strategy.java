package io.github.genesysrotator.rotation;

import java.util.Locale;

/**
 * {@link #DUAL}: two clients used in turn, zero downtime. {@link #SINGLE}: one client, a
 * short measured exposure window between regeneration and publication.
 */
public enum Strategy {

	DUAL, SINGLE;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
