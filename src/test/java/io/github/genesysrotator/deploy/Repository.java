package io.github.genesysrotator.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Files of the repository that the deployment tests read, and YAML loading.
 */
final class Repository {

	static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

	static final Path CHART = ROOT.resolve("helm/genesys-secret-rotator");

	static final Path DOCKERFILE = ROOT.resolve("Dockerfile");

	static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

	private Repository() {
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> loadYaml(Path file) {
		return loadYaml(read(file));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> loadYaml(String yaml) {
		Object loaded = yaml().load(yaml);
		return (loaded != null) ? (Map<String, Object>) loaded : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> loadAllYaml(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(yaml)) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	/**
	 * Follows a path of map keys and list indexes through a parsed YAML tree.
	 * @param tree the root
	 * @param path keys (strings) and indexes (integers)
	 * @param <T> the expected type
	 * @return the node, or {@code null} if absent
	 */
	@SuppressWarnings("unchecked")
	static <T> T at(Object tree, Object... path) {
		Object node = tree;
		for (Object step : path) {
			if (node instanceof Map<?, ?> map) {
				node = map.get(step);
			}
			else if (node instanceof List<?> list && step instanceof Integer index && index < list.size()) {
				node = list.get(index);
			}
			else {
				return null;
			}
		}
		return (T) node;
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(16 * 1024 * 1024);
		return new Yaml(new SafeConstructor(options));
	}

}
