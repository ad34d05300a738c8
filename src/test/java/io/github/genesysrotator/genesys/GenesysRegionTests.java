package io.github.genesysrotator.genesys;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Regions as the fact sheet lists them, by SDK enum name or by domain. */
class GenesysRegionTests {

	@ParameterizedTest
	@CsvSource({ "us_east_1, https://api.mypurecloud.com, https://login.mypurecloud.com",
			"eu_west_1, https://api.mypurecloud.ie, https://login.mypurecloud.ie",
			"ap_southeast_2, https://api.mypurecloud.com.au, https://login.mypurecloud.com.au",
			"ap_northeast_1, https://api.mypurecloud.jp, https://login.mypurecloud.jp",
			"eu_central_1, https://api.mypurecloud.de, https://login.mypurecloud.de",
			"us_west_2, https://api.usw2.pure.cloud, https://login.usw2.pure.cloud",
			"ca_central_1, https://api.cac1.pure.cloud, https://login.cac1.pure.cloud",
			"ap_northeast_2, https://api.apne2.pure.cloud, https://login.apne2.pure.cloud",
			"eu_west_2, https://api.euw2.pure.cloud, https://login.euw2.pure.cloud",
			"ap_south_1, https://api.aps1.pure.cloud, https://login.aps1.pure.cloud",
			"us_east_2, https://api.use2.us-gov-pure.cloud, https://login.use2.us-gov-pure.cloud",
			"sa_east_1, https://api.sae1.pure.cloud, https://login.sae1.pure.cloud",
			"me_central_1, https://api.mec1.pure.cloud, https://login.mec1.pure.cloud",
			"ap_northeast_3, https://api.apne3.pure.cloud, https://login.apne3.pure.cloud",
			"eu_central_2, https://api.euc2.pure.cloud, https://login.euc2.pure.cloud",
			"mx_central_1, https://api.mxc1.pure.cloud, https://login.mxc1.pure.cloud",
			"ap_southeast_1, https://api.apse1.pure.cloud, https://login.apse1.pure.cloud",
			"eusc_de_east_1, https://api.edee1.eusc-pure.cloud, https://login.edee1.eusc-pure.cloud" })
	void everyRegionOfTheFactSheetResolvesToItsHosts(String name, String api, String login) {
		GenesysRegion region = GenesysRegion.resolve(name).orElseThrow();
		assertThat(region.apiBaseUrl()).isEqualTo(URI.create(api));
		assertThat(region.loginBaseUrl()).isEqualTo(URI.create(login));
	}

	@ParameterizedTest
	@EnumSource(GenesysRegion.class)
	void aRegionResolvesByItsDomainAndItsUpperCaseName(GenesysRegion region) {
		assertThat(GenesysRegion.resolve(region.domain())).contains(region);
		assertThat(GenesysRegion.resolve(region.name())).contains(region);
	}

	@Test
	void unknownRegionsAndPlaceholderHostsDoNotResolve() {
		assertThat(GenesysRegion.resolve("us_east_9")).isEmpty();
		assertThat(GenesysRegion.resolve("api.us.genesys.cloud")).isEmpty();
		assertThat(GenesysRegion.resolve(null)).isEmpty();
	}

}
