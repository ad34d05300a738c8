package io.github.genesysrotator.bench;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps the test classes' nested configurations out of a service started from the test
 * classpath: outside a Spring Boot test nothing else filters them, and the rotator's
 * component scan would pick up their clocks and listeners.
 */
final class TestBeansExclusion extends TypeExcludeFilter {

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
		String enclosing = reader.getClassMetadata().getEnclosingClassName();
		return enclosing != null && (enclosing.endsWith("Tests") || enclosing.endsWith("TestSupport"));
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
