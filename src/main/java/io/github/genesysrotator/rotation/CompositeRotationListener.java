package io.github.genesysrotator.rotation;

import java.time.Instant;

import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Fans events out to every listener; one failing listener never stops a rotation. */
final class CompositeRotationListener implements RotationListener {

	private static final Log logger = LogFactory.getLog(CompositeRotationListener.class);

	private final List<RotationListener> listeners;

	CompositeRotationListener(List<RotationListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void started(String credential, String rotationId, Trigger trigger, String actor) {
		each((listener) -> listener.started(credential, rotationId, trigger, actor));
	}

	@Override
	public void phaseChanged(String credential, Phase phase) {
		each((listener) -> listener.phaseChanged(credential, phase));
	}

	@Override
	public void uncommitted(String credential, boolean uncommitted) {
		each((listener) -> listener.uncommitted(credential, uncommitted));
	}

	@Override
	public void finished(RotationResult result) {
		each((listener) -> listener.finished(result));
	}

	@Override
	public void statusKnown(CredentialStatus status) {
		each((listener) -> listener.statusKnown(status));
	}

	@Override
	public void paused(String credential, StateRecord.Pause pause) {
		each((listener) -> listener.paused(credential, pause));
	}

	@Override
	public void resumed(String credential, String actor) {
		each((listener) -> listener.resumed(credential, actor));
	}

	@Override
	public void rotationDue(String credential, Instant dueAt) {
		each((listener) -> listener.rotationDue(credential, dueAt));
	}

	private void each(Consumer<RotationListener> event) {
		for (RotationListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger
					.warn("Rotation listener " + listener.getClass().getName() + " failed: " + ex.getClass().getName());
			}
		}
	}

}
