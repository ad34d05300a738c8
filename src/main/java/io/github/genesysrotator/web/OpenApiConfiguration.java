package io.github.genesysrotator.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header and its bearer security scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI rotatorOpenApi() {
		return new OpenAPI()
			.info(new Info().title("genesys-secret-rotator")
				.description("Rotates Genesys Cloud OAuth client secrets into HashiCorp Vault."
						+ " Errors are RFC 9457 problems (application/problem+json).")
				.version("v1"))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("An API token (roles read, rotate) or, when configured, a JWT")));
	}

}
