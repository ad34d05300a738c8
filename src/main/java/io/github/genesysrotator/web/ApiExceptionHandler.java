package io.github.genesysrotator.web;

import java.time.Duration;
import java.util.Objects;

import io.github.genesysrotator.rotation.RotationException;
import io.github.genesysrotator.rotation.RotationResult;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.DatabindException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error answer of the API is an RFC 9457 problem with a stable {@code type} from
 * {@link ProblemTypes}; none carries a stack trace or an exception message the rotator
 * did not write on purpose.
 * <p>
 * Body errors: JSON that cannot be parsed is a 400 ({@code invalid-request}: the request
 * is not JSON at all); JSON that parses but does not fit (unknown field, wrong type,
 * {@code mode} not allowed, {@code reason} too long) is a 422 ({@code invalid-body}).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rotationFailed(RotationFailedException ex) {
		RotationResult result = ex.result();
		HttpStatus status = ProblemTypes.status(result);
		String code = ProblemTypes.code(result);
		ProblemDetail problem = problem(status, code, Objects.requireNonNullElse(result.errorMessage(),
				"Rotation of '" + result.credential() + "' ended " + RotationView.label(result.outcome())));
		problem.setProperty("credential", result.credential());
		problem.setProperty("rotationId", result.rotationId());
		problem.setProperty("result", RotationView.of(result));
		HttpHeaders headers = new HttpHeaders();
		if (status == HttpStatus.TOO_MANY_REQUESTS || result.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(result.retryAfter())));
		}
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	/**
	 * Requests refused before any attempt: {@code UnknownCredentialException},
	 * {@code NotApplicableException}, or a state read that failed first.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> rotationException(RotationException ex) {
		HttpStatus status = ProblemTypes.status(ex.errorCode());
		if (status.is5xxServerError()) {
			logger.warn("API request failed: " + ex.getMessage());
		}
		return ResponseEntity.status(status).body(problem(status, ex.errorCode().code(), ex.getMessage()));
	}

	/**
	 * Spring MVC refuses a wildcard {@code Content-Type} (such as {@code *}{@code /*})
	 * with an {@link IllegalArgumentException} while it reads the body: that is the
	 * client's 415, not a server error. Any other such exception stays unexpected.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex, HttpServletRequest request) {
		if (wildcardContentType(request.getContentType())) {
			return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.INVALID_REQUEST,
						"The body must be application/json"));
		}
		return unexpected(ex);
	}

	private static boolean wildcardContentType(String contentType) {
		try {
			return contentType != null && MediaType.parseMediaType(contentType).isWildcardType();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Unexpected error answering an API request", ex);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
					"The request failed; the server log has the details"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RotateRequestBody.UnknownFieldException unknown = find(ex, RotateRequestBody.UnknownFieldException.class);
		if (unknown != null) {
			return invalidBody(unknown.getMessage());
		}
		DatabindException mapping = find(ex, DatabindException.class);
		if (mapping != null) {
			return invalidBody("Field '" + path(mapping) + "' has a value of the wrong type");
		}
		return answer(problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "The body is not valid JSON"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalidBody(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> "'" + error.getField() + "' " + error.getDefaultMessage())
			.sorted()
			.reduce((a, b) -> a + "; " + b)
			.orElse("The body is invalid"));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		boolean body = ex.getParameterValidationResults()
			.stream()
			.anyMatch((result) -> result.getMethodParameter().hasParameterAnnotation(RequestBody.class));
		String detail = ex.getParameterValidationResults()
			.stream()
			.map(ApiExceptionHandler::describe)
			.sorted()
			.reduce((a, b) -> a + "; " + b)
			.orElse("The request is invalid");
		return body ? invalidBody(detail)
				: answer(problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, detail));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return answer(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such resource"));
	}

	/**
	 * Every other Spring MVC exception (405, 406, 415, ...) keeps its status and gets a
	 * type and a fixed detail.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getType() != null
				&& problem.getType().toString().startsWith(ProblemTypes.BASE)) {
			return super.handleExceptionInternal(ex, body, headers, statusCode, request);
		}
		HttpStatus status = HttpStatus.valueOf(statusCode.value());
		String code = status.is4xxClientError() ? ProblemTypes.INVALID_REQUEST : ProblemTypes.INTERNAL_ERROR;
		ProblemDetail problem = problem(status, code, status.getReasonPhrase());
		problem.setTitle(status.getReasonPhrase());
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.type(code));
		problem.setTitle(ProblemTypes.title(code));
		problem.setProperty("errorCode", code);
		return problem;
	}

	/**
	 * Whole seconds, rounded up, at least one: a client that waits that long is allowed.
	 */
	static long retryAfterSeconds(Duration retryAfter) {
		if (retryAfter == null) {
			return 1;
		}
		long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

	private ResponseEntity<Object> invalidBody(String detail) {
		return answer(problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.INVALID_BODY, detail));
	}

	private static ResponseEntity<Object> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static String describe(ParameterValidationResult result) {
		if (result instanceof ParameterErrors errors) {
			return errors.getFieldErrors()
				.stream()
				.map((error) -> "'" + error.getField() + "' " + error.getDefaultMessage())
				.sorted()
				.reduce((a, b) -> a + "; " + b)
				.orElse("The body is invalid");
		}
		String name = result.getMethodParameter().getParameterName();
		return result.getResolvableErrors()
			.stream()
			.map((error) -> "'" + name + "' " + error.getDefaultMessage())
			.reduce((a, b) -> a + "; " + b)
			.orElse("'" + name + "' is invalid");
	}

	private static String path(DatabindException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.reduce((a, b) -> a + "." + b)
			.orElse("(body)");
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
