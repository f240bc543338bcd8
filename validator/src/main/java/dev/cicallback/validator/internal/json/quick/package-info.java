/**
 * Not API. The quick JSON verdict: the contract's JSON Schema tree compiled into a walk over the parser's tokens
 * ({@link dev.cicallback.validator.internal.json.quick.JsonSchemaVerdict}), with no tree built, so a valid payload is
 * judged, and bound, in one read. It answers yes or "ask the full evaluation", never a wrong yes; BENCHMARKS.md has the
 * figures that justify it.
 */
package dev.cicallback.validator.internal.json.quick;
