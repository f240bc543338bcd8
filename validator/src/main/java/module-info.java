/**
 * Validates CI callback payloads against the contract. Only {@code dev.cicallback.validator} is API; the packages under
 * {@code dev.cicallback.validator.internal} are not exported. The API hands out the model's classes and Jackson's
 * trees, so those modules come with it.
 */
module dev.cicallback.validator {
  requires transitive dev.cicallback.model;
  requires transitive com.fasterxml.jackson.databind;
  requires dev.cicallback.contract;
  requires com.networknt.schema;
  requires java.xml;

  exports dev.cicallback.validator;
}
