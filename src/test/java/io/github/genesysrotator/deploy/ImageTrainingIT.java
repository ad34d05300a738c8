package io.github.genesysrotator.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's class data sharing training ({@code src/main/docker/cds-training.sh}, run
 * as the Dockerfile's {@code cds-training} stage runs it) on the packaged jar, extracted
 * as the image extracts it: the service starts with nothing to reach, answers the
 * requests a pod sees, and leaves an archive that the image's entrypoint maps and that
 * holds the classes of serving a request, not only those of the context refresh. It needs
 * the jar, so it runs in the {@code integration-test} phase, after {@code package}.
 */
class ImageTrainingIT {

	@TempDir
	Path work;

	@Test
	void trainingAnswersAPodsRequestsAndLeavesAnArchiveTheEntrypointMaps() throws Exception {
		PackagedImage image = PackagedImage.prepare(this.work.resolve("app"));

		assertThat(Files.readAllLines(this.work.resolve("cds-training.log"))).contains(
				"GET /actuator/health/liveness -> 200", "GET /actuator/prometheus -> 200", "GET /livez -> 200",
				"GET /api/v1/credentials -> 401");
		assertThat(Files.readAllLines(this.work.resolve("cds-training.log")))
			.as("the authenticated call lists the (no) credentials")
			.containsSubsequence("GET /api/v1/credentials -> 401", "GET /api/v1/credentials -> 200");

		Path printed = this.work.resolve("archive.txt");
		Process print = image.command(true, List.of("-XX:+PrintSharedArchiveAndExit"), List.of(), printed).start();
		assertThat(print.waitFor(2, TimeUnit.MINUTES)).as("printing the archive finished").isTrue();
		String archive = Files.readString(printed);
		assertThat(print.exitValue()).as("exit code; see %s", printed).isZero();
		assertThat(archive).contains("archive is valid")
			.as("classes loaded only while a request is served")
			.contains("org.apache.coyote.http11.Http11Processor", "org.springframework.web.servlet.DispatcherServlet");
	}

}
