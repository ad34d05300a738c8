package io.github.genesysrotator.observability;

import java.util.List;

import io.github.genesysrotator.rotation.CredentialCatalog;
import io.github.genesysrotator.rotation.CredentialSpec;
import io.github.genesysrotator.rotation.Phase;

import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code rotation}: DOWN while a credential has a secret that exists only in memory, or
 * rests in {@link Phase#FAILED}. Details name credentials and nothing else. Reads
 * {@link CredentialStates} only, so it costs no Vault request.
 */
@Component
@ConditionalOnEnabledHealthIndicator("rotation")
class RotationHealthIndicator extends AbstractHealthIndicator {

	private final CredentialCatalog catalog;

	private final CredentialStates states;

	RotationHealthIndicator(CredentialCatalog catalog, CredentialStates states) {
		super("Rotation health check failed");
		this.catalog = catalog;
		this.states = states;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<String> names = this.catalog.all().stream().map(CredentialSpec::name).toList();
		List<String> uncommitted = names.stream().filter(this.states::uncommitted).toList();
		List<String> failed = names.stream().filter((name) -> this.states.phase(name) == Phase.FAILED).toList();
		boolean healthy = uncommitted.isEmpty() && failed.isEmpty();
		(healthy ? builder.up() : builder.down()).withDetail("uncommitted", uncommitted).withDetail("failed", failed);
	}

}
