package io.github.genesysrotator.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes problems from servlet filters (authentication, authorization, the firewall, the
 * body size limit), which answer before Spring MVC and its exception handler run.
 */
final class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
		ProblemDetail problem = ApiExceptionHandler.problem(status, code, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
