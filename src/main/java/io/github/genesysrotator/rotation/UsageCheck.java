package io.github.genesysrotator.rotation;

import java.util.Locale;

/**
 * What the retirement guard does before a routine dual rotation regenerates the standby
 * client (docs/operations.md, "Retirement guard"). {@link #ENFORCE} refuses the rotation
 * while Genesys reports calls of the standby since it was demoted, {@link #WARN} rotates
 * and reports them, {@link #OFF} does not ask.
 */
public enum UsageCheck {

	ENFORCE, WARN, OFF;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
