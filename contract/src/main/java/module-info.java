/**
 * The contract, read once: the XSD and JSON Schema files as resources of this module and the one reader of them.
 * Its API names Jackson's tree ({@code JsonNode}) and JAXP's {@code Schema}, so both modules come with it.
 */
module dev.cicallback.contract {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.xml;

  exports dev.cicallback.contract;
}
