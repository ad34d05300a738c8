package io.github.genesysrotator.sandbox.genesys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A simulated organization: its roles, its home division, and the synthetic user that
 * seeded clients name as their creator.
 */
final class Organization {

	private final String id;

	private final String name;

	private final String homeDivisionId;

	private final EntityRef seedingUser;

	private final Map<String, Set<String>> rolePermissions = new LinkedHashMap<>();

	Organization(String id, String name, String homeDivisionId, EntityRef seedingUser) {
		this.id = id;
		this.name = name;
		this.homeDivisionId = homeDivisionId;
		this.seedingUser = seedingUser;
	}

	String id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String homeDivisionId() {
		return this.homeDivisionId;
	}

	EntityRef seedingUser() {
		return this.seedingUser;
	}

	void addRole(String roleId, Set<String> permissions) {
		this.rolePermissions.put(roleId, Set.copyOf(permissions));
	}

	/** Unknown role ids grant nothing, like a role deleted after it was assigned. */
	Set<String> permissionsOf(String roleId) {
		return this.rolePermissions.getOrDefault(roleId, Set.of());
	}

}
