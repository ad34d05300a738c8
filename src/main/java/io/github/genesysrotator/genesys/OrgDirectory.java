package io.github.genesysrotator.genesys;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.genesysrotator.rotation.InvalidConfigurationException;
import io.github.genesysrotator.rotation.OrgEndpoints;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.rotation.RotatorProperties.Org;

/**
 * The API and login hosts of every configured org, resolved once at startup: an unknown
 * region stops the service with a message naming the property.
 */
final class OrgDirectory {

	private final Map<String, OrgEndpoints> endpoints = new LinkedHashMap<>();

	OrgDirectory(RotatorProperties properties) {
		properties.orgs().forEach((name, org) -> this.endpoints.put(name, resolve(name, org)));
	}

	/** The configured orgs' names. */
	Set<String> names() {
		return this.endpoints.keySet();
	}

	OrgEndpoints endpoints(String org) {
		OrgEndpoints found = this.endpoints.get(org);
		if (found == null) {
			throw new InvalidConfigurationException("rotator.orgs." + org, "no such org is configured");
		}
		return found;
	}

	private static OrgEndpoints resolve(String name, Org org) {
		String property = "rotator.orgs." + name + ".region";
		if (org.region() == null || org.region().isBlank()) {
			throw new InvalidConfigurationException(property, "a region is required (e.g. us_east_1)");
		}
		GenesysRegion region = GenesysRegion.resolve(org.region())
			.orElseThrow(() -> new InvalidConfigurationException(property, "unknown region '" + org.region()
					+ "'; use an SDK name such as us_east_1 or a domain such as " + "mypurecloud.com"));
		URI api = (org.apiBaseUrl() != null) ? org.apiBaseUrl() : region.apiBaseUrl();
		URI login = (org.loginBaseUrl() != null) ? org.loginBaseUrl() : region.loginBaseUrl();
		return new OrgEndpoints(org.region(), withoutTrailingSlash(api), withoutTrailingSlash(login));
	}

	private static URI withoutTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
	}

}
