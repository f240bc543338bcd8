/**
 * The generated bindings: {@code dev.cicallback.model.xml} (JAXB), {@code dev.cicallback.model.json} (Jackson),
 * content moderation's {@code dev.cicallback.model.moderation.json} (Jackson, both forms) and
 * {@code dev.cicallback.model.moderation.xml.detail} / {@code .xml.simple} (JAXB, the contract's XML reading), and
 * {@code dev.cicallback.model} ({@code CiTimestamp}). The binding APIs their annotations come from are required
 * transitively; each generated package is opened, for reflection, to the one binding that reads it (the JAXB API
 * hands its opening on to the implementation it finds).
 */
module dev.cicallback.model {
  requires transitive jakarta.xml.bind;
  requires transitive com.fasterxml.jackson.annotation;

  exports dev.cicallback.model;
  exports dev.cicallback.model.xml;
  exports dev.cicallback.model.json;
  exports dev.cicallback.model.moderation.json;
  exports dev.cicallback.model.moderation.xml.detail;
  exports dev.cicallback.model.moderation.xml.simple;

  opens dev.cicallback.model.xml to jakarta.xml.bind;
  opens dev.cicallback.model.json to com.fasterxml.jackson.databind;
  opens dev.cicallback.model.moderation.json to com.fasterxml.jackson.databind;
  opens dev.cicallback.model.moderation.xml.detail to jakarta.xml.bind;
  opens dev.cicallback.model.moderation.xml.simple to jakarta.xml.bind;
}
