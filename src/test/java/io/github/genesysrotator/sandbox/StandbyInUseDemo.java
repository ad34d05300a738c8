package io.github.genesysrotator.sandbox;

import java.util.List;

/**
 * The sandbox's recipe for a refusal of the retirement guard, as the banner prints it and
 * {@code docs/sandbox.md} shows it: shell commands ({@code curl}, {@code jq}) that make
 * the standby client of {@code demo-dual} look used and end with a 409
 * {@code standby-in-use} from a routine rotation. The guard only looks at complete UTC
 * days after the demotion, and in a fresh sandbox the demotion happened today, so the
 * recipe records calls of the standby client on the last two complete days (the Genesys
 * simulator's {@code POST /__sim/clients/{id}/usage}) and then back-dates the demotion
 * and the last rotation by three days in the credential's state record, over Vault's KV
 * API. The calls are recorded first, so a scheduled rotation that runs in between is
 * refused as well rather than regenerating the standby.
 */
public final class StandbyInUseDemo {

	/** What the back-dating moves the demotion and the last rotation back by. */
	static final int DAYS_BACK = 3;

	private StandbyInUseDemo() {
	}

	/**
	 * The commands, one a line, comments included.
	 * @param api the rotator's API base URL, e.g. {@code http://localhost:8080}
	 * @param genesys the Genesys simulator's base URL
	 * @param vault the Vault base URL
	 * @param vaultToken a Vault token that may read and write the state records
	 */
	public static List<String> commands(String api, String genesys, String vault, String vaultToken) {
		String credential = "/api/v1/credentials/" + Sandbox.DUAL;
		return List.of("A=" + api + "; G=" + genesys + "; V=" + vault,
				"AUTH='Authorization: Bearer " + Sandbox.API_TOKEN + "'; VT='X-Vault-Token: " + vaultToken
						+ "'; J='Content-Type: application/json'",
				"# 1. a rotation demotes one client of " + Sandbox.DUAL
						+ " to standby (a 429 cooldown means the scheduler just did it)",
				"curl -s -H \"$AUTH\" -X POST $A" + credential + "/rotations; echo",
				"# 2. a stale consumer called the API with the standby client on each of the last two complete UTC days",
				"C=$(curl -s -H \"$AUTH\" $A" + credential + " | jq -r .standbyClientId)",
				"curl -s -H \"$J\" -d '{\"days\":2,\"requests\":40}' $G/__sim/clients/$C/usage; echo",
				"# 3. back-date the demotion and the last rotation " + DAYS_BACK
						+ " days in the state record (a demo shortcut: never edit a real state record)",
				"S=$V/v1/secret/data/genesys-rotator/state/" + Sandbox.DUAL,
				"curl -s -H \"$VT\" $S | jq '(now - " + DAYS_BACK * 86400
						+ " | floor | todate) as $t | {options: {cas: .data.metadata.version}, data: (.data.data"
						+ " | .promoted_at = $t | .history |= map(.started_at = $t | .finished_at = $t))}'"
						+ " | curl -s -H \"$VT\" -H \"$J\" -d @- $S; echo",
				"# 4. the next routine rotation: 409 standby-in-use, naming the client and the last day it was used",
				"curl -s -i -H \"$AUTH\" -X POST $A" + credential + "/rotations");
	}

}
