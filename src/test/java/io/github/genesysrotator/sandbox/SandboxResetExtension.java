package io.github.genesysrotator.sandbox;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts a {@link SandboxServiceTest}'s sandbox back to the seeded world before each test
 * (and what its {@link SandboxSetup} seeded), before the test's own {@code @BeforeEach}
 * methods run.
 */
final class SandboxResetExtension implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext service = SpringExtension.getApplicationContext(context);
		Sandbox sandbox = service.getBean(Sandbox.class);
		sandbox.reset();
		service.getBean(SandboxSetup.class).reset(sandbox);
	}

}
