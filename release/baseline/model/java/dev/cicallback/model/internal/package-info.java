/**
 * Not API. The contract's schemas as classpath resources, and the resolver that keeps the XSD's includes inside the
 * jar; the validator compiles them from here.
 */
package dev.cicallback.model.internal;
