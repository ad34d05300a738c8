package io.github.genesysrotator.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * How the image starts the service, read from the Dockerfile: the JVM options of its
 * environment, the class data sharing training command of the {@code cds-training} stage
 * and the runtime entrypoint. The footprint benchmark runs the packaged jar with exactly
 * these, so that what it measures is what the image does.
 *
 * @param javaToolOptions the value of {@code JAVA_TOOL_OPTIONS} in the runtime stage
 * @param training the training command, split on white space
 * @param entrypoint the exec-form entrypoint of the runtime stage
 */
public record ImageLaunch(String javaToolOptions, List<String> training, List<String> entrypoint) {

	private static final Pattern JAVA_TOOL_OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"");

	private static final String ARCHIVE_FLAG = "-XX:SharedArchiveFile=";

	/** The launch of the repository's Dockerfile. */
	public static ImageLaunch read() {
		Dockerfile dockerfile = Dockerfile.parse(Repository.DOCKERFILE);
		Dockerfile.Stage runtime = dockerfile.built(dockerfile.finalStage().name());
		Matcher options = JAVA_TOOL_OPTIONS.matcher(String.join("\n", runtime.arguments("ENV")));
		if (!options.find()) {
			throw new IllegalStateException("No JAVA_TOOL_OPTIONS in the runtime stage");
		}
		String training = dockerfile.stage("cds-training").last("RUN");
		List<String> entrypoint = Arrays
			.asList(JsonMapper.builder().build().readValue(runtime.last("ENTRYPOINT"), String[].class));
		return new ImageLaunch(options.group(1), List.of(training.split("\\s+")), entrypoint);
	}

	/** The archive the entrypoint starts with, relative to the working directory. */
	public String archive() {
		return this.entrypoint.stream()
			.filter((argument) -> argument.startsWith(ARCHIVE_FLAG))
			.map((argument) -> argument.substring(ARCHIVE_FLAG.length()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The entrypoint names no CDS archive"));
	}

	/** The entrypoint without the archive: the same start, without class data sharing. */
	public List<String> entrypointWithoutArchive() {
		return this.entrypoint.stream().filter((argument) -> !argument.startsWith(ARCHIVE_FLAG)).toList();
	}

}
