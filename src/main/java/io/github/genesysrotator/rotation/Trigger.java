package io.github.genesysrotator.rotation;

import java.util.Locale;

/** What started a rotation. The lower-case name is the metric label and the API value. */
public enum Trigger {

	SCHEDULE, API, ONESHOT, RECOVERY;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
