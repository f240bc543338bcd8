package dev.cicallback.validator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.JsonPointers;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.core.Text;
import dev.cicallback.validator.internal.core.TextPosition;
import dev.cicallback.validator.internal.json.syntax.LocatedJson;
import dev.cicallback.validator.internal.message.UnknownNodes;

/** JSON Schema errors as located problems in plain words. */
public final class JsonSchemaMessages {

  private JsonSchemaMessages() {}

  public static Problem problem(
      Error error, String pointer, LocatedJson document, ContractTree contract, ValidatorOptions options) {
    JsonNode instance = document.tree().at(pointer);
    ContractTree.Node node = nodeAt(contract, pointer);
    String name = pointer.isEmpty()
        ? Messages.render(Text.PART_THE_CALLBACK)
        : node == null ? displayName(pointer) : node.name();
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String at = pointer;
    ProblemCode code;
    Text text;
    Object[] arguments;
    switch (keyword) {
      case "required" -> {
        String missing = error.getProperty();
        if (pointer.isEmpty() && "EventName".equals(missing)) {
          return UnknownNodes.missingEventName(options, document.positionOf(at), at);
        }
        code = ProblemCode.MISSING;
        text = Text.MISSING_REQUIRED;
        arguments = new Object[] {name, missing};
      }
      case "enum", "pattern", "minimum", "maximum", "format", "const" -> {
        if ("enum".equals(keyword) && isJobTag(pointer) && instance.isTextual()) {
          return UnknownNodes.tag(instance.asText(), node, options, document.positionOf(at), at);
        }
        code = ProblemCode.VALUE;
        text = Text.VALUE_NOT_ALLOWED;
        arguments = new Object[] {name, shown(instance), ContractTree.expectedValue(node)};
      }
      case "oneOf" -> {
        if (pointer.isEmpty()) {
          // The root's oneOf: a job (JobsDetail) or a workflow run (WorkflowExecution), exactly one.
          boolean both = instance.has("JobsDetail") && instance.has("WorkflowExecution");
          code = both ? ProblemCode.NOT_ALLOWED : ProblemCode.MISSING;
          text = both ? Text.NOT_ALLOWED_JOB_AND_WORKFLOW : Text.MISSING_JOB_OR_WORKFLOW;
          arguments = new Object[0];
        } else {
          code = ProblemCode.SHAPE;
          text = Text.SHAPE_EXPECTED;
          arguments = new Object[] {name, expectedShape(node), shapeOf(instance)};
        }
      }
      case "type" -> {
        code = ProblemCode.SHAPE;
        text = Text.SHAPE_EXPECTED;
        arguments = new Object[] {name, expectedShape(contract, pointer, node), shapeOf(instance)};
      }
      case "minItems" -> {
        code = ProblemCode.SHAPE;
        text = Text.SHAPE_EMPTY_ARRAY;
        arguments = new Object[] {name};
      }
      case "additionalProperties", "unevaluatedProperties" -> {
        at = JsonPointers.child(pointer, String.valueOf(error.getProperty()));
        code = ProblemCode.UNKNOWN_NODE;
        text = Text.UNKNOWN_NODE_MEMBER;
        arguments = new Object[] {Sentences.abbreviate(String.valueOf(error.getProperty()), 60), name};
      }
      default -> {
        // A keyword the contract does not use today: networknt's own sentence (its bundle, by the error's key).
        code = ProblemCode.VALUE;
        text = Text.VALUE_OTHER;
        arguments = new Object[] {name, stripPath(error.getMessage())};
      }
    }
    TextPosition position = document.positionOf(at);
    return Messages.error(code, position.line(), position.column(), at, text, arguments);
  }

  /** Whether the pointer names a job's Tag: /JobsDetail/Tag or /JobsDetail/n/Tag. */
  private static boolean isJobTag(String pointer) {
    return pointer.matches("/JobsDetail(/[0-9]+)?/Tag");
  }

  /** The contract node a pointer names, skipping array indices of repeatable nodes; null if unknown. */
  public static ContractTree.Node nodeAt(ContractTree contract, String pointer) {
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
    return last.isEmpty() ? Messages.render(Text.PART_THE_CALLBACK) : Sentences.abbreviate(last, 60);
  }


  /**
   * As {@link #expectedShape(ContractTree.Node)}, knowing where: a member of a map of text values is a string, an item
   * of a node the JSON form always writes as an array is one of its items.
   */
  private static String expectedShape(ContractTree contract, String pointer, ContractTree.Node node) {
    if (node == null && !pointer.isEmpty()) {
      ContractTree.Node parent = nodeAt(contract, pointer.substring(0, pointer.lastIndexOf('/')));
      if (parent != null && parent.map()) {
        return Messages.render(Text.PART_A_STRING);
      }
    }
    if (node != null && node.alwaysArray()) {
      boolean item = JsonPointers.lastToken(pointer).chars().allMatch(Character::isDigit);
      return Messages.render(!item ? Text.PART_AN_ARRAY : node.container() ? Text.PART_AN_OBJECT
          : node.numberOnly() ? Text.PART_A_NUMBER : Text.PART_A_STRING);
    }
    return expectedShape(node);
  }

  private static String expectedShape(ContractTree.Node node) {
    if (node == null) {
      return Messages.render(Text.PART_ANOTHER_SHAPE);
    }
    if (node.container()) {
      return Messages.render(node.repeatable() ? Text.PART_OBJECT_OR_OBJECTS : Text.PART_AN_OBJECT);
    }
    // Read from the contract's words for the leaf (ContractTree.Node#allowed), not from a library's.
    String leaf = Messages.render(
        node.numberOnly() ? Text.PART_A_NUMBER
            : node.allowed().contains("integer") || node.allowed().contains("number")
                ? Text.PART_STRING_OR_NUMBER
                : Text.PART_A_STRING);
    return node.repeatable() ? Messages.render(Text.PART_OR_ARRAY_OF_THEM, leaf) : leaf;
  }

  public static String shapeOf(JsonNode instance) {
    if (instance == null || instance.isMissingNode()) {
      return Messages.render(Text.PART_NOTHING);
    }
    if (instance.isObject()) {
      return Messages.render(Text.PART_AN_OBJECT);
    }
    if (instance.isArray()) {
      return Messages.render(Text.PART_AN_ARRAY);
    }
    if (instance.isTextual()) {
      return Messages.render(Text.PART_THE_STRING, shown(instance));
    }
    if (instance.isNumber()) {
      return Messages.render(Text.PART_THE_NUMBER, shown(instance));
    }
    if (instance.isBoolean()) {
      return instance.asText();
    }
    return Messages.render(Text.PART_NULL);
  }

  private static String shown(JsonNode instance) {
    if (instance == null) {
      return Messages.render(Text.PART_NO_VALUE);
    }
    String text = instance.isTextual() ? '"' + instance.asText() + '"' : instance.toString();
    return Sentences.abbreviate(text, 60);
  }

  private static String stripPath(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 && message.startsWith("/") || message.startsWith("$") ? message.substring(colon + 2) : message;
  }
}
