/**
 * What the model jar offers besides the generated bindings ({@code dev.cicallback.model.xml} for JAXB,
 * {@code dev.cicallback.model.json} for Jackson): {@link dev.cicallback.model.CiTimestamp}, the timestamps CI writes.
 * The schemas themselves are packaged in ci-callback-contract ({@code dev.cicallback.contract.SchemaFiles}).
 */
package dev.cicallback.model;
