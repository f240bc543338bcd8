package dev.cicallback.codegen;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON Schema shape of a node that may occur more than once: {@code "oneOf": [X, {"type": "array", "items": X}]}.
 *
 * <p>CI renders a node that occurs once as X and a repeated node as an array, so the schema accepts both and the
 * binding is a {@code List<X>} either way.
 */
final class OneOrMany {

  private OneOrMany() {}

  /** Whether {@code node} is exactly the one-or-many shape. */
  static boolean matches(JsonNode node) {
    JsonNode oneOf = node == null ? null : node.get("oneOf");
    if (oneOf == null || !oneOf.isArray() || oneOf.size() != 2) {
      return false;
    }
    JsonNode many = oneOf.get(1);
    return "array".equals(many.path("type").asText())
        && many.has("items")
        && many.get("items").equals(oneOf.get(0));
  }

  /** The array branch of a one-or-many node. */
  static JsonNode many(JsonNode node) {
    return node.get("oneOf").get(1);
  }
}
