/**
 * Not API. The pipeline every payload goes through ({@link dev.cicallback.validator.internal.Pipeline}: size, format,
 * UTF-8, then the format's validator) and the checks it makes before any parser sees the bytes.
 */
package dev.cicallback.validator.internal;
