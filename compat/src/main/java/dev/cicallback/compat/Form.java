package dev.cicallback.compat;

/** Which of a contract's two forms a finding was seen in. */
public enum Form {
  /** The XML Schema (xml/*.xsd) only. */
  XSD,
  /** The JSON Schema (json/*.schema.json) only. */
  JSON_SCHEMA,
  /** Both forms, at the same path. */
  BOTH
}
