package io.github.genesysrotator.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * How the image starts the service, read from the Dockerfile: the JVM options of its
 * environment, the class data sharing training of the {@code cds-training} stage (the
 * script it copies in and the command that runs it) and the runtime entrypoint. The
 * footprint benchmark and {@code ImageTrainingIT} run the packaged jar with exactly
 * these, so that what they measure is what the image does.
 *
 * @param javaToolOptions the value of {@code JAVA_TOOL_OPTIONS} in the runtime stage
 * @param trainingScript the training script, relative to the repository root
 * @param training the training command, split on white space
 * @param entrypoint the exec-form entrypoint of the runtime stage
 */
public record ImageLaunch(String javaToolOptions, Path trainingScript, List<String> training, List<String> entrypoint) {

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
		Dockerfile.Stage cdsTraining = dockerfile.stage("cds-training");
		Path script = Path.of(cdsTraining.last("COPY").split("\\s+")[0]);
		String training = cdsTraining.last("RUN");
		List<String> entrypoint = Arrays
			.asList(JsonMapper.builder().build().readValue(runtime.last("ENTRYPOINT"), String[].class));
		return new ImageLaunch(options.group(1), script, List.of(training.split("\\s+")), entrypoint);
	}

	/**
	 * The training as the {@code cds-training} stage runs it: the script copied into
	 * {@code directory} (the extracted jar, the stage's working directory), its command
	 * run there with the image's JVM options and {@code java} for the JVM, its service on
	 * the given ports instead of the image's 8080 and 8081.
	 * @param directory the extracted jar
	 * @param java the {@code java} executable
	 * @param port the API port of the training run
	 * @param managementPort the management port of the training run
	 * @return the training process, not started, its output merged
	 * @throws IOException if the script cannot be copied
	 */
	public ProcessBuilder trainingProcess(Path directory, String java, int port, int managementPort)
			throws IOException {
		Files.copy(Repository.ROOT.resolve(this.trainingScript), directory.resolve(this.trainingScript.getFileName()),
				StandardCopyOption.REPLACE_EXISTING);
		ProcessBuilder builder = new ProcessBuilder(this.training).directory(directory.toFile())
			.redirectErrorStream(true);
		builder.environment().put("JAVA_TOOL_OPTIONS", this.javaToolOptions);
		builder.environment().put("JAVA", java);
		builder.environment().put("TRAINING_PORT", String.valueOf(port));
		builder.environment().put("TRAINING_MANAGEMENT_PORT", String.valueOf(managementPort));
		return builder;
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
