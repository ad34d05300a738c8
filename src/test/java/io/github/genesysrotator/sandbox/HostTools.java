package io.github.genesysrotator.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Assumptions;

/**
 * Executables of the build machine that some tests run (promtool, curl, jq): a test that
 * needs one skips with a reason naming the Debian package when it is missing, and
 * {@code .ci/run} installs them so that CI runs those tests.
 */
public final class HostTools {

	private HostTools() {
	}

	/** Whether an executable of that name is on the PATH. */
	public static boolean onPath(String executable) {
		String path = System.getenv("PATH");
		return path != null && Arrays.stream(path.split(File.pathSeparator))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, executable)));
	}

	/**
	 * Skips the calling test unless every executable is on the PATH.
	 * @param debianPackages the packages that provide them, for the reason
	 * @param executables the executables the test runs
	 */
	public static void assumeOnPath(String debianPackages, String... executables) {
		for (String executable : executables) {
			Assumptions.assumeTrue(onPath(executable),
					executable + " is not installed: apt-get install " + debianPackages + " (.ci/run does)");
		}
	}

}
