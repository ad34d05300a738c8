package io.github.genesysrotator.rotation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

import io.github.genesysrotator.rotation.RotatorProperties.Credential;
import io.github.genesysrotator.rotation.RotatorProperties.Org;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import static io.github.genesysrotator.rotation.ConfigurationChecks.requireNonNegative;
import static io.github.genesysrotator.rotation.ConfigurationChecks.requirePositive;

/**
 * Checks the rules of {@code rotator.*} that span several properties, at startup. The
 * first broken rule stops the service with an {@link InvalidConfigurationException}
 * naming the property. (Regions are checked where they are resolved, in the Genesys
 * adapter.)
 */
@Component
class RotatorConfigurationValidator implements InitializingBean {

	private final RotatorProperties properties;

	private final Environment environment;

	RotatorConfigurationValidator(RotatorProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.environment instanceof ConfigurableEnvironment configurable) {
			UnboundMapKeys.check(configurable, "rotator.credentials", this.properties.credentials().keySet());
			UnboundMapKeys.check(configurable, "rotator.orgs", this.properties.orgs().keySet());
		}
		this.properties.credentials().forEach(this::checkCredential);
		checkClientIdsAreNotShared();
		checkIntegrationCredentialsAreNotShared();
		this.properties.orgs().forEach(this::checkOrg);
		String poll = this.properties.schedule().poll();
		if (!"-".equals(poll)) {
			// Spring's "-" turns the scheduled poll off; a window has no such value.
			checkCron("rotator.schedule.poll", poll);
		}
		requireNonNegative("rotator.schedule.jitter", this.properties.schedule().jitter());
		requirePositive("rotator.schedule.failure-backoff", this.properties.schedule().failureBackoff());
		requireNonNegative("rotator.api.min-interval", this.properties.api().minInterval());
		RotatorProperties.Rotation rotation = this.properties.rotation();
		requirePositive("rotator.rotation.lease-ttl", rotation.leaseTtl());
		requirePositive("rotator.rotation.verify-timeout", rotation.verifyTimeout());
		requirePositive("rotator.rotation.verify-interval", rotation.verifyInterval());
		requirePositive("rotator.rotation.commit-timeout", rotation.commitTimeout());
		if (rotation.verifyTimeout().compareTo(rotation.leaseTtl()) >= 0) {
			throw new InvalidConfigurationException("rotator.rotation.verify-timeout",
					"must be shorter than rotator.rotation.lease-ttl (" + rotation.leaseTtl()
							+ "), or another replica could take the lease during verification");
		}
		requirePositive("rotator.rotation.usage-timeout", rotation.usageTimeout());
		requirePositive("rotator.rotation.usage-poll-interval", rotation.usagePollInterval());
		requireNonNegative("rotator.rotation.usage-delay", rotation.usageDelay());
		if (rotation.historySize() < 1) {
			throw new InvalidConfigurationException("rotator.rotation.history-size", "must be at least 1");
		}
	}

	/**
	 * At least one publication target: a Vault path inside the KV mount and/or
	 * integration credential ids.
	 */
	private static void checkTargets(String name, Credential credential) {
		String prefix = "rotator.credentials." + name + ".";
		String path = StringUtils.hasText(credential.vaultPath()) ? credential.vaultPath() : null;
		if (path == null && credential.integrationCredentials().isEmpty()) {
			throw new InvalidConfigurationException(prefix + "vault-path",
					"at least one publication target is " + "required: a path inside the KV mount (e.g. genesys/" + name
							+ ") and/or integration-credentials");
		}
		if (path != null && (path.startsWith("/") || path.contains(".."))) {
			throw new InvalidConfigurationException(prefix + "vault-path",
					"a path inside the KV mount is required, e.g. genesys/" + name);
		}
		for (int i = 0; i < credential.integrationCredentials().size(); i++) {
			String id = credential.integrationCredentials().get(i);
			if (id == null || !id.matches("[A-Za-z0-9-]{1,64}")) {
				throw new InvalidConfigurationException(prefix + "integration-credentials[" + i + "]",
						"an integration credential id (a UUID) is required");
			}
		}
	}

	private void checkCredential(String name, Credential credential) {
		String prefix = "rotator.credentials." + name + ".";
		if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
			throw new InvalidConfigurationException("rotator.credentials." + name,
					"credential names are lower-case letters, digits and '-', at most 63 characters");
		}
		if (!StringUtils.hasText(credential.org()) || !this.properties.orgs().containsKey(credential.org())) {
			throw new InvalidConfigurationException(prefix + "org",
					"unknown org '" + credential.org() + "'; configured orgs: " + this.properties.orgs().keySet());
		}
		int expected = (credential.strategy() == Strategy.DUAL) ? 2 : 1;
		long distinct = credential.clientIds().stream().filter(StringUtils::hasText).distinct().count();
		if (credential.clientIds().size() != expected || distinct != expected) {
			throw new InvalidConfigurationException(prefix + "client-ids", "strategy " + credential.strategy().label()
					+ " needs exactly " + expected + " distinct client id(s), got " + credential.clientIds());
		}
		checkTargets(name, credential);
		requirePositive(prefix + "rotation-interval", credential.rotationInterval());
		requireNonNegative(prefix + "grace-period", credential.gracePeriod());
		if (credential.gracePeriod().compareTo(credential.rotationInterval()) > 0) {
			throw new InvalidConfigurationException(prefix + "grace-period",
					"must not exceed rotation-interval (" + credential.rotationInterval() + ")");
		}
		if (credential.strategy() != Strategy.DUAL && credential.usageCheck() != null) {
			throw new InvalidConfigurationException(prefix + "usage-check",
					"the retirement guard needs the dual strategy: a single credential has no standby client");
		}
		if (StringUtils.hasText(credential.window())) {
			checkCron(prefix + "window", credential.window());
			requirePositive(prefix + "window-duration", credential.windowDuration());
		}
	}

	private void checkClientIdsAreNotShared() {
		Map<String, String> owners = new HashMap<>();
		new TreeMap<>(this.properties.credentials()).forEach((name, credential) -> {
			for (String clientId : new HashSet<>(credential.clientIds())) {
				String other = owners.putIfAbsent(clientId, name);
				if (other != null) {
					throw new InvalidConfigurationException("rotator.credentials." + name + ".client-ids",
							"client " + clientId + " is already used by credential '" + other + "'");
				}
			}
		});
	}

	/** Two credentials writing one integration credential would undo each other. */
	private void checkIntegrationCredentialsAreNotShared() {
		Map<String, String> owners = new HashMap<>();
		new TreeMap<>(this.properties.credentials()).forEach((name, credential) -> {
			for (String id : credential.integrationCredentials()) {
				String other = owners.putIfAbsent(id, name);
				if (other != null) {
					throw new InvalidConfigurationException("rotator.credentials." + name + ".integration-credentials",
							"integration credential " + id + " is listed twice or already used by credential '" + other
									+ "'");
				}
			}
		});
	}

	private void checkOrg(String name, Org org) {
		String prefix = "rotator.orgs." + name + ".";
		boolean managed = StringUtils.hasText(org.adminCredential());
		if (managed == StringUtils.hasText(org.adminVaultPath())) {
			throw new InvalidConfigurationException(prefix + "admin-credential",
					"set exactly one of admin-credential and admin-vault-path");
		}
		if (!managed) {
			return;
		}
		Credential admin = this.properties.credentials().get(org.adminCredential());
		if (admin == null) {
			throw new InvalidConfigurationException(prefix + "admin-credential",
					"no credential named '" + org.adminCredential() + "'");
		}
		if (!name.equals(admin.org())) {
			throw new InvalidConfigurationException(prefix + "admin-credential",
					"credential '" + org.adminCredential() + "' belongs to org '" + admin.org() + "'");
		}
		if (!StringUtils.hasText(admin.vaultPath())) {
			throw new InvalidConfigurationException("rotator.credentials." + org.adminCredential() + ".vault-path",
					"the admin credential needs a vault-path: the rotator reads its own secret there");
		}
		if (admin.strategy() == Strategy.SINGLE && !admin.allowUnsafeSelfRotation()) {
			throw new InvalidConfigurationException("rotator.credentials." + org.adminCredential() + ".strategy",
					"the admin credential must use dual: single self-rotation can lock the org out after a crash "
							+ "(set allow-unsafe-self-rotation: true to accept that risk)");
		}
	}

	private static void checkCron(String property, String cron) {
		if (CronExpression.isValidExpression(cron)) {
			return;
		}
		throw new InvalidConfigurationException(property, "'" + cron + "' is not a valid cron expression "
				+ "(six fields: second minute hour day-of-month month day-of-week, in UTC)");
	}

}
