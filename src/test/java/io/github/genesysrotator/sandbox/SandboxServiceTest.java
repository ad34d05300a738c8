package io.github.genesysrotator.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A test of the service on a sandbox of its own: a {@link SpringBootTest} whose context
 * starts a fresh {@link Sandbox} (both simulators, the demo world), points the service at
 * it with the {@link ServiceTimings test timings}, closes it with the context, and resets
 * it before each test. The test reaches it with {@code @Autowired Sandbox}.
 * <p>
 * The context is cached as usual: test classes with the same {@link #setup()},
 * {@link #properties()} and imports share one context and one sandbox (reset before each
 * of their tests). Anything set in {@link #properties()} overrides the sandbox's and the
 * timings' values.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ContextCustomizerFactories(SandboxContextCustomizerFactory.class)
@ExtendWith(SandboxResetExtension.class)
public @interface SandboxServiceTest {

	/** Properties of this test's service, over the sandbox's and the timings. */
	@AliasFor(annotation = SpringBootTest.class)
	String[] properties() default {};

	/** No web server unless the test talks HTTP to the service. */
	@AliasFor(annotation = SpringBootTest.class)
	WebEnvironment webEnvironment() default WebEnvironment.NONE;

	/** The simulator switches and the extra seeding this test needs. */
	Class<? extends SandboxSetup> setup() default SandboxSetup.class;

}
