package io.github.genesysrotator.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ProblemErrorReportValve} on the API server's host. Spring Boot adds a plain
 * Tomcat error report valve first; ours comes after it in the pipeline, so it reports
 * first and the plain one finds the report done.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
class TomcatErrorReportConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports(JsonMapper json) {
		return (factory) -> factory.addContextCustomizers(
				(context) -> context.getParent().getPipeline().addValve(new ProblemErrorReportValve(json)));
	}

}
