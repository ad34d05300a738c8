package io.github.genesysrotator.rotation;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a credential publishes its active client: its Vault consumer path or a Genesys
 * integration credential. The {@link #key()} names it in the state record's publication
 * journal and in the status.
 *
 * @param type {@code vault-path} or {@code integration-credential}
 * @param id the Vault path or the integration credential id
 */
public record PublicationTarget(String type, String id) {

	public static final String VAULT_PATH = "vault-path";

	public static final String INTEGRATION_CREDENTIAL = "integration-credential";

	public static PublicationTarget vaultPath(String path) {
		return new PublicationTarget(VAULT_PATH, path);
	}

	public static PublicationTarget integrationCredential(String id) {
		return new PublicationTarget(INTEGRATION_CREDENTIAL, id);
	}

	/**
	 * The target's key: {@code vault-path:<path>} or {@code integration-credential:<id>}.
	 */
	public String key() {
		return this.type + ":" + this.id;
	}

	public boolean vault() {
		return VAULT_PATH.equals(this.type);
	}

	/**
	 * Every target of a credential in the order a rotation writes them. Dual writes its
	 * integration credentials first: a refused PUT (a role without
	 * {@code integrations:integration:edit}) then fails the rotation before anything is
	 * published. Single writes Vault first: the new secret's one durable copy, written at
	 * once, while the old secret is already dead.
	 */
	static List<PublicationTarget> of(CredentialSpec spec) {
		List<PublicationTarget> targets = new ArrayList<>();
		spec.integrationCredentials().forEach((id) -> targets.add(integrationCredential(id)));
		if (spec.vaultPath() != null) {
			if (spec.strategy() == Strategy.SINGLE) {
				targets.add(0, vaultPath(spec.vaultPath()));
			}
			else {
				targets.add(vaultPath(spec.vaultPath()));
			}
		}
		return List.copyOf(targets);
	}

}
