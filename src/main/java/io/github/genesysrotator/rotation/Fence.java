package io.github.genesysrotator.rotation;

/**
 * Guards a request with an effect outside the rotator (a regeneration at Genesys). The
 * adapter calls it immediately before each send, after everything that may take time (an
 * admin token, a re-authentication) is done; it throws when this replica no longer holds
 * the lease long enough for the request's worst case, and then nothing is sent.
 */
@FunctionalInterface
public interface Fence {

	/**
	 * Make sure the request may be sent now.
	 * @throws LeaseLostException when another replica took the credential over
	 */
	void beforeSend();

}
