package io.github.genesysrotator.rotation;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/** The configured credentials, looked up by name. */
@Component
public class CredentialCatalog {

	private final RotatorProperties properties;

	public CredentialCatalog(RotatorProperties properties) {
		this.properties = properties;
	}

	/**
	 * The credential of that name.
	 * @throws UnknownCredentialException when none is configured
	 */
	public CredentialSpec get(String name) {
		RotatorProperties.Credential config = this.properties.credentials().get(name);
		if (config == null) {
			throw new UnknownCredentialException(name);
		}
		return new CredentialSpec(name, config);
	}

	/** All credentials, by name. */
	public List<CredentialSpec> all() {
		return this.properties.credentials()
			.entrySet()
			.stream()
			.map((entry) -> new CredentialSpec(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(CredentialSpec::name))
			.toList();
	}

}
