package io.github.genesysrotator.rotation;

/** No org of that name is configured. */
public class UnknownOrgException extends RotationException {

	public UnknownOrgException(String org) {
		super("No org named '" + org + "' is configured");
	}

	@Override
	public String errorCode() {
		return "unknown-org";
	}

}
