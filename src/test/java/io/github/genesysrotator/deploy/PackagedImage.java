package io.github.genesysrotator.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar laid out and started the way the image does it, without a container
 * engine: extracted with the jar's tools mode into one directory (the files the image's
 * four layer {@code COPY}s merge into), the class data sharing archive made by the
 * Dockerfile's own training script and command, and processes started with the
 * Dockerfile's {@code JAVA_TOOL_OPTIONS} and entrypoint.
 */
public final class PackagedImage {

	private static final long TRAINING_TIMEOUT_MINUTES = 5;

	private final ImageLaunch launch;

	private final Path directory;

	private PackagedImage(ImageLaunch launch, Path directory) {
		this.launch = launch;
		this.directory = directory;
	}

	/** Extracts the packaged jar into {@code directory} and runs the training there. */
	public static PackagedImage prepare(Path directory) throws IOException, InterruptedException {
		ImageLaunch launch = ImageLaunch.read();
		Path jar = packagedJar();
		Files.createDirectories(directory);
		run(new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
				directory.toString(), "--application-filename", applicationJar(launch))
			.directory(directory.getParent().toFile())
			.redirectErrorStream(true), directory.resolveSibling("extract.log"));
		PackagedImage image = new PackagedImage(launch, directory);
		Files.deleteIfExists(image.archive());
		run(launch.trainingProcess(directory, java(), freePort(), freePort()),
				directory.resolveSibling("cds-training.log"));
		if (!Files.isRegularFile(image.archive())) {
			throw new IllegalStateException("The training run left no archive at " + image.archive());
		}
		return image;
	}

	/** The JVM options of the image. */
	public String javaToolOptions() {
		return this.launch.javaToolOptions();
	}

	/**
	 * The class data sharing archive the training made, where the entrypoint expects it.
	 */
	public Path archive() {
		return this.directory.resolve(this.launch.archive());
	}

	/**
	 * The image's start, with or without the archive. With it, {@code -Xshare:on} makes a
	 * JVM that cannot map the archive fail instead of silently measuring a start without
	 * it.
	 */
	public ProcessBuilder command(boolean withArchive, List<String> jvmExtras, List<String> args, Path log) {
		List<String> entrypoint = withArchive ? this.launch.entrypoint() : this.launch.entrypointWithoutArchive();
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmExtras);
		if (withArchive) {
			command.add("-Xshare:on");
		}
		command.addAll(entrypoint.subList(1, entrypoint.size()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("JAVA_TOOL_OPTIONS", this.launch.javaToolOptions());
		return builder;
	}

	/**
	 * The repository's {@code target/} jar: {@code ./mvnw verify} and the bench profile
	 * package it before the integration tests and benchmarks run.
	 */
	private static Path packagedJar() throws IOException {
		Path target = Repository.ROOT.resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().matches("genesys-secret-rotator-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No packaged jar in " + target + ": run ./mvnw -Pbench verify, which packages it first"));
		}
	}

	private static String applicationJar(ImageLaunch launch) {
		List<String> entrypoint = launch.entrypoint();
		return entrypoint.get(entrypoint.indexOf("-jar") + 1);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void run(ProcessBuilder command, Path log) throws IOException, InterruptedException {
		Process process = command.redirectOutput(log.toFile()).start();
		if (!process.waitFor(TRAINING_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(command.command().get(1) + " did not finish; see " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					command.command().get(1) + " failed (" + process.exitValue() + "); see " + log);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
