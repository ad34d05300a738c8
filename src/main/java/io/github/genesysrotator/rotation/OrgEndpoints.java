package io.github.genesysrotator.rotation;

import java.net.URI;

/**
 * Where an org's API and login hosts are, as published to consumers.
 *
 * @param region the configured region (SDK enum name or domain)
 * @param apiBaseUrl e.g. {@code https://api.mypurecloud.com}
 * @param loginBaseUrl e.g. {@code https://login.mypurecloud.com}
 */
public record OrgEndpoints(String region, URI apiBaseUrl, URI loginBaseUrl) {

}
