package io.github.genesysrotator.sandbox.genesys;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The active fault rules of a simulator. Rules are tried in the order they were added;
 * the first match applies and uses up one of its {@code times}. A global latency applies
 * to every simulated request on top of any rule (for benchmarks).
 */
public final class FaultInjector {

	private final Map<String, ActiveRule> rules = new LinkedHashMap<>();

	private Duration globalLatency = Duration.ZERO;

	FaultInjector() {
	}

	/** Adds a rule and returns its id, for {@link #remove(String)}. */
	public synchronized String add(FaultRule rule) {
		Objects.requireNonNull(rule, "rule");
		String id = UUID.randomUUID().toString();
		this.rules.put(id, new ActiveRule(rule, rule.times()));
		return id;
	}

	public synchronized boolean remove(String ruleId) {
		return this.rules.remove(ruleId) != null;
	}

	/** Removes every rule and the global latency. */
	public synchronized void clear() {
		this.rules.clear();
		this.globalLatency = Duration.ZERO;
	}

	public synchronized void globalLatency(Duration latency) {
		Objects.requireNonNull(latency, "latency");
		if (latency.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative");
		}
		this.globalLatency = latency;
	}

	public synchronized Duration globalLatency() {
		return this.globalLatency;
	}

	/** The rules still active, keyed by id, with their remaining applications. */
	public synchronized Map<String, FaultRule> activeRules() {
		Map<String, FaultRule> snapshot = new LinkedHashMap<>();
		this.rules.forEach((id, active) -> snapshot.put(id, active.remainingRule()));
		return snapshot;
	}

	/** Finds the first matching rule and consumes one application of it. */
	synchronized Optional<FaultRule> take(Operation operation, String clientId) {
		Iterator<ActiveRule> iterator = this.rules.values().iterator();
		while (iterator.hasNext()) {
			ActiveRule active = iterator.next();
			if (active.rule.matches(operation, clientId)) {
				if (active.remaining != FaultRule.UNLIMITED && --active.remaining == 0) {
					iterator.remove();
				}
				return Optional.of(active.rule);
			}
		}
		return Optional.empty();
	}

	private static final class ActiveRule {

		private final FaultRule rule;

		private int remaining;

		ActiveRule(FaultRule rule, int remaining) {
			this.rule = rule;
			this.remaining = remaining;
		}

		FaultRule remainingRule() {
			return new FaultRule(this.rule.operation(), this.rule.clientId(), this.remaining, this.rule.type(),
					this.rule.status(), this.rule.latency(), this.rule.retryAfterSeconds(), this.rule.detail(),
					this.rule.bodyBytes());
		}

	}

}
