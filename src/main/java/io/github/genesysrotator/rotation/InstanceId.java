package io.github.genesysrotator.rotation;

import java.util.UUID;

import org.springframework.util.StringUtils;

/**
 * This replica's identity: the holder id of its leases and the source of its events.
 *
 * @param value {@code rotator.instance-id}, or a random id when it is empty
 */
public record InstanceId(String value) {

	/** The configured id, or a random one when none is configured. */
	public static InstanceId of(RotatorProperties properties) {
		return new InstanceId(
				StringUtils.hasText(properties.instanceId()) ? properties.instanceId() : UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
