package io.github.genesysrotator;

import java.util.List;

import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.StandbyInUseDemo;

/** What the embedded sandbox prints once everything is up. */
final class SandboxBanner {

	private SandboxBanner() {
	}

	/**
	 * Executes the demo data action as a flow would: a token for the demo flow client
	 * (its secret from the simulator's admin API), then {@code execute}; the answer names
	 * the client the integration authenticated as.
	 */
	static String dataActionCommand(Sandbox sandbox) {
		String genesys = sandbox.genesys().baseUrl();
		return "T=$(curl -s -u " + Sandbox.FLOW_ID + ":$(curl -s " + genesys + "/__sim/clients/" + Sandbox.FLOW_ID
				+ "/secret | jq -r .secret) -d grant_type=client_credentials " + genesys
				+ "/oauth/token | jq -r .access_token); curl -s -H \"Authorization: Bearer $T\" -H 'Content-Type: "
				+ "application/json' -d '{}' -X POST " + genesys + "/api/v2/integrations/actions/" + Sandbox.ACTION_ID
				+ "/execute";
	}

	/**
	 * @param api the service's API base URL, e.g. {@code http://localhost:8080}
	 * @param management the management base URL, e.g. {@code http://localhost:8081}
	 */
	static String text(Sandbox sandbox, String api, String management) {
		String vault = sandbox.vaultUri().toString();
		List<String> refusal = StandbyInUseDemo.commands(api, sandbox.genesys().baseUrl(), vault, sandbox.vaultToken())
			.stream()
			.map((command) -> "  " + command)
			.toList();
		String auth = "-H 'Authorization: Bearer " + Sandbox.API_TOKEN + "'";
		return String.join(System.lineSeparator(), "", "=== genesys-secret-rotator sandbox ===",
				"Genesys Cloud simulator : " + sandbox.genesys().baseUrl() + "   (admin/observations: /__sim/)",
				"Vault simulator         : " + vault + "   (root token: " + sandbox.vaultToken() + ")",
				"Rotator API             : " + api + "/api/v1   (bearer token: " + Sandbox.API_TOKEN + ")",
				"Health and metrics      : " + management + "/actuator/health | /actuator/prometheus", "", "Try:",
				"  curl -s " + auth + " " + api + "/api/v1/credentials",
				"  curl -s " + auth + " -X POST " + api + "/api/v1/credentials/" + Sandbox.DUAL + "/rotations",
				"  curl -s " + auth + " -X POST " + api + "/api/v1/credentials/" + Sandbox.SINGLE + "/rotations",
				"  curl -s " + auth + " " + api + "/api/v1/credentials/" + Sandbox.DUAL + "/rotations",
				"  curl -s " + auth
						+ " -H 'Content-Type: application/json' -d '{\"reason\":\"change freeze\"}' -X POST " + api
						+ "/api/v1/credentials/" + Sandbox.DUAL + "/pause",
				"  curl -s " + auth + " -X POST " + api + "/api/v1/credentials/" + Sandbox.DUAL + "/resume",
				"  curl -s " + auth + " " + api + "/api/v1/orgs/" + Sandbox.ORG + "/clients",
				"  curl -s -H 'X-Vault-Token: " + sandbox.vaultToken() + "' " + vault + "/v1/secret/data/"
						+ Sandbox.DUAL_PATH,
				"  curl -s -u <client_id>:<client_secret> -d grant_type=client_credentials "
						+ sandbox.genesys().baseUrl() + "/oauth/token",
				"Data Actions (the integration credential " + Sandbox.INTEGRATION_CREDENTIAL_ID + " is a target of "
						+ Sandbox.DATA_ACTIONS + "): run the demo action, rotate, run it again",
				"  " + dataActionCommand(sandbox),
				"  curl -s " + auth + " -X POST " + api + "/api/v1/credentials/" + Sandbox.DATA_ACTIONS + "/rotations",
				"  " + dataActionCommand(sandbox),
				"Retirement guard (docs/sandbox.md): make " + Sandbox.DUAL
						+ "'s standby client look used, then see a rotation refused with 409 standby-in-use",
				String.join(System.lineSeparator(), refusal), "");
	}

}
