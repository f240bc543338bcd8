package dev.cicallback.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;

/** JSON Schema errors as located problems in plain words. */
final class JsonSchemaMessages {

  private JsonSchemaMessages() {}

  static Problem problem(Error error, String pointer, LocatedJson document, ContractTree contract) {
    JsonNode instance = document.tree().at(pointer);
    ContractTree.Node node = nodeAt(contract, pointer);
    String name = pointer.isEmpty() ? "the callback" : node == null ? displayName(pointer) : node.name();
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String message;
    String at = pointer;
    switch (keyword) {
      case "required" -> {
        String missing = error.getProperty();
        message = name + " lacks the required node " + missing;
      }
      case "enum", "pattern", "minimum", "maximum", "format", "const" ->
          message = name + ": " + shown(instance) + " is not allowed; expected " + ContractTree.expectedValue(node);
      case "type", "oneOf" -> message = name + ": expected " + expectedShape(node) + ", found " + shapeOf(instance);
      case "minItems" -> message = name + ": an empty array; give at least one " + name + " or leave the node out";
      case "additionalProperties", "unevaluatedProperties" -> {
        at = JsonPointers.child(pointer, String.valueOf(error.getProperty()));
        message = "unknown node " + Sentences.abbreviate(String.valueOf(error.getProperty()), 60) + " in " + name;
      }
      default -> message = name + ": " + stripPath(error.getMessage());
    }
    TextPosition position = document.positionOf(at);
    return new Problem(Severity.ERROR, message, position.line(), position.column(), at);
  }

  /** The contract node a pointer names, skipping array indices of repeatable nodes; null if unknown. */
  static ContractTree.Node nodeAt(ContractTree contract, String pointer) {
    ContractTree.Node node = contract.root();
    if (pointer.isEmpty()) {
      return node;
    }
    for (String token : pointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      if (node.repeatable() && name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
        continue;
      }
      node = node.child(name);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static String displayName(String pointer) {
    String last = JsonPointers.lastToken(pointer);
    return last.isEmpty() ? "the callback" : Sentences.abbreviate(last, 60);
  }


  private static String expectedShape(ContractTree.Node node) {
    if (node == null) {
      return "another kind of value";
    }
    if (node.container()) {
      return node.repeatable() ? "an object or a non-empty array of objects" : "an object";
    }
    String leaf = node.allowed().contains("integer") || node.allowed().contains("number")
        ? "a string or a number"
        : "a string";
    return node.repeatable() ? leaf + ", or an array of them" : leaf;
  }

  static String shapeOf(JsonNode instance) {
    if (instance == null || instance.isMissingNode()) {
      return "nothing";
    }
    if (instance.isObject()) {
      return "an object";
    }
    if (instance.isArray()) {
      return "an array";
    }
    if (instance.isTextual()) {
      return "the string " + shown(instance);
    }
    if (instance.isNumber()) {
      return "the number " + shown(instance);
    }
    if (instance.isBoolean()) {
      return instance.asText();
    }
    return "null";
  }

  private static String shown(JsonNode instance) {
    if (instance == null) {
      return "(nothing)";
    }
    String text = instance.isTextual() ? '"' + instance.asText() + '"' : instance.toString();
    return Sentences.abbreviate(text, 60);
  }

  private static String stripPath(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 && message.startsWith("/") || message.startsWith("$") ? message.substring(colon + 2) : message;
  }
}
