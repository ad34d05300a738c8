/**
 * The rotation engine. Nothing here imports another package of the application, except
 * the configuration properties of each capability, bound together in
 * {@code RotatorProperties}. Its groups:
 * <ul>
 * <li>engine: {@code RotationService} (the one entry point), {@code CredentialRotation}
 * with {@code DualRotation} and {@code SingleRotation}, {@code Preflight},
 * {@code SecretVerifier}, {@code RetirementGuard}, {@code LeasedRecord},
 * {@code FencedRequests}, {@code CredentialControls}, {@code StatusReader};</li>
 * <li>vocabulary: {@code RotationRequest}, {@code RotationResult},
 * {@code CredentialStatus}, {@code StateRecord}, {@code Phase}, {@code Outcome},
 * {@code Strategy}, {@code Mode}, {@code Trigger}, {@code RotationAction},
 * {@code ErrorCode} and the {@code RotationException} family;</li>
 * <li>ports, implemented by the adapters: {@code GenesysOAuthClients},
 * {@code IntegrationCredentials}, {@code StateRecordStore}, {@code ConsumerPathStore},
 * {@code AdminCredentials}, {@code RotationListener};</li>
 * <li>configuration: {@code RotatorProperties}, {@code CredentialCatalog},
 * {@code CredentialSpec}, {@code RotatorConfigurationValidator},
 * {@code RotationConfiguration} (clock, sleeper, instance id).</li>
 * </ul>
 */
@NullMarked
package io.github.genesysrotator.rotation;

import org.jspecify.annotations.NullMarked;
