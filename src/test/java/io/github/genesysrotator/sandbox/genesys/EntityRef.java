package io.github.genesysrotator.sandbox.genesys;

/**
 * A Genesys {@code DomainEntityRef} ({@code {id, name, selfUri}}).
 */
record EntityRef(String id, String name, String selfUri) {

	static EntityRef user(String id, String name) {
		return new EntityRef(id, name, "/api/v2/users/" + id);
	}

}
