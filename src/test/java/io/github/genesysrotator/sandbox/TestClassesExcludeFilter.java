package io.github.genesysrotator.sandbox;

import java.io.IOException;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Leaves classes compiled from {@code src/test/java} out of component scanning when the
 * service runs as a plain application on the test classpath (the sandbox, one-shot
 * tests): test configuration such as a movable clock must not reach a real run.
 */
final class TestClassesExcludeFilter extends TypeExcludeFilter {

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
		return reader.getResource().getURI().toString().contains("/test-classes/");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TestClassesExcludeFilter;
	}

	@Override
	public int hashCode() {
		return TestClassesExcludeFilter.class.hashCode();
	}

}
