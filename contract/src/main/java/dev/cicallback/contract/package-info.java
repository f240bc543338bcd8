/**
 * The contract, read once: {@link dev.cicallback.contract.Contract} reads the hand-written XSD and JSON Schema of
 * {@code schema/} (or of any folder laid out like it) into normalized trees of
 * {@link dev.cicallback.contract.ContractNode}s; {@link dev.cicallback.contract.SchemaFiles} names the packaged files
 * for the libraries' own validators; {@link dev.cicallback.contract.RefusedConstruct} lists what a schema may not use.
 * The readers are package-private: nothing else in the project reads schema structure.
 */
package dev.cicallback.contract;
