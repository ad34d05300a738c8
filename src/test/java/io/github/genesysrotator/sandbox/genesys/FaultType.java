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
	APPLY_THEN_DROP,

	/**
	 * Answers 200 with {@code Content-Type: text/html} and an HTML page, as a proxy or
	 * login portal in front of the API would; the request is not processed.
	 */
	HTML_PAGE,

	/**
	 * Processes the request (the state change happens) and sends only the first half of
	 * the JSON body: a valid prefix, cut.
	 */
	TRUNCATED_JSON,

	/**
	 * Answers 200 {@code application/json} with a well-formed array padded with
	 * whitespace to the rule's {@code bodyBytes}; the request is not processed.
	 */
	HUGE_BODY,

	/**
	 * Processes the request and adds fields the real API does not send (top level and
	 * nested) to the JSON object; a tolerant reader ignores them.
	 */
	EXTRA_FIELDS,

	/**
	 * Processes the request (the state change happens) and removes the rule's
	 * {@code detail} field from the JSON object, e.g. {@code secret} or
	 * {@code access_token}.
	 */
	OMIT_FIELD,

	/**
	 * Processes the request and sends the body unchanged under the rule's {@code detail}
	 * content type, e.g. {@code text/plain}.
	 */
	CONTENT_TYPE

}
