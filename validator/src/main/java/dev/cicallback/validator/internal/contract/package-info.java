/**
 * Not API. The contract as a tree of nodes ({@link dev.cicallback.validator.internal.contract.ContractTree}), read once
 * from the packaged JSON Schema: which nodes exist, repeat, are required, and what values they allow. The quick passes,
 * the messages and the tree builders all ask it, so they cannot drift apart.
 */
package dev.cicallback.validator.internal.contract;
