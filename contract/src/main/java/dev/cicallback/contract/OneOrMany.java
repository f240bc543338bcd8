package dev.cicallback.contract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON Schema shape of a node that may occur more than once: {@code "oneOf": [X, {"type": "array", "items": X}]},
 * the one rule every part of the project uses for it (the reader, code generation).
 *
 * <p>CI renders a node that occurs once as X and a repeated node as an array, so the schema accepts both and the
 * binding is a {@code List<X>} either way.
 */
public final class OneOrMany {

  private OneOrMany() {}

  /** Whether {@code schema} is exactly the one-or-many shape. */
  public static boolean matches(JsonNode schema) {
    JsonNode oneOf = schema == null ? null : schema.get("oneOf");
    if (oneOf == null || !oneOf.isArray() || oneOf.size() != 2) {
      return false;
    }
    JsonNode many = oneOf.get(1);
    return "array".equals(many.path("type").asText())
        && many.has("items")
        && many.get("items").equals(oneOf.get(0));
  }

  /** The single branch of a one-or-many schema: X. */
  public static JsonNode one(JsonNode schema) {
    return schema.get("oneOf").get(0);
  }

  /** The array branch of a one-or-many schema. */
  public static JsonNode many(JsonNode schema) {
    return schema.get("oneOf").get(1);
  }
}
