package io.github.genesysrotator.rotation;

import java.time.Clock;

/**
 * What every rotation of this service shares: the adapters, the clock, the listeners and
 * the identity of this replica.
 *
 * @param genesys the Genesys Cloud adapter
 * @param integrations the integration-credentials adapter
 * @param consumers the consumer-path adapter
 * @param states the state-record adapter
 * @param clock the clock
 * @param sleeper how waits between attempts pass
 * @param listener observers of rotations
 * @param timings state-machine timings
 * @param instanceId this replica's lease holder id
 * @param parallel where calls beside a rotation's main line run
 * @param published the days each org's usage is known to be published for (the retirement
 * guard's witness, kept for the UTC day)
 */
record RotationContext(GenesysOAuthClients genesys, IntegrationCredentials integrations, ConsumerPathStore consumers,
		StateRecordStore states, Clock clock, Sleeper sleeper, RotationListener listener,
		RotatorProperties.Rotation timings, String instanceId, ParallelCalls parallel, PublishedUsage published) {

	Preflight preflight() {
		return new Preflight(this.genesys, this.integrations, this.consumers, this.clock, this.parallel);
	}

	SecretVerifier verifier() {
		return new SecretVerifier(this.genesys, this.clock, this.sleeper, this.timings.verifyTimeout(),
				this.timings.verifyInterval());
	}

	RetirementGuard guard() {
		return new RetirementGuard(this.genesys, this.clock, this.sleeper, this.timings, this.published);
	}

	Backoff backoff() {
		return new Backoff(this.clock, this.sleeper);
	}

	/**
	 * The credential's state record, or a fresh one (version 0) before the first write.
	 */
	Stored<StateRecord> read(CredentialSpec spec) {
		return this.states.readOrBootstrap(spec);
	}

	LeasedRecord lease(String credential, Stored<StateRecord> stored) {
		return new LeasedRecord(credential, this.states, this.clock, this.timings, this.instanceId, stored);
	}

	FencedRequests fenced(LeasedRecord record) {
		return new FencedRequests(record, this.genesys.requestPolicy(), this.timings.fenceMargin(), this.sleeper);
	}

}
