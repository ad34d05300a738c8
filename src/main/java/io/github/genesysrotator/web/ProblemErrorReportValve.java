package io.github.genesysrotator.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report for an error answer with no body, such as a request it refuses
 * before Spring runs (an encoded slash, an encoded NUL or invalid UTF-8 in the path): an
 * RFC 9457 problem with the API's type for the status, in place of Tomcat's HTML page. It
 * never echoes the request.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

	private final JsonMapper json;

	ProblemErrorReportValve(JsonMapper json) {
		this.json = json;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int statusCode = response.getStatus();
		if (statusCode < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(statusCode);
		if (status == null) {
			status = HttpStatus.BAD_REQUEST;
		}
		String body = this.json
			.writeValueAsString(ApiExceptionHandler.problem(status, code(status), status.getReasonPhrase()));
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response was committed: nothing left to say.
		}
	}

	private static String code(HttpStatus status) {
		if (status.is5xxServerError()) {
			return ProblemTypes.INTERNAL_ERROR;
		}
		return switch (status) {
			case UNAUTHORIZED -> ProblemTypes.UNAUTHORIZED;
			case FORBIDDEN -> ProblemTypes.FORBIDDEN;
			case NOT_FOUND -> ProblemTypes.NOT_FOUND;
			case CONTENT_TOO_LARGE -> ProblemTypes.BODY_TOO_LARGE;
			default -> ProblemTypes.INVALID_REQUEST;
		};
	}

}
