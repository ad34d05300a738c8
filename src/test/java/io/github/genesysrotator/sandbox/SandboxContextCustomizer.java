package io.github.genesysrotator.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.genesysrotator.sandbox.genesys.GenesysSimulatorOptions;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts a fresh {@link Sandbox} for a test context, as its {@link SandboxSetup} says,
 * and points the service at it: the sandbox's properties, then the
 * {@link ServiceTimings}, then the setup's, all below the test's own {@code properties}.
 * The sandbox is a bean of the context and closes with it. Equal for equal setups, so
 * such contexts stay shareable in Spring's context cache.
 */
final class SandboxContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "sandbox";

	private final Class<? extends SandboxSetup> setup;

	SandboxContextCustomizer(Class<? extends SandboxSetup> setup) {
		this.setup = setup;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		SandboxSetup setup = (this.setup == SandboxSetup.class) ? new SandboxSetup() {
		} : BeanUtils.instantiateClass(this.setup);
		Sandbox sandbox = Sandbox.start(0, 0, setup.genesys(GenesysSimulatorOptions.builder()));
		Map<String, Object> properties = new LinkedHashMap<>(sandbox.serviceProperties());
		properties.putAll(ServiceTimings.PROPERTIES);
		properties.putAll(setup.seed(sandbox));
		MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addFirst(source);
		}
		DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
		beans.registerSingleton("sandbox", sandbox);
		beans.registerDisposableBean("sandbox", sandbox::close);
		beans.registerSingleton("sandboxSetup", setup);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof SandboxContextCustomizer customizer) && customizer.setup == this.setup;
	}

	@Override
	public int hashCode() {
		return this.setup.hashCode();
	}

}
