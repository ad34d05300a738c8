package io.github.genesysrotator.rotation;

/**
 * {@link #ROUTINE} respects the grace period and the API cool-down; {@link #COMPROMISE}
 * is for a leaked active secret and kills it as fast as the strategy allows.
 */
public enum Mode {

	ROUTINE, COMPROMISE

}
