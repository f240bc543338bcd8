package dev.cicallback.validator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.Severity;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.JsonPointers;
import dev.cicallback.validator.internal.core.Sentences;
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
    String name = pointer.isEmpty() ? "the callback" : node == null ? displayName(pointer) : node.name();
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String message;
    String at = pointer;
    ProblemCode code;
    Severity severity = Severity.ERROR;
    switch (keyword) {
      case "required" -> {
        String missing = error.getProperty();
        message = name + " lacks the required node " + missing;
        code = ProblemCode.MISSING;
        if (pointer.isEmpty() && "EventName".equals(missing)) {
          code = ProblemCode.MISSING_EVENT_NAME;
          message = UnknownNodes.missingEventName(options);
          severity = options.unknownNodeSeverity();
        }
      }
      case "enum", "pattern", "minimum", "maximum", "format", "const" -> {
        message = name + ": " + shown(instance) + " is not allowed; expected " + ContractTree.expectedValue(node);
        code = ProblemCode.VALUE;
        if ("enum".equals(keyword) && isJobTag(pointer) && instance.isTextual()) {
          code = ProblemCode.UNKNOWN_TAG;
          message = UnknownNodes.tag(instance.asText(), node, options);
          severity = options.unknownNodeSeverity();
        }
      }
      case "oneOf" -> {
        code = ProblemCode.SHAPE;
        if (pointer.isEmpty()) {
          // The root's oneOf: a job (JobsDetail) or a workflow run (WorkflowExecution), exactly one.
          boolean both = instance.has("JobsDetail") && instance.has("WorkflowExecution");
          message = both
              ? "the callback holds both JobsDetail and WorkflowExecution; a callback reports a job or a workflow run"
              : "the callback lacks the required node JobsDetail (a job) or WorkflowExecution (a workflow run)";
          code = both ? ProblemCode.NOT_ALLOWED : ProblemCode.MISSING;
        } else {
          message = name + ": expected " + expectedShape(node) + ", found " + shapeOf(instance);
        }
      }
      case "type" -> {
        message = name + ": expected " + expectedShape(node) + ", found " + shapeOf(instance);
        code = ProblemCode.SHAPE;
      }
      case "minItems" -> {
        message = name + ": an empty array; give at least one " + name + " or leave the node out";
        code = ProblemCode.SHAPE;
      }
      case "additionalProperties", "unevaluatedProperties" -> {
        at = JsonPointers.child(pointer, String.valueOf(error.getProperty()));
        message = "unknown node " + Sentences.abbreviate(String.valueOf(error.getProperty()), 60) + " in " + name;
        code = ProblemCode.UNKNOWN_NODE;
      }
      default -> {
        message = name + ": " + stripPath(error.getMessage());
        code = ProblemCode.VALUE;
      }
    }
    TextPosition position = document.positionOf(at);
    return new Problem(severity, code, message, position.line(), position.column(), at);
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

  public static String shapeOf(JsonNode instance) {
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
