package io.github.genesysrotator.web;

import java.time.Instant;
import java.util.List;

import io.github.genesysrotator.observability.OrgCoverage;
import io.github.genesysrotator.observability.OrgCoverage.CoveredClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orgs API: every OAuth client of an org and the credential that manages it, if any,
 * so a security team sees which client-credentials clients nothing rotates.
 */
@RestController
@RequestMapping(path = "/api/v1/orgs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "orgs")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class OrgsController {

	/** Org names as configuration can hold them; anything else is refused early. */
	static final String ORG = "^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$";

	private final OrgCoverage coverage;

	OrgsController(OrgCoverage coverage) {
		this.coverage = coverage;
	}

	@GetMapping("/{org}/clients")
	@Operation(summary = "Every OAuth client of the org and the credential managing it (never a secret)")
	List<OrgClientView> clients(@PathVariable @Parameter(description = "org name") @Pattern(regexp = ORG) String org) {
		return this.coverage.clients(org).stream().map(OrgClientView::of).toList();
	}

	/**
	 * One OAuth client of the org.
	 *
	 * @param id the client id
	 * @param name its name
	 * @param grantType its authorized grant type
	 * @param state its state
	 * @param dateCreated when it was created, if Genesys says
	 * @param managedBy the credential that rotates it, or {@code null} when none does
	 */
	record OrgClientView(String id, String name, String grantType, String state, @Nullable Instant dateCreated,
			@Nullable String managedBy) {

		static OrgClientView of(CoveredClient covered) {
			return new OrgClientView(covered.client().id(), covered.client().name(), covered.client().grantType(),
					covered.client().state(), covered.client().dateCreated(), covered.credential());
		}

	}

}
