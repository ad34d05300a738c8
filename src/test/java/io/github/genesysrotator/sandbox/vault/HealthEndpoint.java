package io.github.genesysrotator.sandbox.vault;

import java.time.Clock;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sys/health}: unauthenticated, and the health JSON goes in every status (Spring
 * Vault parses 4xx/5xx bodies as health too, and needs the primitive fields).
 */
final class HealthEndpoint {

	static final String VERSION = "1.21.4";

	private final Clock clock;

	private final ServerState state;

	HealthEndpoint(Clock clock, ServerState state) {
		this.clock = clock;
		this.state = state;
	}

	SimResponse handle(SimRequest request) {
		int status = status(request);
		ObjectNode body = Envelopes.object();
		boolean sealed = this.state.sealed || !this.state.initialized;
		body.put("initialized", this.state.initialized);
		body.put("sealed", sealed);
		body.put("standby", this.state.standby);
		body.put("performance_standby", false);
		body.put("replication_performance_mode", "disabled");
		body.put("replication_dr_mode", "disabled");
		body.put("server_time_utc", this.clock.instant().getEpochSecond());
		body.put("version", VERSION);
		body.put("enterprise", false);
		if (!sealed) {
			body.put("cluster_name", "vault-cluster-sim");
			body.put("cluster_id", ServerState.CLUSTER_ID);
		}
		body.put("echo_duration_ms", 0);
		body.put("clock_skew_ms", 0);
		body.put("replication_primary_canary_age_ms", 0);
		return SimResponse.json(status, body);
	}

	/** Priority as in http/sys_health.go: uninitialised, sealed, standby, active. */
	private int status(SimRequest request) {
		if (!this.state.initialized) {
			return code(request, "uninitcode", 501);
		}
		if (this.state.sealed) {
			return code(request, "sealedcode", 503);
		}
		if (this.state.standby) {
			return flag(request, "standbyok") ? code(request, "activecode", 200) : code(request, "standbycode", 429);
		}
		return code(request, "activecode", 200);
	}

	private static boolean flag(SimRequest request, String name) {
		String value = request.queryParam(name);
		return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
	}

	private static int code(SimRequest request, String name, int defaultCode) {
		String value = request.queryParam(name);
		if (value == null) {
			return defaultCode;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw VaultError.notFoundOrBadRequest();
		}
	}

}
