package io.github.genesysrotator;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.genesysrotator.genesys.GenesysProperties;
import io.github.genesysrotator.observability.HealthProperties;
import io.github.genesysrotator.observability.MetricsProperties;
import io.github.genesysrotator.observability.NotificationProperties;
import io.github.genesysrotator.rotation.RotatorProperties;
import io.github.genesysrotator.web.ApiSecurityProperties;
import io.github.genesysrotator.web.ProblemTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and {@code docs/} stay true to the repository: every link leads somewhere,
 * nothing cites files users never see, the configuration reference names every
 * {@code rotator.*} property, the layout lists every doc, and {@code docs/api.md} gives
 * each problem code the status the API answers with.
 */
class DocumentationTests {

	private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

	@Test
	void everyRelativeLinkInTheDocsLeadsToAFileOfTheRepository() throws IOException {
		for (Path doc : docs()) {
			Matcher link = LINK.matcher(Files.readString(doc));
			while (link.find()) {
				String target = link.group(1);
				if (!target.matches("[a-z]+:.*")) {
					assertThat(doc.getParent().resolve(target).normalize()).as("link in %s", ROOT.relativize(doc))
						.exists();
				}
			}
		}
	}

	@Test
	void nothingCitesTheDesignContractOrFilesOutsideTheRepository() throws IOException {
		List<Path> files = new ArrayList<>(docs());
		for (String tree : List.of("helm", "src", "deploy")) {
			try (Stream<Path> walk = Files.walk(ROOT.resolve(tree))) {
				walk.filter(Files::isRegularFile)
					.filter((file) -> !file.getFileName().toString().matches(".*\\.(png|tgz|jar)"))
					.forEach(files::add);
			}
		}
		// Split so that this file does not match itself.
		String design = "DESIGN" + ".md";
		for (Path file : files) {
			String text = Files.readString(file);
			assertThat(text).as("%s", ROOT.relativize(file))
				.doesNotContain(design)
				.doesNotContain("DESIGN" + " section")
				.doesNotContain("../" + "shared");
		}
	}

	@Test
	void theReadmeConfigurationReferenceNamesEveryRotatorProperty() throws IOException {
		String readme = Files.readString(ROOT.resolve("README.md"));
		List<String> missing = new ArrayList<>();
		for (Class<?> properties : List.of(RotatorProperties.class, GenesysProperties.class,
				ApiSecurityProperties.class, NotificationProperties.class, MetricsProperties.class,
				HealthProperties.class)) {
			collect(properties, missing, readme);
		}
		assertThat(missing).as("properties the README's configuration reference does not name").isEmpty();
	}

	@Test
	void theReadmeLayoutListsEveryDoc() throws IOException {
		String readme = Files.readString(ROOT.resolve("README.md"));
		String layout = readme.substring(readme.indexOf("## Project layout"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.map((doc) -> doc.getFileName().toString())
				.filter((name) -> name.endsWith(".md"))
				.forEach((name) -> assertThat(layout).as("README layout").contains(name));
		}
	}

	@Test
	void apiMdGivesEveryRotationProblemCodeTheStatusTheApiAnswers() throws IOException {
		Pattern row = Pattern.compile("^\\| (\\d{3}) \\|(.*)$", Pattern.MULTILINE);
		Pattern code = Pattern.compile("`([a-z-]+)`");
		Matcher rows = row.matcher(Files.readString(ROOT.resolve("docs/api.md")));
		int checked = 0;
		while (rows.find()) {
			int status = Integer.parseInt(rows.group(1));
			Matcher codes = code.matcher(rows.group(2));
			while (codes.find()) {
				String name = codes.group(1);
				boolean rotationCode = ProblemTypes.status(name).value() != 500 || name.equals("invalid-configuration");
				if (rotationCode) {
					assertThat(ProblemTypes.status(name).value()).as("status of %s", name).isEqualTo(status);
					checked++;
				}
			}
		}
		assertThat(checked).as("rotation problem codes found in docs/api.md").isGreaterThan(10);
	}

	private static void collect(Class<?> type, List<String> missing, String readme) {
		if (!type.isRecord()) {
			return;
		}
		for (RecordComponent component : type.getRecordComponents()) {
			String key = kebab(component.getName());
			if (!readme.contains(key + ":")) {
				missing.add(type.getSimpleName() + "." + key);
			}
			nested(component.getGenericType()).forEach((nested) -> collect(nested, missing, readme));
		}
	}

	private static List<Class<?>> nested(Type type) {
		if (type instanceof Class<?> plain) {
			return List.of(plain);
		}
		if (type instanceof ParameterizedType parameterized) {
			return Stream.of(parameterized.getActualTypeArguments())
				.filter(Class.class::isInstance)
				.<Class<?>>map(Class.class::cast)
				.toList();
		}
		return List.of();
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static List<Path> docs() throws IOException {
		List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
			files.filter((file) -> file.toString().endsWith(".md")).forEach(docs::add);
		}
		return docs;
	}

}
