/**
 * The generator of {@code generated-docs/}: reads {@code schema/} through the contract module and its fixtures, splits
 * the contract into pages ({@link dev.cicallback.docs.Site}) and writes each as Markdown and as HTML.
 */
package dev.cicallback.docs;
