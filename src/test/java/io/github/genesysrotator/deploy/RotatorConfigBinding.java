package io.github.genesysrotator.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.genesysrotator.rotation.RotatorProperties;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.vault.config.VaultProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Binds an {@code application.yml} rendered by the chart (or shipped for compose) the way
 * Spring Boot does at startup: through {@link YamlPropertySourceLoader} and a
 * {@link Binder}, into the real {@link RotatorProperties} (strictly, as at startup) and
 * Spring Cloud Vault's {@link VaultProperties}.
 */
final class RotatorConfigBinding {

	private final Binder binder;

	private RotatorConfigBinding(Binder binder) {
		this.binder = binder;
	}

	static RotatorConfigBinding of(String... yamlDocuments) {
		List<PropertySource<?>> sources = new ArrayList<>();
		for (int i = 0; i < yamlDocuments.length; i++) {
			sources.addAll(load("application-" + i + ".yml", yamlDocuments[i]));
		}
		return new RotatorConfigBinding(new Binder(ConfigurationPropertySources.from(sources)));
	}

	RotatorProperties rotator() {
		// As strict as at startup: a key no property takes fails the binding.
		return this.binder.bindOrCreate("rotator", Bindable.of(RotatorProperties.class),
				new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
	}

	VaultProperties vault() {
		return this.binder.bindOrCreate("spring.cloud.vault", Bindable.of(VaultProperties.class));
	}

	private static List<PropertySource<?>> load(String name, String yaml) {
		try {
			return new YamlPropertySourceLoader().load(name,
					new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
