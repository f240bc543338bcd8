package dev.cicallback.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON document read into a tree whose objects and arrays know their line: the line of the member name for an
 * object's member, else the line the value starts on. Duplicate member names are an error.
 *
 * @param root the document
 * @param lines the line of each object and array in it
 */
record LocatedJson(JsonNode root, Map<JsonNode, Integer> lines) {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .build();

  /** The line of {@code node}, or 0 for a scalar. */
  int line(JsonNode node) {
    return lines.getOrDefault(node, 0);
  }

  /** Reads {@code name} of {@code source}; {@code name} names it in errors. */
  static LocatedJson read(SchemaSource source, String name) throws UnreadableSchemaException {
    Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    try (InputStream in = source.open(name); JsonParser parser = FACTORY.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new UnreadableSchemaException(name + ": empty file, not a JSON Schema");
      }
      JsonNode root = value(parser, lines, parser.currentLocation().getLineNr(), name);
      if (parser.nextToken() != null) {
        throw new UnreadableSchemaException(name + ":" + parser.currentLocation().getLineNr()
            + ": more after the end of the JSON document");
      }
      return new LocatedJson(root, lines);
    } catch (JsonParseException e) {
      throw new UnreadableSchemaException(name + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UnreadableSchemaException(name + ": cannot be read: " + e, e);
    }
  }

  private static JsonNode value(JsonParser parser, Map<JsonNode, Integer> lines, int line, String name)
      throws IOException, UnreadableSchemaException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        lines.put(object, line);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          int fieldLine = parser.currentLocation().getLineNr();
          parser.nextToken();
          if (object.has(field)) {
            throw new UnreadableSchemaException(name + ":" + fieldLine + ": member \"" + field + "\" given twice");
          }
          object.set(field, value(parser, lines, fieldLine, name));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        lines.put(array, line);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser, lines, parser.currentLocation().getLineNr(), name));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return nodes.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return nodes.booleanNode(false);
      }
      default -> {
        return nodes.nullNode();
      }
    }
  }
}
