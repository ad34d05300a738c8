package io.github.genesysrotator.web;

import java.util.ArrayList;
import java.util.List;

import io.github.genesysrotator.web.ApiSecurityProperties.Jwt;
import io.github.genesysrotator.web.ApiSecurityProperties.Role;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Stateless bearer authentication for the API: hashed API tokens, and JWTs when an issuer
 * is configured. {@code read} opens the GETs, {@code rotate} the POSTs; neither implies
 * the other. The OpenAPI document is public (it describes the API, not the credentials),
 * and on the management port only {@code health}, {@code info} and {@code prometheus} are
 * served, without authentication. The probes' additional paths on the API port
 * ({@code /livez}, {@code /readyz}) are public too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final Log logger = LogFactory.getLog(SecurityConfiguration.class);

	static final String REALM = "Bearer realm=\"genesys-secret-rotator\"";

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiSecurityProperties properties, JsonMapper json) {
		ProblemWriter problems = new ProblemWriter(json);
		AuthenticationManager authentication = authenticationManager(properties);
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> unauthorized(problems, response, ex);
		AccessDeniedHandler forbidden = (request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
				ProblemTypes.FORBIDDEN, "The token lacks the role this operation needs");
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer((server) -> server.authenticationManagerResolver((request) -> authentication)
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
						.permitAll()
						.requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health"))
						.permitAll()
						.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/error")
						.permitAll()
						.requestMatchers(HttpMethod.GET, "/api/v1/**")
						.hasAuthority(Role.READ.authority())
						.requestMatchers(HttpMethod.POST, "/api/v1/**")
						.hasAuthority(Role.ROTATE.authority())
						.anyRequest()
						.authenticated())
			.addFilterAfter(new BodySizeLimitFilter(problems), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Requests the firewall refuses (encoded slashes, {@code ..}, ...) get a 400 problem.
	 */
	@Bean
	RequestRejectedHandler problemRequestRejectedHandler(JsonMapper json) {
		ProblemWriter problems = new ProblemWriter(json);
		return (request, response, ex) -> problems.write(response, HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
				"The request path is not allowed");
	}

	private static void unauthorized(ProblemWriter problems, jakarta.servlet.http.HttpServletResponse response,
			AuthenticationException ex) throws java.io.IOException {
		boolean invalidToken = ex instanceof OAuth2AuthenticationException;
		response.setHeader("WWW-Authenticate", invalidToken ? REALM + ", error=\"invalid_token\"" : REALM);
		problems.write(response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
				invalidToken ? "The bearer token is not valid" : "A bearer token is required");
	}

	static AuthenticationManager authenticationManager(ApiSecurityProperties properties) {
		List<AuthenticationProvider> providers = new ArrayList<>();
		providers.add(new ApiTokenAuthenticationProvider(properties.apiTokens()));
		if (properties.jwt().enabled()) {
			providers.add(jwtProvider(properties.jwt()));
		}
		else if (properties.apiTokens().isEmpty()) {
			logger.warn("Neither rotator.security.api-tokens nor rotator.security.jwt.issuer-uri is set:"
					+ " the API refuses every request");
		}
		ProviderManager manager = new ProviderManager(providers);
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	private static AuthenticationProvider jwtProvider(Jwt jwt) {
		String issuer = jwt.issuerUri().toString();
		// Lazy: the issuer is contacted on the first JWT, not at startup.
		SupplierJwtDecoder decoder = new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder nimbus = JwtDecoders.fromIssuerLocation(issuer);
			List<OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt>> validators = new ArrayList<>();
			validators.add(JwtValidators.createDefaultWithIssuer(issuer));
			if (jwt.audience() != null) {
				validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(jwt.audience())));
			}
			nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
			return nimbus;
		});
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(jwt.rolesClaim());
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(converter);
		return provider;
	}

}
