package io.github.genesysrotator.rotation;

/** Configuration that cannot work; thrown at startup and names the offending property. */
public class InvalidConfigurationException extends RotationException {

	private final String property;

	public InvalidConfigurationException(String property, String reason) {
		super("Invalid configuration property '" + property + "': " + reason);
		this.property = property;
	}

	public String property() {
		return this.property;
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.INVALID_CONFIGURATION;
	}

}
