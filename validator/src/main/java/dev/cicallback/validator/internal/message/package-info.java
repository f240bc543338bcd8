/**
 * Not API. Problems both wire formats share: a node or Tag the contract does not know, and a body without EventName,
 * with the severity each mode gives them (their words are in {@code problems.properties}, with all the others).
 */
package dev.cicallback.validator.internal.message;
