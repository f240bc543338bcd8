/**
 * Not API. Reading JSON text hardened and with positions: limits on size, depth, strings and numbers, duplicate names
 * refused, and every node's line and column kept for the messages.
 */
package dev.cicallback.validator.internal.json.syntax;
