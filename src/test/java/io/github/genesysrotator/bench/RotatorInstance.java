package io.github.genesysrotator.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.rotation.RotationService;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The rotator, configured programmatically and started in this JVM without a web server:
 * benchmarks drive {@link RotationService} directly, as the scheduler would.
 */
final class RotatorInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RotatorInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Properties are passed as command-line arguments so that they win over
	 * {@code application.yml}.
	 */
	static RotatorInstance start(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		all.putIfAbsent("rotator.schedule.poll", "-");
		all.putIfAbsent("rotator.instance-id", "bench");
		all.putIfAbsent("logging.level.root", "WARN");
		String[] args = all.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = Sandbox.application().web(WebApplicationType.NONE).run(args);
		return new RotatorInstance(context);
	}

	RotationService rotations() {
		return this.context.getBean(RotationService.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
