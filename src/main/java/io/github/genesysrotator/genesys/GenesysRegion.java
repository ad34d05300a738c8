package io.github.genesysrotator.genesys;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Genesys Cloud regions as the official SDKs name them, with their domain. The API host
 * is {@code api.<domain>}, the login host {@code login.<domain>}.
 */
public enum GenesysRegion {

	US_EAST_1("mypurecloud.com"), EU_WEST_1("mypurecloud.ie"), AP_SOUTHEAST_2("mypurecloud.com.au"),
	AP_NORTHEAST_1("mypurecloud.jp"), EU_CENTRAL_1("mypurecloud.de"), US_WEST_2("usw2.pure.cloud"),
	CA_CENTRAL_1("cac1.pure.cloud"), AP_NORTHEAST_2("apne2.pure.cloud"), EU_WEST_2("euw2.pure.cloud"),
	AP_SOUTH_1("aps1.pure.cloud"), US_EAST_2("use2.us-gov-pure.cloud"), SA_EAST_1("sae1.pure.cloud"),
	ME_CENTRAL_1("mec1.pure.cloud"), AP_NORTHEAST_3("apne3.pure.cloud"), EU_CENTRAL_2("euc2.pure.cloud"),
	MX_CENTRAL_1("mxc1.pure.cloud"), AP_SOUTHEAST_1("apse1.pure.cloud"), EUSC_DE_EAST_1("edee1.eusc-pure.cloud");

	private final String domain;

	GenesysRegion(String domain) {
		this.domain = domain;
	}

	public String domain() {
		return this.domain;
	}

	public URI apiBaseUrl() {
		return URI.create("https://api." + this.domain);
	}

	public URI loginBaseUrl() {
		return URI.create("https://login." + this.domain);
	}

	/** The region named by an SDK enum name ({@code us_east_1}) or a domain. */
	public static Optional<GenesysRegion> resolve(String nameOrDomain) {
		if (nameOrDomain == null) {
			return Optional.empty();
		}
		String wanted = nameOrDomain.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((region) -> region.name().toLowerCase(Locale.ROOT).equals(wanted) || region.domain.equals(wanted))
			.findFirst();
	}

}
