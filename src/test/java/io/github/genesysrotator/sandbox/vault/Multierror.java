package io.github.genesysrotator.sandbox.vault;

import java.util.List;

/**
 * Formats several errors the way hashicorp/go-multierror does, because Vault sends them
 * as one string in {@code errors}.
 */
final class Multierror {

	private Multierror() {
	}

	static String format(List<String> errors) {
		StringBuilder text = new StringBuilder();
		text.append(errors.size() == 1 ? "1 error occurred:" : errors.size() + " errors occurred:");
		text.append('\n');
		for (String error : errors) {
			text.append("\t* ").append(error).append('\n');
		}
		return text.append('\n').toString();
	}

}
