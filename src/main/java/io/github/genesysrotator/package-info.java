/**
 * The application: its entry point, which ends the process with the one-shot run's exit
 * code. Every capability lives in a sub-package: the engine in {@code rotation}, its
 * three triggers in {@code schedule}, {@code web} and {@code oneshot}, its adapters in
 * {@code genesys} and {@code vault}, and {@code observability}.
 */
@NullMarked
package io.github.genesysrotator;

import org.jspecify.annotations.NullMarked;
