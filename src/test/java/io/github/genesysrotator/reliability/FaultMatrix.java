package io.github.genesysrotator.reliability;

import java.util.ArrayList;
import java.util.List;

import io.github.genesysrotator.rotation.Phase;
import io.github.genesysrotator.rotation.RotationTestSupport.CrashSwitch;
import io.github.genesysrotator.rotation.Strategy;
import io.github.genesysrotator.sandbox.Sandbox;
import io.github.genesysrotator.sandbox.genesys.FaultRule;
import io.github.genesysrotator.sandbox.genesys.Operation;

/**
 * The fault matrix: every step of a rotation crossed with every fault, for both
 * strategies, and how each fault is injected exactly at its step. A cell that cannot
 * exist (no Vault call at that step, say) says why.
 */
final class FaultMatrix {

	static final String STATE_PREFIX = "/v1/secret/data/genesys-rotator/state/";

	static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";

	private FaultMatrix() {
	}

	/** The sandbox credential of a strategy. */
	static String credential(Strategy strategy) {
		return (strategy == Strategy.DUAL) ? Sandbox.DUAL : Sandbox.SINGLE;
	}

	static String consumerPath(Strategy strategy) {
		return (strategy == Strategy.DUAL) ? Sandbox.DUAL_PATH : Sandbox.SINGLE_PATH;
	}

	/**
	 * The client a first rotation regenerates: B for the seeded dual pair (A is active).
	 */
	static String targetClient(Strategy strategy) {
		return (strategy == Strategy.DUAL) ? Sandbox.DUAL_B_ID : Sandbox.SINGLE_ID;
	}

	/** The steps of one rotation, in order. */
	enum Step {

		ACQUIRE, PREFLIGHT, INTENT, REGENERATE, STAGE_PUBLISH, VERIFY, PROMOTE, FINISH;

		String label() {
			return name().toLowerCase().replace('_', '/');
		}

	}

	/** Which dependency breaks, and how. */
	enum Fault {

		GENESYS_5XX, GENESYS_429_BURST, GENESYS_TIMEOUT, GENESYS_RESET, GENESYS_RESPONSE_LOST, VAULT_5XX, VAULT_SEALED,
		VAULT_403, VAULT_CAS_CONFLICT, VAULT_TIMEOUT, CRASH,
		/**
		 * The holder stalls past its lease right before the step's side effect, and
		 * another replica takes over.
		 */
		STALL;

		boolean genesys() {
			return name().startsWith("GENESYS");
		}

		boolean vault() {
			return name().startsWith("VAULT");
		}

		String label() {
			return name().toLowerCase().replace('_', ' ');
		}

	}

	/** The parts of the world a cell breaks. */
	record World(Sandbox sandbox, CrashSwitch crash, ObservedGenesys genesys, Runnable takeover) {

	}

	/** A Vault request a cell breaks: method, path, and the phase that arms it. */
	record VaultTarget(String method, String path, Phase armAt, boolean persistent) {

	}

	/**
	 * One cell of the matrix.
	 *
	 * @param strategy the credential's strategy
	 * @param step where the fault strikes
	 * @param fault what happens there
	 */
	record Cell(Strategy strategy, Step step, Fault fault) {

		static List<Cell> all() {
			List<Cell> cells = new ArrayList<>();
			for (Strategy strategy : Strategy.values()) {
				for (Step step : Step.values()) {
					for (Fault fault : Fault.values()) {
						cells.add(new Cell(strategy, step, fault));
					}
				}
			}
			return cells;
		}

		String credential() {
			return FaultMatrix.credential(this.strategy);
		}

		String consumerPath() {
			return FaultMatrix.consumerPath(this.strategy);
		}

		String targetClient() {
			return FaultMatrix.targetClient(this.strategy);
		}

		/** Why the cell cannot exist, or {@code null} when it can. */
		String notApplicable() {
			if (this.fault.genesys() && genesysOperation() == null) {
				return "no Genesys call at " + this.step.label();
			}
			if (this.fault.vault() && vaultTarget() == null) {
				return "no Vault call at " + this.step.label();
			}
			if (this.fault == Fault.VAULT_CAS_CONFLICT && vaultTarget().method().equals("GET")) {
				return "a read has no check-and-set";
			}
			if (this.fault == Fault.STALL && !sideEffect()) {
				return "no side effect at " + this.step.label() + " to fence";
			}
			if (this.fault == Fault.CRASH && crashPhase() == null && this.step != Step.REGENERATE) {
				return "nothing is written before the intent: a crash leaves nothing to recover";
			}
			return null;
		}

		private Operation genesysOperation() {
			return switch (this.step) {
				case PREFLIGHT -> Operation.GET_CLIENT;
				case REGENERATE -> Operation.REGENERATE_SECRET;
				case VERIFY -> Operation.TOKEN;
				default -> null;
			};
		}

		/**
		 * Dual writes the state record at intent, stage and finish, and publishes when it
		 * promotes. Single publishes right after the regeneration, then stages and
		 * activates in one state write, then finishes.
		 */
		VaultTarget vaultTarget() {
			String state = STATE_PREFIX + credential();
			String consumer = "/v1/secret/data/" + consumerPath();
			boolean dual = this.strategy == Strategy.DUAL;
			return switch (this.step) {
				case ACQUIRE -> new VaultTarget("GET", state, null, false);
				case PREFLIGHT -> new VaultTarget("GET", consumer, null, true);
				case INTENT -> new VaultTarget("POST", state, null, false);
				case STAGE_PUBLISH -> dual ? new VaultTarget("POST", state, Phase.REGENERATING, false)
						: new VaultTarget("POST", consumer, null, false);
				case PROMOTE -> dual ? new VaultTarget("POST", consumer, null, false)
						: new VaultTarget("POST", state, Phase.PROMOTED, false);
				case FINISH -> new VaultTarget("POST", state, dual ? Phase.PROMOTED : Phase.VERIFIED, false);
				default -> null;
			};
		}

		/** Whether the step changes something outside the state record's own lease. */
		private boolean sideEffect() {
			return switch (this.step) {
				case REGENERATE, STAGE_PUBLISH, PROMOTE, FINISH -> true;
				default -> false;
			};
		}

		/**
		 * The phase reported right before the step's side effect, where the holder
		 * stalls; {@code null} for dual's stage, which follows the regeneration's answer.
		 */
		private Phase stallPhase() {
			boolean dual = this.strategy == Strategy.DUAL;
			return switch (this.step) {
				case REGENERATE -> Phase.REGENERATING;
				case STAGE_PUBLISH -> null;
				case PROMOTE -> dual ? Phase.VERIFIED : Phase.PROMOTED;
				case FINISH -> dual ? Phase.PROMOTED : Phase.VERIFIED;
				default -> throw new IllegalStateException(this.step.name());
			};
		}

		/** The phase right after the step's durable write, where the process dies. */
		private Phase crashPhase() {
			boolean dual = this.strategy == Strategy.DUAL;
			return switch (this.step) {
				case INTENT -> Phase.REGENERATING;
				case STAGE_PUBLISH -> dual ? Phase.STAGED : Phase.PROMOTED;
				case VERIFY -> Phase.VERIFIED;
				case PROMOTE -> dual ? Phase.PROMOTED : Phase.STAGED;
				case FINISH -> Phase.IDLE;
				default -> null;
			};
		}

		/** Break the world so that the fault strikes at this cell's step. */
		void inject(World world) {
			if (this.fault == Fault.STALL) {
				if (stallPhase() == null) {
					world.genesys().afterNextRegeneration(world.takeover());
				}
				else {
					world.crash().runAt(stallPhase(), world.takeover());
				}
			}
			else if (this.fault == Fault.CRASH) {
				if (this.step == Step.REGENERATE) {
					world.genesys().crashAfterNextRegeneration();
				}
				else {
					world.crash().armAt(crashPhase());
				}
			}
			else if (this.fault.genesys()) {
				FaultRule.Builder on = FaultRule.on(genesysOperation());
				if (this.step != Step.PREFLIGHT) {
					on.forClient(targetClient());
				}
				world.sandbox().genesys().faults().add(genesysRule(on));
			}
			else {
				VaultTarget target = vaultTarget();
				Runnable add = () -> world.sandbox().vault().faults().add(vaultRule(target));
				if (target.armAt() == null) {
					add.run();
				}
				else {
					world.crash().runAt(target.armAt(), add);
				}
			}
		}

		private FaultRule genesysRule(FaultRule.Builder on) {
			return switch (this.fault) {
				case GENESYS_5XX -> on.times(2).status(503);
				case GENESYS_429_BURST -> on.times(3).tooManyRequests(0);
				case GENESYS_TIMEOUT -> on.times(1).timeout();
				case GENESYS_RESET -> on.times(1).connectionReset();
				case GENESYS_RESPONSE_LOST -> on.times(1).applyThenDrop();
				default -> throw new IllegalStateException(this.fault.name());
			};
		}

		/**
		 * Two hits: the write and its first retry (or the cleanup write after it) both
		 * fail. Consumer reads fail until cleared, since the consumer probe reads the
		 * same path.
		 */
		/** The status the Vault fault answers with; -1 for a timeout (no answer). */
		int vaultFaultStatus() {
			return (this.fault == Fault.VAULT_TIMEOUT) ? -1 : vaultRule(vaultTarget()).status();
		}

		private io.github.genesysrotator.sandbox.vault.FaultRule vaultRule(VaultTarget target) {
			int times = target.persistent() ? -1 : 2;
			String method = target.method();
			String path = target.path();
			return switch (this.fault) {
				case VAULT_5XX ->
					io.github.genesysrotator.sandbox.vault.FaultRule.status(method, path, 500, "internal error", times);
				case VAULT_SEALED -> io.github.genesysrotator.sandbox.vault.FaultRule.status(method, path, 503,
						"Vault is sealed", times);
				case VAULT_403 -> io.github.genesysrotator.sandbox.vault.FaultRule.status(method, path, 403,
						"permission denied", times);
				case VAULT_CAS_CONFLICT ->
					io.github.genesysrotator.sandbox.vault.FaultRule.status(method, path, 400, CAS_MISMATCH, times);
				case VAULT_TIMEOUT -> io.github.genesysrotator.sandbox.vault.FaultRule.timeout(method, path, times);
				default -> throw new IllegalStateException(this.fault.name());
			};
		}

		@Override
		public String toString() {
			return this.strategy.name().toLowerCase() + " | " + this.step.label() + " | " + this.fault.label();
		}

	}

}
