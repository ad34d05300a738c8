package io.github.genesysrotator.sandbox.vault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Login roles of the Kubernetes and AppRole auth methods the simulator mounts. */
final class AuthRoles {

	final Map<String, KubernetesRole> kubernetes = new ConcurrentHashMap<>();

	final Map<String, AppRole> appRoles = new ConcurrentHashMap<>();

	/**
	 * A Kubernetes auth role.
	 *
	 * @param name the role name
	 * @param acceptedJwts JWTs that pass TokenReview; empty accepts any non-empty JWT
	 * @param policies policies of the issued token
	 * @param ttl TTL of the issued token
	 */
	record KubernetesRole(String name, Set<String> acceptedJwts, List<String> policies, Duration ttl) {
	}

	/**
	 * An AppRole role.
	 *
	 * @param roleId the role_id
	 * @param secretId the one valid secret_id
	 * @param policies policies of the issued token
	 * @param ttl TTL of the issued token
	 */
	record AppRole(String roleId, String secretId, List<String> policies, Duration ttl) {
	}

}
