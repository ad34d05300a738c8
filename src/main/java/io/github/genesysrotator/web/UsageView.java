package io.github.genesysrotator.web;

import java.time.LocalDate;

import io.github.genesysrotator.rotation.StandbyUsage;

/**
 * The retirement guard's answer about a standby client, as the API shows it.
 *
 * @param clientId the client asked about
 * @param answer {@code in-use}, {@code not-in-use} or {@code unknown}
 * @param demotedOn the UTC day it stopped being the published client
 * @param checkedOn the UTC day Genesys answered; absent when Genesys was not asked
 * @param lastUsedOn in use: the last complete UTC day with calls
 * @param reason unknown: why
 */
public record UsageView(String clientId, String answer, LocalDate demotedOn, LocalDate checkedOn, LocalDate lastUsedOn,
		String reason) {

	static UsageView of(StandbyUsage usage) {
		return (usage != null) ? new UsageView(usage.clientId(), usage.answer().label(), usage.demotedOn(),
				usage.checkedOn(), usage.lastUsedOn(), usage.reason()) : null;
	}

}
