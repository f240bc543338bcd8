/**
 * Not API. The small values and helpers every step shares: what a check found
 * ({@link dev.cicallback.validator.internal.core.PayloadCheck}), positions, JSON Pointer escaping, sentence helpers,
 * lazy values, the {@link dev.cicallback.validator.internal.core.FormatValidator} each wire format implements, and
 * the words of every problem: {@code problems.properties}, keyed by {@link dev.cicallback.validator.internal.core.Text}
 * and rendered by {@link dev.cicallback.validator.internal.core.Messages}. Depends on nothing else of the validator
 * but its public value types.
 */
package dev.cicallback.validator.internal.core;
