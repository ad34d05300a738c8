package io.github.genesysrotator.sandbox.vault;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fault rules in insertion order plus a latency added to every request. */
public final class FaultInjector {

	private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

	private volatile Duration globalLatency = Duration.ZERO;

	public FaultInjector add(FaultRule rule) {
		this.rules.add(rule);
		return this;
	}

	public void globalLatency(Duration latency) {
		this.globalLatency = latency;
	}

	public Duration globalLatency() {
		return this.globalLatency;
	}

	public void clear() {
		this.rules.clear();
		this.globalLatency = Duration.ZERO;
	}

	public List<FaultRule> rules() {
		return List.copyOf(this.rules);
	}

	/** The first rule that matches and still has uses left, consuming one use. */
	FaultRule match(String method, String path) {
		for (FaultRule rule : this.rules) {
			if (rule.tryConsume(method, path)) {
				return rule;
			}
		}
		this.rules.removeIf(FaultRule::isExhausted);
		return null;
	}

}
