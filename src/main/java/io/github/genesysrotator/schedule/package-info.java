/**
 * The scheduled trigger: the pass that queues due credentials inside their windows, and
 * the recovery of rotations a crash left behind, at startup and before every pass. It
 * imports only {@code rotation}, and calls the engine through {@code RotationService}.
 */
@NullMarked
package io.github.genesysrotator.schedule;

import org.jspecify.annotations.NullMarked;
