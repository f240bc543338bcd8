/**
 * The local callback simulator behind {@code ci-callback trigger} and {@code ci-callback listen}: callbacks made from
 * the contract's fixtures (fresh ids, current timestamps, JSON Pointer edits), the hostile corpus, an HTTP sender,
 * and a validating receiver that saves and forwards what it gets. Not API: the command line is.
 */
package dev.cicallback.cli.simulate;
