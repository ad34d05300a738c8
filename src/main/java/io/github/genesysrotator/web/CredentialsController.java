package io.github.genesysrotator.web;

import java.security.Principal;
import java.util.List;

import io.github.genesysrotator.rotation.RotationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The credentials API. Every method delegates to {@link RotationService}; results that
 * did not succeed become problems in {@link ApiExceptionHandler}.
 */
@RestController
@RequestMapping(path = "/api/v1/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "credentials")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class CredentialsController {

	/** Credential names as configuration allows them; anything else is refused early. */
	static final String NAME = "^[a-z0-9][a-z0-9-]{0,62}$";

	private final RotationService rotations;

	CredentialsController(RotationService rotations) {
		this.rotations = rotations;
	}

	@GetMapping
	@Operation(summary = "All credentials with their status")
	List<CredentialView> list() {
		return this.rotations.statuses().stream().map(CredentialView::of).toList();
	}

	@GetMapping("/{name}")
	@Operation(summary = "One credential: clients, phase, secret age, last rotation, next due")
	CredentialView get(@PathVariable @Parameter(description = "credential name") @Pattern(regexp = NAME) String name) {
		return CredentialView.of(this.rotations.status(name));
	}

	@PostMapping("/{name}/rotations")
	@Operation(summary = "Rotate now; answers the rotation record (never a secret)")
	RotationView rotate(@PathVariable @Pattern(regexp = NAME) String name,
			@RequestBody(required = false) @Valid RotateRequestBody body, Principal principal) {
		RotateRequestBody request = (body != null) ? body : RotateRequestBody.DEFAULT;
		return RotationView.of(RotationFailedException
			.unlessSucceeded(this.rotations.rotate(request.toRequest(name, principal.getName()))));
	}

	@GetMapping("/{name}/rotations")
	@Operation(summary = "Finished rotations, newest first")
	List<HistoryView> history(@PathVariable @Pattern(regexp = NAME) String name) {
		return this.rotations.history(name).stream().map(HistoryView::of).toList();
	}

	@PostMapping("/{name}/rollback")
	@Operation(summary = "Dual strategy: republish the previous client if its secret still works")
	RotationView rollback(@PathVariable @Pattern(regexp = NAME) String name, Principal principal) {
		return RotationView
			.of(RotationFailedException.unlessSucceeded(this.rotations.rollback(name, principal.getName())));
	}

	@PostMapping("/{name}/pause")
	@Operation(summary = "Stop routine rotations until resumed or until 'until'; compromise rotations still run")
	CredentialView pause(@PathVariable @Pattern(regexp = NAME) String name,
			@RequestBody(required = false) @Valid PauseRequestBody body, Principal principal) {
		PauseRequestBody request = (body != null) ? body : PauseRequestBody.NONE;
		return CredentialView.of(this.rotations.pause(name, principal.getName(), request.reason(), request.until()));
	}

	@PostMapping("/{name}/resume")
	@Operation(summary = "Lift a pause")
	CredentialView resume(@PathVariable @Pattern(regexp = NAME) String name, Principal principal) {
		return CredentialView.of(this.rotations.resume(name, principal.getName()));
	}

}
