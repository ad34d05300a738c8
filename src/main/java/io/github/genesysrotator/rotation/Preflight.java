package io.github.genesysrotator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.genesysrotator.rotation.IntegrationCredentials.IntegrationCredentialView;
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

	private final IntegrationCredentials integrations;

	private final ConsumerPathStore consumers;

	private final Clock clock;

	private final ParallelCalls parallel;

	Preflight(GenesysOAuthClients genesys, IntegrationCredentials integrations, ConsumerPathStore consumers,
			Clock clock, ParallelCalls parallel) {
		this.genesys = genesys;
		this.integrations = integrations;
		this.consumers = consumers;
		this.clock = clock;
		this.parallel = parallel;
	}

	/**
	 * What a rotation will do.
	 *
	 * @param record the state record, with a bootstrapped active client when the consumer
	 * path already held one
	 * @param targetSlot the slot to regenerate
	 * @param consumerVersion the consumer path's version (0 when empty)
	 * @param roleDrift dual: the clients' grants differ
	 * @param integrationCredentials the integration credentials as the preflight read
	 * them, by id
	 */
	record Preparation(StateRecord record, int targetSlot, long consumerVersion, boolean roleDrift,
			Map<String, IntegrationCredentialView> integrationCredentials) {

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
			.map((id) -> this.parallel.start(() -> this.genesys.getClient(spec.org(), id)))
			.toList();
		List<CompletableFuture<IntegrationCredentialView>> targets = spec.integrationCredentials()
			.stream()
			.map((id) -> this.parallel.start(() -> integrationCredential(spec, id)))
			.toList();
		boolean vault = spec.vaultPath() != null;
		CompletableFuture<Boolean> canWrite = vault
				? this.parallel.start(() -> this.consumers.canWrite(spec.vaultPath()))
				: CompletableFuture.completedFuture(true);
		Optional<PublishedCredential> published = vault ? this.consumers.read(spec.vaultPath()) : Optional.empty();
		published.ifPresent((current) -> checkOwnership(spec, current));
		List<IntegrationCredentialView> integrationCredentials = targets.stream().map(ParallelCalls::join).toList();
		integrationCredentials.forEach((credential) -> checkIntegrationCredential(spec, credential));
		StateRecord record = vault ? withActiveFromConsumerPath(spec, stored, published)
				: withActiveFromIntegrationCredentials(stored, integrationCredentials);
		int target = targetSlot(spec, record);
		if (spec.strategy() == Strategy.DUAL) {
			checkNoTargetHoldsTheStandby(spec, record.slots().get(target).clientId(), integrationCredentials);
		}
		if (routineDual) {
			// Again: a bootstrap takes the promotion time from the consumer path.
			checkGracePeriod(spec, record);
		}
		boolean drift = checkClients(spec, clients.stream().map(ParallelCalls::join).toList());
		if (!ParallelCalls.join(canWrite)) {
			throw new PreflightException(spec.name(), "the Vault token may not write '" + spec.vaultPath() + "'");
		}
		Map<String, IntegrationCredentialView> read = new LinkedHashMap<>();
		for (int i = 0; i < integrationCredentials.size(); i++) {
			read.put(spec.integrationCredentials().get(i), integrationCredentials.get(i));
		}
		return new Preparation(record, target, published.map(PublishedCredential::version).orElse(0L), drift, read);
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
	 * An integration credential this credential publishes to; one that does not exist is
	 * a precondition that does not hold, not a Genesys failure.
	 */
	private IntegrationCredentialView integrationCredential(CredentialSpec spec, String id) {
		try {
			return this.integrations.get(spec.org(), id);
		}
		catch (DependencyRejectedException ex) {
			if (ex.status() == 404) {
				throw new PreflightException(spec.name(),
						"integration credential " + id + " does not exist in org '" + spec.org() + "'");
			}
			throw ex;
		}
	}

	/**
	 * The right type, and, where Genesys shows the client id, one of the configured
	 * clients (or {@code adopt: true}).
	 */
	private void checkIntegrationCredential(CredentialSpec spec, IntegrationCredentialView credential) {
		if (!IntegrationCredentials.OAUTH_CLIENT_TYPE.equals(credential.type())) {
			throw new PreflightException(spec.name(), "integration credential " + credential.id() + " is of type '"
					+ credential.type() + "', not " + IntegrationCredentials.OAUTH_CLIENT_TYPE);
		}
		if (credential.clientId() != null && !spec.clientIds().contains(credential.clientId())
				&& !spec.config().adopt()) {
			throw new PreflightException(spec.name(),
					"integration credential " + credential.id() + " holds client " + quoted(credential.clientId())
							+ ", which is not one of the configured client-ids; set adopt: true to take it over");
		}
	}

	/**
	 * Dual: the client about to be regenerated must not be the one a target uses (a
	 * publication done by hand, say), or its integrations would fail at once.
	 */
	private static void checkNoTargetHoldsTheStandby(CredentialSpec spec, String standbyId,
			List<IntegrationCredentialView> credentials) {
		credentials.stream().filter((credential) -> standbyId.equals(credential.clientId())).forEach((credential) -> {
			throw new PreflightException(spec.name(), "integration credential " + credential.id() + " holds client "
					+ standbyId + ", which this rotation would regenerate; point it at the active client first");
		});
	}

	/**
	 * Bootstrap without a Vault path: the client the first integration credential shows
	 * is the active one. Its secret stays unknown (Genesys never shows it), which is
	 * harmless: dual regenerates the other client, single regenerates it anyway.
	 */
	private static StateRecord withActiveFromIntegrationCredentials(StateRecord record,
			List<IntegrationCredentialView> credentials) {
		if (record.activeSlot() != null) {
			return record;
		}
		return credentials.stream()
			.map(IntegrationCredentialView::clientId)
			.filter((clientId) -> clientId != null && record.slotOf(clientId) >= 0)
			.findFirst()
			.map((clientId) -> record.withActive(record.slotOf(clientId), null))
			.orElse(record);
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
			throw new RotationRefusedException(ErrorCode.GRACE_PERIOD,
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
