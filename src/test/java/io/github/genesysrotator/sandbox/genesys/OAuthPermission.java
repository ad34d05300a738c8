package io.github.genesysrotator.sandbox.genesys;

/**
 * The permissions that guard the OAuth client endpoints (fact sheet section 4). Each
 * endpoint requires any one of its permissions; the simulator models exactly one each.
 */
public enum OAuthPermission {

	VIEW("oauth:client:view"), ADD("oauth:client:add"), EDIT("oauth:client:edit"), DELETE("oauth:client:delete");

	private final String value;

	OAuthPermission(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

}
