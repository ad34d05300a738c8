package io.github.genesysrotator.sandbox.genesys;

/**
 * What a matching {@link FaultRule} does to a request.
 */
public enum FaultType {

	/** Waits, then processes the request normally. */
	LATENCY,

	/** Answers with the rule's status and an ErrorBody; state is not changed. */
	STATUS,

	/** Answers 429 {@code too.many.requests} with an integer {@code Retry-After}. */
	TOO_MANY_REQUESTS,

	/** Resets the TCP connection (RST) without processing the request. */
	CONNECTION_RESET,

	/** Never answers and does not process the request. */
	TIMEOUT,

	/**
	 * Processes the request (the state change happens) and then resets the connection, so
	 * the caller cannot know whether it took effect.
	 */
	APPLY_THEN_DROP

}
