package io.github.genesysrotator.schedule;

import io.github.genesysrotator.rotation.RotationException;
import io.github.genesysrotator.rotation.RotationService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Finishes, once the service is up, rotations a crash left behind. A Vault outage at
 * startup is not fatal: the next scheduled pass tries again.
 */
@Component
class StartupRecovery implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(StartupRecovery.class);

	private final RotationService rotations;

	StartupRecovery(RotationService rotations) {
		this.rotations = rotations;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		try {
			this.rotations.recoverAbandoned();
		}
		catch (RotationException ex) {
			logger.warn("Recovery at startup postponed to the next scheduled pass: " + ex.getMessage());
		}
	}

}
