/**
 * The one-shot trigger: one rotation at startup, its result printed as JSON and its
 * outcome as the exit code. It imports {@code rotation} (through {@code RotationService})
 * and the API's result view from {@code web}, so both print the same record.
 */
@NullMarked
package io.github.genesysrotator.oneshot;

import org.jspecify.annotations.NullMarked;
