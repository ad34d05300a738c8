package io.github.genesysrotator.rotation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.genesysrotator.rotation.RotationTestSupport.SteppingClock;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.SandboxConsumer;
import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;
import io.github.genesysrotator.sandbox.genesys.OAuthPermission;
import io.github.genesysrotator.sandbox.genesys.SeededClient;
import io.github.genesysrotator.sandbox.vault.VaultSeeding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org's admin credential is itself a managed dual credential: A regenerates B, B
 * later regenerates A. With issued tokens revoked by a regeneration (the harsher reading
 * of the unconfirmed behaviour), the rotator must re-read its own credential from Vault
 * after the 401 and carry on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(RotationTestSupport.Beans.class)
class AdminSelfRotationIntegrationTests {

	private static final String ADMIN = "rotator-admin";

	private static final String ADMIN_PATH = "genesys/rotator-admin-dual";

	private static final Sandbox sandbox = Sandbox.start(0, 0,
			GenesysSimulatorOptions.builder().tokensSurviveRegeneration(false));

	private static final SeededClient adminA = sandbox.org()
		.createClientWithPermissions("rotator-a", OAuthPermission.VIEW, OAuthPermission.EDIT);

	private static final SeededClient adminB = sandbox.org()
		.createClientWithPermissions("rotator-b", OAuthPermission.VIEW, OAuthPermission.EDIT);

	@Autowired
	private RotationService rotations;

	@Autowired
	private SteppingClock clock;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("client_id", adminA.id());
		data.put("client_secret", adminA.secret());
		VaultSeeding.putSecret(sandbox.vaultUri(), sandbox.vaultToken(), "secret", ADMIN_PATH, data,
				Map.of("managed-by", "genesys-secret-rotator"));
		sandbox.register(registry);
		registry.add("rotator.orgs.demo.admin-vault-path", () -> "");
		registry.add("rotator.orgs.demo.admin-credential", () -> ADMIN);
		registry.add("rotator.credentials." + ADMIN + ".org", () -> Sandbox.ORG);
		registry.add("rotator.credentials." + ADMIN + ".client-ids", () -> adminA.id() + "," + adminB.id());
		registry.add("rotator.credentials." + ADMIN + ".vault-path", () -> ADMIN_PATH);
		registry.add("rotator.credentials." + ADMIN + ".rotation-interval", () -> "1h");
		registry.add("rotator.credentials." + ADMIN + ".grace-period", () -> "1m");
		registry.add("rotator.rotation.verify-interval", () -> "50ms");
		registry.add("rotator.schedule.poll", () -> "-");
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void adminCredentialRotatesItselfInTurnAndTheRotatorKeepsWorking() {
		SandboxConsumer consumer = new SandboxConsumer(sandbox);
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
		assertThat(sandbox.genesys().observations().regenerationCount(adminA.id())).isEqualTo(1);
		assertThat(sandbox.genesys().observations().regenerationCount(adminB.id())).isEqualTo(2);
		assertThat(consumer.read(ADMIN_PATH).clientId()).isEqualTo(adminB.id());
	}

	private RotationResult rotate(String credential) {
		return this.rotations.rotate(RotationRequest.of(credential, Trigger.SCHEDULE, "scheduler"));
	}

}
