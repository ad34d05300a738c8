package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.genesysrotator.rotation.StateRecord.Slot;

/**
 * Checks everything a rotation needs before it changes anything, and works out which
 * client to regenerate. It has no side effects: a failure here leaves Genesys and Vault
 * as they were. Its reads are independent of each other and run in parallel, so they cost
 * one round trip instead of one per read.
 */
final class Preflight {

	private static final Pattern CLIENT_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

	private final GenesysOAuthClients genesys;

	private final ConsumerPathStore consumers;

	private final Clock clock;

	Preflight(GenesysOAuthClients genesys, ConsumerPathStore consumers, Clock clock) {
		this.genesys = genesys;
		this.consumers = consumers;
		this.clock = clock;
	}

	/**
	 * What a rotation will do.
	 *
	 * @param record the state record, with a bootstrapped active client when the consumer
	 * path already held one
	 * @param targetSlot the slot to regenerate
	 * @param consumerVersion the consumer path's version (0 when empty)
	 * @param roleDrift dual: the clients' grants differ
	 */
	record Preparation(StateRecord record, int targetSlot, long consumerVersion, boolean roleDrift) {

		String targetClientId() {
			return this.record.slots().get(this.targetSlot).clientId();
		}

	}

	Preparation check(CredentialSpec spec, StateRecord stored, Mode mode) {
		boolean routineDual = spec.strategy() == Strategy.DUAL && mode == Mode.ROUTINE;
		if (routineDual) {
			// Before any request: a refused rotation spends no Genesys rate-limit budget.
			checkGracePeriod(spec, stored);
		}
		List<CompletableFuture<OAuthClientView>> clients = spec.clientIds()
			.stream()
			.map((id) -> ParallelCalls.start(() -> this.genesys.getClient(spec.org(), id)))
			.toList();
		CompletableFuture<Boolean> canWrite = ParallelCalls.start(() -> this.consumers.canWrite(spec.vaultPath()));
		Optional<PublishedCredential> published = this.consumers.read(spec.vaultPath());
		published.ifPresent((current) -> checkOwnership(spec, current));
		StateRecord record = withActiveFromConsumerPath(spec, stored, published);
		int target = targetSlot(spec, record);
		if (routineDual) {
			// Again: a bootstrap takes the promotion time from the consumer path.
			checkGracePeriod(spec, record);
		}
		boolean drift = checkClients(spec, clients.stream().map(ParallelCalls::join).toList());
		if (!ParallelCalls.join(canWrite)) {
			throw new PreflightException(spec.name(), "the Vault token may not write '" + spec.vaultPath() + "'");
		}
		return new Preparation(record, target, published.map(PublishedCredential::version).orElse(0L), drift);
	}

	private void checkOwnership(CredentialSpec spec, PublishedCredential current) {
		if (!current.managed() && !spec.config().adopt()) {
			throw new PreflightException(spec.name(), "consumer path '" + spec.vaultPath()
					+ "' is not managed by genesys-secret-rotator; set adopt: true to take it over");
		}
		if (current.clientId() != null && !spec.clientIds().contains(current.clientId())) {
			throw new PreflightException(spec.name(), "consumer path '" + spec.vaultPath() + "' holds client "
					+ quoted(current.clientId()) + ", which is not one of the configured client-ids");
		}
	}

	/**
	 * Bootstrap: before the first rotation, the client the consumer path holds is the
	 * active one, and its secret is taken into the record.
	 */
	private StateRecord withActiveFromConsumerPath(CredentialSpec spec, StateRecord record,
			Optional<PublishedCredential> published) {
		if (record.activeSlot() != null) {
			String activeId = record.active().map(Slot::clientId).orElseThrow();
			published.filter((current) -> !Objects.equals(current.clientId(), activeId)).ifPresent((current) -> {
				throw new PreflightException(spec.name(), "consumer path holds client " + quoted(current.clientId())
						+ " but the state record says " + activeId + " is active; resolve by hand");
			});
			return record;
		}
		return published.filter((current) -> current.clientId() != null && current.secret() != null).map((current) -> {
			int slot = record.slotOf(current.clientId());
			Instant since = (current.rotatedAt() != null) ? current.rotatedAt() : this.clock.instant();
			Slot adopted = new Slot(current.clientId(), current.secret(), since, null);
			return record.withSlot(slot, adopted).withActive(slot, current.rotatedAt());
		}).orElse(record);
	}

	private int targetSlot(CredentialSpec spec, StateRecord record) {
		if (spec.strategy() == Strategy.SINGLE || record.activeSlot() == null) {
			return 0;
		}
		return record.standbySlot();
	}

	private void checkGracePeriod(CredentialSpec spec, StateRecord record) {
		if (record.promotedAt() == null) {
			return;
		}
		Instant allowedFrom = record.promotedAt().plus(spec.config().gracePeriod());
		Instant now = this.clock.instant();
		if (now.isBefore(allowedFrom)) {
			throw new RotationRefusedException("grace-period",
					"The standby client of '" + spec.name() + "' was active until " + record.promotedAt()
							+ "; it keeps its secret for the grace period of " + spec.config().gracePeriod(),
					Duration.between(now, allowedFrom));
		}
	}

	/** Every configured client must exist and allow client credentials; returns drift. */
	private boolean checkClients(CredentialSpec spec, List<OAuthClientView> clients) {
		for (OAuthClientView client : clients) {
			if (!client.usableForClientCredentials()) {
				throw new PreflightException(spec.name(), "client " + client.id() + " is " + client.state()
						+ " with grant " + client.grantType() + "; it must be active and CLIENT-CREDENTIALS");
			}
		}
		return clients.stream().map(OAuthClientView::roleDivisions).distinct().count() > 1;
	}

	/**
	 * A client id read from the consumer path, as an error may quote it. Anyone can write
	 * there: a value that is not shaped like a client id (a pasted secret, say) is never
	 * repeated into errors, the history or logs.
	 */
	private static String quoted(String clientId) {
		return (clientId != null && CLIENT_ID.matcher(clientId).matches()) ? clientId
				: "(a value that is not a client id)";
	}

}
