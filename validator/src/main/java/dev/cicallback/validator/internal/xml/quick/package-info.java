/**
 * Not API. The quick XML verdict: the contract's XSD tree compiled into automata over child names
 * ({@link dev.cicallback.validator.internal.xml.quick.XsdAutomaton}) and read in one pass over a payload's bytes
 * ({@link dev.cicallback.validator.internal.xml.quick.XsdVerdict}), with no parser or schema validator behind it. It
 * answers yes or "ask the parser", never a wrong yes; BENCHMARKS.md has the figures that justify it.
 */
package dev.cicallback.validator.internal.xml.quick;
