package io.github.genesysrotator.rotation;

/** A dependency could not be reached, timed out or answered 5xx/429 past the retries. */
public class DependencyUnavailableException extends RotationException {

	private final Dependency dependency;

	public DependencyUnavailableException(Dependency dependency, String message, Throwable cause) {
		super(message, cause);
		this.dependency = dependency;
	}

	public DependencyUnavailableException(Dependency dependency, String message) {
		this(dependency, message, null);
	}

	@Override
	public String errorCode() {
		return this.dependency.label() + "-unavailable";
	}

}
