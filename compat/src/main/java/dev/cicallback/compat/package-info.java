/**
 * Contract evolution: {@link dev.cicallback.compat.ContractDiff} compares two contract folders (laid out like the
 * project's {@code schema/}: {@code xml/*.xsd} and {@code json/*.schema.json}) by the payloads they accept, and
 * {@code internal.gate} holds this project's contract to its last release (not API).
 *
 * <p>Each side is read into a normalized tree (names, occurrences, open or closed content, value types and their
 * facets; includes, named types, references and groups resolved), so reordering, comments, documentation and a type
 * named or inlined make no finding. The trees are compared node by node; each {@link dev.cicallback.compat.Finding}
 * names its {@link dev.cicallback.compat.Rule}, its path in both forms, where it is in the schemas, and whether it
 * breaks the {@link dev.cicallback.compat.Check#BACKWARD backward} and {@link dev.cicallback.compat.Check#FORWARD
 * forward} checks. A change made in one form of a contract only is itself a finding
 * ({@link dev.cicallback.compat.Rule#SIDES_DRIFT}).
 */
package dev.cicallback.compat;
