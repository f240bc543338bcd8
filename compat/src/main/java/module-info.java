/**
 * Compares two versions of a contract by the payloads they accept. Only {@code dev.cicallback.compat} is API; the
 * contract's types ({@code ContractVersion}) appear in it, so the contract module comes with it.
 */
module dev.cicallback.compat {
  requires transitive dev.cicallback.contract;
  requires com.fasterxml.jackson.databind;
  requires java.xml;

  exports dev.cicallback.compat;
}
