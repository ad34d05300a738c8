/**
 * The API trigger: the REST controllers over {@code RotationService}, their views, RFC
 * 9457 problem details ({@code ProblemTypes}, from each {@code ErrorCode}), security and
 * the OpenAPI document. It imports {@code rotation} and, for the orgs' coverage,
 * {@code observability}.
 */
@NullMarked
package io.github.genesysrotator.web;

import org.jspecify.annotations.NullMarked;
