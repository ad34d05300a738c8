package io.github.genesysrotator.rotation;

/** No org of that name is configured. */
public class UnknownOrgException extends RotationException {

	public UnknownOrgException(String org) {
		super("No org named '" + org + "' is configured");
	}

	@Override
	public ErrorCode errorCode() {
		return ErrorCode.UNKNOWN_ORG;
	}

}
