/**
 * Not API. The compatibility gate the project's own build runs against its last release (module compat-gate): the
 * contract diff, backward, with the changelog's listed changes and japicmp's report on the model jar. Users of
 * {@code ci-callback-compat} compare contracts with {@link dev.cicallback.compat.ContractDiff}.
 */
package dev.cicallback.compat.internal.gate;
