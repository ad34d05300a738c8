package io.github.genesysrotator.sandbox.genesys;

import java.time.Instant;

/**
 * The simulator's mutable record of one OAuth client. Guarded by the
 * {@link SimulatorState} lock.
 */
final class OAuthClientEntity {

	private final String id;

	private final String orgId;

	private final Instant dateCreated;

	private final EntityRef createdBy;

	private ClientDraft fields;

	private ClientState state;

	private Instant dateModified;

	private EntityRef modifiedBy;

	private String secret;

	private Instant secretUsableFrom;

	private String previousSecret;

	private Instant previousSecretUsableUntil = Instant.MIN;

	OAuthClientEntity(String id, String orgId, ClientDraft fields, Instant now, EntityRef creator) {
		this.id = id;
		this.orgId = orgId;
		this.fields = fields;
		this.state = (fields.state() != null) ? fields.state() : ClientState.ACTIVE;
		this.dateCreated = now;
		this.createdBy = creator;
		this.dateModified = now;
		this.modifiedBy = creator;
	}

	String id() {
		return this.id;
	}

	String orgId() {
		return this.orgId;
	}

	ClientDraft fields() {
		return this.fields;
	}

	ClientState state() {
		return this.state;
	}

	Instant dateCreated() {
		return this.dateCreated;
	}

	EntityRef createdBy() {
		return this.createdBy;
	}

	Instant dateModified() {
		return this.dateModified;
	}

	EntityRef modifiedBy() {
		return this.modifiedBy;
	}

	String secret() {
		return this.secret;
	}

	/** PUT is a full replace, except that a request without {@code state} keeps it. */
	void replace(ClientDraft draft, Instant now, EntityRef editor) {
		this.fields = draft;
		if (draft.state() != null) {
			this.state = draft.state();
		}
		touch(now, editor);
	}

	void state(ClientState state) {
		this.state = state;
	}

	void touch(Instant now, EntityRef editor) {
		this.dateModified = now;
		this.modifiedBy = editor;
	}

	/** Sets a new secret; the old one stays usable until {@code oldUsableUntil}. */
	void newSecret(String secret, Instant usableFrom, Instant oldUsableUntil) {
		this.previousSecret = this.secret;
		this.previousSecretUsableUntil = oldUsableUntil;
		this.secret = secret;
		this.secretUsableFrom = usableFrom;
	}

	boolean acceptsSecret(String presented, Instant now) {
		if (presented.equals(this.secret) && !now.isBefore(this.secretUsableFrom)) {
			return true;
		}
		return presented.equals(this.previousSecret) && now.isBefore(this.previousSecretUsableUntil);
	}

}
