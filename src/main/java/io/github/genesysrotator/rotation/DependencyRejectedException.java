package io.github.genesysrotator.rotation;

/** A dependency answered, and refused: retrying the same call will not help. */
public class DependencyRejectedException extends RotationException {

	private final Dependency dependency;

	private final int status;

	public DependencyRejectedException(Dependency dependency, int status, String message) {
		super(message);
		this.dependency = dependency;
		this.status = status;
	}

	/** The HTTP status the dependency answered. */
	public int status() {
		return this.status;
	}

	@Override
	public ErrorCode errorCode() {
		return this.dependency.rejected();
	}

}
