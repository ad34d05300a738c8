package io.github.genesysrotator.sandbox;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives each {@link SandboxServiceTest} context a {@link SandboxContextCustomizer} for
 * its {@link SandboxServiceTest#setup() setup}, looking through enclosing classes for
 * {@code @Nested} tests.
 */
final class SandboxContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		SandboxServiceTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				SandboxServiceTest.class);
		return (annotation != null) ? new SandboxContextCustomizer(annotation.setup()) : null;
	}

}
