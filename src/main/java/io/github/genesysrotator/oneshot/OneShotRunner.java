package io.github.genesysrotator.oneshot;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.genesysrotator.rotation.ErrorCode;
import io.github.genesysrotator.rotation.InvalidConfigurationException;
import io.github.genesysrotator.rotation.Mode;
import io.github.genesysrotator.rotation.Outcome;
import io.github.genesysrotator.rotation.RotationException;
import io.github.genesysrotator.rotation.RotationRequest;
import io.github.genesysrotator.rotation.RotationResult;
import io.github.genesysrotator.rotation.RotationService;
import io.github.genesysrotator.rotation.Trigger;
import io.github.genesysrotator.web.RotationView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;

/**
 * Runs the one rotation of one-shot mode and prints its result as one line of JSON (the
 * same record the API answers, never a secret). The exit code is 0 on success, 2 when
 * another rotation holds the credential (try again later), 3 when the credential is
 * paused (a routine rotation was refused; nothing changed), 1 otherwise.
 */
public class OneShotRunner implements ApplicationRunner, ExitCodeGenerator {

	/** The actor recorded on one-shot rotations. */
	public static final String ACTOR = "oneshot";

	static final int SUCCESS = 0;

	static final int FAILED = 1;

	static final int BUSY = 2;

	static final int PAUSED = 3;

	private final RotationService rotations;

	private final Environment environment;

	private final JsonMapper json;

	private final PrintStream out;

	private volatile int exitCode = FAILED;

	public OneShotRunner(RotationService rotations, Environment environment, JsonMapper json, PrintStream out) {
		this.rotations = rotations;
		this.environment = environment;
		this.json = json;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		String credential = this.environment.getProperty(OneShotMode.CREDENTIAL);
		try {
			RotationResult result = this.rotations.rotate(request(credential));
			this.out.println(this.json.writeValueAsString(RotationView.of(result)));
			this.exitCode = exitCode(result);
		}
		catch (RotationException ex) {
			Map<String, Object> refused = new LinkedHashMap<>();
			refused.put("credential", credential);
			refused.put("trigger", Trigger.ONESHOT.label());
			refused.put("outcome", Outcome.FAILED.label());
			refused.put("errorCode", ex.errorCode().code());
			refused.put("errorMessage", ex.getMessage());
			this.out.println(this.json.writeValueAsString(refused));
			this.exitCode = FAILED;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	private RotationRequest request(String credential) {
		String mode = this.environment.getProperty(OneShotMode.MODE, "routine").trim().toLowerCase(Locale.ROOT);
		if (!mode.equals("routine") && !mode.equals("compromise")) {
			throw new InvalidConfigurationException(OneShotMode.MODE, "must be 'routine' or 'compromise'");
		}
		String dryRun = this.environment.getProperty(OneShotMode.DRY_RUN, "false").trim().toLowerCase(Locale.ROOT);
		if (!dryRun.equals("true") && !dryRun.equals("false")) {
			throw new InvalidConfigurationException(OneShotMode.DRY_RUN, "must be 'true' or 'false'");
		}
		return new RotationRequest(credential, Trigger.ONESHOT, ACTOR, Mode.valueOf(mode.toUpperCase(Locale.ROOT)),
				Boolean.parseBoolean(dryRun), null, null);
	}

	static int exitCode(RotationResult result) {
		if (result.outcome() == Outcome.SKIPPED && ErrorCode.PAUSED.is(result.errorCode())) {
			return PAUSED;
		}
		return switch (result.outcome()) {
			case SUCCESS -> SUCCESS;
			case BUSY -> BUSY;
			default -> FAILED;
		};
	}

}
