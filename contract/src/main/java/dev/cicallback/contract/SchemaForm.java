package dev.cicallback.contract;

/** The two forms the contract is written in. */
public enum SchemaForm {
  /** XML Schema 1.0: {@code xml/*.xsd}, for the XML form of callbacks. */
  XSD,
  /** JSON Schema (draft 2020-12): {@code json/*.schema.json}, for the JSON form of callbacks. */
  JSON_SCHEMA
}
