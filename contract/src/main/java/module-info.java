/**
 * The contract, read once: the XSD and JSON Schema files as resources of this module and the one reader of them.
 * Its API names Jackson's tree ({@code JsonNode}) and JAXP's {@code Schema}, so both modules come with it.
 *
 * <p>The schema files are published resources, not code: their two folders are opened (they hold no classes), so a
 * class loader finds them by path as on the class path, e.g. the JSON Schema library the validator uses, which loads
 * {@code classpath:dev/cicallback/schema/json/...}. Nothing there is exported.
 */
module dev.cicallback.contract {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.xml;

  exports dev.cicallback.contract;

  opens dev.cicallback.schema.xml;
  opens dev.cicallback.schema.json;
}
