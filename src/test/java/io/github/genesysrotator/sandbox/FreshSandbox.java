package io.github.genesysrotator.sandbox;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandbox of the test class's own, for tests without a service context (they start the
 * service as a plain application or a one-shot job, or test the simulators themselves):
 * started before the class's {@code @BeforeAll} methods, reset before each test, closed
 * after the class's {@code @AfterAll} methods.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final FreshSandbox sandbox = new FreshSandbox();
 * </pre>
 *
 * For a service context, see {@link SandboxServiceTest}.
 */
public final class FreshSandbox implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	private Sandbox sandbox;

	/** The running sandbox. */
	public Sandbox get() {
		if (this.sandbox == null) {
			throw new IllegalStateException("The sandbox starts before the test class's @BeforeAll methods");
		}
		return this.sandbox;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.sandbox = Sandbox.start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.sandbox.reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.sandbox.close();
		this.sandbox = null;
	}

}
