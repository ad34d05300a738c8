package io.github.genesysrotator.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reader of Dockerfile syntax: instructions with line continuations joined, split
 * into build stages, with global {@code ARG} defaults substituted in {@code FROM}.
 */
final class Dockerfile {

	private static final Pattern FROM = Pattern.compile("(?i)^(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?$");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

	private final Map<String, Stage> stages = new LinkedHashMap<>();

	private Dockerfile() {
	}

	static Dockerfile parse(Path file) {
		Dockerfile dockerfile = new Dockerfile();
		Map<String, String> globalArgs = new LinkedHashMap<>();
		Stage current = null;
		for (Instruction instruction : instructions(Repository.read(file))) {
			if (instruction.is("FROM")) {
				Matcher from = FROM.matcher(instruction.arguments());
				if (!from.matches()) {
					throw new IllegalStateException("Unreadable FROM: " + instruction.arguments());
				}
				String name = (from.group(2) != null) ? from.group(2) : "stage-" + dockerfile.stages.size();
				current = new Stage(name, substitute(from.group(1), globalArgs), new ArrayList<>());
				dockerfile.stages.put(name, current);
			}
			else if (current == null && instruction.is("ARG")) {
				String[] nameAndDefault = instruction.arguments().split("=", 2);
				globalArgs.put(nameAndDefault[0], (nameAndDefault.length > 1) ? nameAndDefault[1] : "");
			}
			else if (current != null) {
				current.instructions().add(instruction);
			}
		}
		return dockerfile;
	}

	Map<String, Stage> stages() {
		return this.stages;
	}

	Stage stage(String name) {
		return this.stages.get(name);
	}

	/**
	 * A stage as built: the instructions of the stages it starts {@code FROM} first, then
	 * its own, under its name and its external base image.
	 */
	Stage built(String name) {
		Stage stage = this.stages.get(name);
		if (stage == null || !this.stages.containsKey(stage.from())) {
			return stage;
		}
		Stage parent = built(stage.from());
		List<Instruction> instructions = new ArrayList<>(parent.instructions());
		instructions.addAll(stage.instructions());
		return new Stage(name, parent.from(), instructions);
	}

	/** The stage built without {@code --target}. */
	Stage finalStage() {
		return List.copyOf(this.stages.values()).get(this.stages.size() - 1);
	}

	private static String substitute(String text, Map<String, String> args) {
		return VARIABLE.matcher(text)
			.replaceAll((match) -> Matcher.quoteReplacement(args.getOrDefault(match.group(1), "")));
	}

	private static List<Instruction> instructions(String content) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder logical = new StringBuilder();
		for (String line : content.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && logical.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			logical.append(trimmed);
			String text = logical.toString().strip();
			logical.setLength(0);
			if (!text.isEmpty()) {
				String[] keywordAndArguments = text.split("\\s+", 2);
				instructions.add(new Instruction(keywordAndArguments[0].toUpperCase(),
						(keywordAndArguments.length > 1) ? keywordAndArguments[1].strip() : ""));
			}
		}
		return instructions;
	}

	/** One instruction: its keyword in upper case and its arguments. */
	record Instruction(String keyword, String arguments) {

		boolean is(String name) {
			return this.keyword.equals(name);
		}

	}

	/** One build stage: its name, base image and instructions. */
	record Stage(String name, String from, List<Instruction> instructions) {

		List<String> arguments(String keyword) {
			return this.instructions.stream().filter((i) -> i.is(keyword)).map(Instruction::arguments).toList();
		}

		String last(String keyword) {
			List<String> all = arguments(keyword);
			return all.isEmpty() ? null : all.get(all.size() - 1);
		}

	}

}
