package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.genesysrotator.sandbox.MutableClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.SandboxServiceTest;
import io.github.genesysrotator.sandbox.SandboxSetup;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import io.github.genesysrotator.sandbox.genesys.GrantType;
import io.github.genesysrotator.sandbox.genesys.OAuthPermission;
import io.github.genesysrotator.sandbox.vault.VaultSeeding;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org's admin credential is itself a managed dual credential: A regenerates B, B
 * later regenerates A. With issued tokens revoked by a regeneration (the harsher reading
 * of the unconfirmed behaviour), the rotator must re-read its own credential from Vault
 * after the 401 and carry on.
 */
@SandboxServiceTest(setup = AdminSelfRotationIntegrationTests.AdminAsDualCredential.class)
@Import(RotationTestSupport.Beans.class)
class AdminSelfRotationIntegrationTests {

	private static final String ADMIN = "rotator-admin";

	private static final String ADMIN_PATH = "genesys/rotator-admin-dual";

	private static final String ADMIN_A_ID = "00000000-0000-4000-8000-0000000001a1";

	private static final String ADMIN_B_ID = "00000000-0000-4000-8000-0000000001b1";

	@Autowired
	private Sandbox sandbox;

	@Autowired
	private RotationService rotations;

	@Autowired
	private MutableClock clock;

	@Test
	void adminCredentialRotatesItselfInTurnAndTheRotatorKeepsWorking() {
		SandboxConsumer consumer = new SandboxConsumer(this.sandbox);
		for (int round = 0; round < 3; round++) {
			RotationResult admin = rotate(ADMIN);
			assertThat(admin.outcome()).as("admin rotation %d: %s", round, admin.errorMessage())
				.isEqualTo(Outcome.SUCCESS);
			assertThat(consumer.authenticates(ADMIN_PATH)).isTrue();
			RotationResult dependent = rotate(Sandbox.DUAL);
			assertThat(dependent.outcome())
				.as("rotation with the new admin credential, round %d: %s", round, dependent.errorMessage())
				.isEqualTo(Outcome.SUCCESS);
			this.clock.advance(Duration.ofMinutes(2));
		}
		assertThat(this.sandbox.genesys().observations().regenerationCount(ADMIN_A_ID)).isEqualTo(1);
		assertThat(this.sandbox.genesys().observations().regenerationCount(ADMIN_B_ID)).isEqualTo(2);
		assertThat(consumer.read(ADMIN_PATH).clientId()).isEqualTo(ADMIN_B_ID);
	}

	private RotationResult rotate(String credential) {
		return this.rotations.rotate(RotationRequest.of(credential, Trigger.SCHEDULE, "scheduler"));
	}

	/**
	 * Issued tokens die with a regeneration, and the admin credential is a pair of
	 * clients managed as a dual credential, client A's secret in Vault.
	 */
	static final class AdminAsDualCredential implements SandboxSetup {

		@Override
		public GenesysSimulatorOptions.Builder genesys(GenesysSimulatorOptions.Builder options) {
			return options.tokensSurviveRegeneration(false);
		}

		@Override
		public Map<String, Object> seed(Sandbox sandbox) {
			String admin = sandbox.org().createRole(OAuthPermission.VIEW, OAuthPermission.EDIT);
			sandbox.org().createClientWithId(ADMIN_A_ID, "rotator-a", GrantType.CLIENT_CREDENTIALS, admin);
			sandbox.org().createClientWithId(ADMIN_B_ID, "rotator-b", GrantType.CLIENT_CREDENTIALS, admin);
			reset(sandbox);
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("rotator.orgs.demo.admin-vault-path", "");
			properties.put("rotator.orgs.demo.admin-credential", ADMIN);
			properties.put("rotator.credentials." + ADMIN + ".org", Sandbox.ORG);
			properties.put("rotator.credentials." + ADMIN + ".client-ids", ADMIN_A_ID + "," + ADMIN_B_ID);
			properties.put("rotator.credentials." + ADMIN + ".vault-path", ADMIN_PATH);
			properties.put("rotator.credentials." + ADMIN + ".rotation-interval", "1h");
			properties.put("rotator.credentials." + ADMIN + ".grace-period", "1m");
			return properties;
		}

		@Override
		public void reset(Sandbox sandbox) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("client_id", ADMIN_A_ID);
			data.put("client_secret", sandbox.genesys().currentSecret(ADMIN_A_ID).orElseThrow());
			VaultSeeding.putSecret(sandbox.vaultUri(), sandbox.vaultToken(), "secret", ADMIN_PATH, data,
					Map.of("managed-by", "genesys-secret-rotator"));
		}

	}

}
