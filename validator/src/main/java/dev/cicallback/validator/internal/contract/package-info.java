/**
 * Not API. The validator's view of the contract ({@link dev.cicallback.validator.internal.contract.ContractTree}), one
 * per wire form, made from the contract module's tree of that form: which nodes exist, repeat, are required, and what
 * values they allow, in words for the messages. The messages and the tree builders ask it, so they cannot drift from
 * the schema.
 */
package dev.cicallback.validator.internal.contract;
