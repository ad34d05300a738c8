/**
 * What the engine's events and state records show: metrics, the {@code genesys} and
 * {@code rotation} health indicators, the audit log, and webhooks (CloudEvents). It
 * listens to the engine ({@code RotationListener}) and reads statuses through
 * {@code StatusReader}; it imports {@code rotation} and the result view of {@code web}.
 */
@NullMarked
package io.github.genesysrotator.observability;

import org.jspecify.annotations.NullMarked;
