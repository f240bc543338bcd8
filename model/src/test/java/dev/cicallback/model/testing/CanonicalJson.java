package dev.cicallback.model.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * CI's JSON conventions made comparable, for tests: a one-element array equals its element, numbers equal their
 * text, empty strings, objects and arrays are absent. Two payloads with equal canonical forms carry the same data.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  public static JsonNode of(JsonNode node) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (node.isArray()) {
      if (node.size() == 1) {
        return of(node.get(0));
      }
      ArrayNode array = nodes.arrayNode();
      node.forEach(item -> array.add(of(item)));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = nodes.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = of(field.getValue());
        boolean empty = value.isContainerNode() ? value.isEmpty() : value.asText().isEmpty();
        if (!empty) {
          object.set(field.getKey(), value);
        }
      }
      return object;
    }
    return nodes.textNode(node.asText());
  }
}
