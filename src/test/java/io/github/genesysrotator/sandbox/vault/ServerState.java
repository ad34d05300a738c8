package io.github.genesysrotator.sandbox.vault;

import java.util.UUID;

/** The server-wide switches that health reports: initialised, sealed, standby. */
final class ServerState {

	static final String CLUSTER_ID = UUID.randomUUID().toString();

	volatile boolean initialized = true;

	volatile boolean sealed;

	volatile boolean standby;

	void reset() {
		this.initialized = true;
		this.sealed = false;
		this.standby = false;
	}

}
