/**
 * Not API. The small values and helpers every step shares: what a check found
 * ({@link dev.cicallback.validator.internal.core.PayloadCheck}), positions, JSON Pointer escaping, sentence helpers,
 * lazy values, and the {@link dev.cicallback.validator.internal.core.FormatValidator} each wire format implements.
 * Depends on nothing else of the validator but its public value types.
 */
package dev.cicallback.validator.internal.core;
