package dev.cicallback.validator.internal.json.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.validator.internal.core.TextPosition;
import java.util.Map;

/**
 * A JSON document read into a tree, with where each node starts in the input: JSON Schema libraries report
 * pointers, people need lines and columns.
 *
 * @param tree the document
 * @param valueStarts JSON Pointer of every node -> where its value starts
 * @param nameStarts JSON Pointer of every object member -> where its name starts
 */
public record LocatedJson(
    JsonNode tree, Map<String, TextPosition> valueStarts, Map<String, TextPosition> nameStarts) {

  /** Where the member's name starts if it is an object member, else where the node starts. */
  public TextPosition positionOf(String pointer) {
    TextPosition name = nameStarts.get(pointer);
    if (name != null) {
      return name;
    }
    return valueStarts.getOrDefault(pointer, TextPosition.NONE);
  }
}
