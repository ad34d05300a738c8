package io.github.genesysrotator.sandbox.genesys;

/**
 * The permissions that guard the OAuth client and usage endpoints (fact sheet sections 4
 * and 9.3). Each endpoint requires any one of its permissions; the simulator models
 * exactly one each.
 */
public enum OAuthPermission {

	VIEW("oauth:client:view"), ADD("oauth:client:add"), EDIT("oauth:client:edit"), DELETE("oauth:client:delete"),

	/** The usage jobs API (fact sheet 9.3). */
	USAGE_VIEW("usage:client:view");

	private final String value;

	OAuthPermission(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

}
