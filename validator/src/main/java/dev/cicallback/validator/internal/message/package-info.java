/**
 * Not API. Wording shared by both wire formats: how a node or Tag the contract does not know, and a body without
 * EventName, are reported in each mode.
 */
package dev.cicallback.validator.internal.message;
