/**
 * What the model jar offers besides the generated bindings ({@code dev.cicallback.model.xml} for JAXB,
 * {@code dev.cicallback.model.json} for Jackson): {@link dev.cicallback.model.CiTimestamp}, the timestamps CI writes.
 * {@code dev.cicallback.model.internal} (the packaged schemas as resources) is not API.
 */
package dev.cicallback.model;
