package dev.cicallback.cli.simulate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --set}: a JSON Pointer (RFC 6901) into the callback's JSON form and the value to put there.
 * {@code POINTER=TEXT} sets a string (CI writes every leaf as one), {@code POINTER:=JSON} any JSON value (an
 * object, a number, {@code null}). The node must exist; with {@code add}, a missing last step is added instead (a
 * new member, or an array's next item at its length or {@code -}).
 */
public record PointerEdit(String pointer, JsonNode value) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An edit that cannot be made, in a sentence that names the pointer. */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** Parses {@code POINTER=TEXT} or {@code POINTER:=JSON}. */
  public static PointerEdit parse(String argument) throws Refused {
    int equals = argument.indexOf('=');
    if (!argument.startsWith("/") || equals < 0) {
      throw new Refused("--set takes POINTER=VALUE with a JSON Pointer such as /JobsDetail/0/State=Failed, not \""
          + argument + "\"");
    }
    boolean json = equals > 0 && argument.charAt(equals - 1) == ':';
    String pointer = argument.substring(0, json ? equals - 1 : equals);
    String text = argument.substring(equals + 1);
    JsonNode value;
    if (json) {
      try {
        value = JSON.readTree(text);
      } catch (java.io.IOException e) {
        value = null;
      }
      if (value == null || value.isMissingNode()) {
        throw new Refused("--set " + pointer + ":=" + text + ": the value after := must be JSON (an object, array,"
            + " number, string in quotes, true, false or null)");
      }
    } else {
      value = new TextNode(text);
    }
    try {
      JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new Refused("--set " + argument + ": not a JSON Pointer: " + e.getMessage());
    }
    return new PointerEdit(pointer, value);
  }

  /** Makes the edit in {@code tree}; with {@code add}, a missing last step is created. */
  void apply(ObjectNode tree, boolean add) throws Refused {
    JsonPointer path = JsonPointer.compile(pointer);
    JsonNode parent = tree;
    List<String> walked = new ArrayList<>();
    JsonPointer step = path;
    while (!step.tail().matches()) {
      JsonNode next = child(parent, step);
      if (next == null) {
        throw new Refused(missing(parent, step, walked));
      }
      walked.add(step.getMatchingProperty());
      parent = next;
      step = step.tail();
    }
    String last = step.getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      if (!object.has(last) && !add) {
        throw new Refused(missing(parent, step, walked) + "; --allow-invalid adds it");
      }
      object.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode array) {
      int index = last.equals("-") ? array.size() : step.getMatchingIndex();
      if (index >= 0 && index < array.size()) {
        array.set(index, value.deepCopy());
      } else if (index == array.size() && add) {
        array.add(value.deepCopy());
      } else {
        throw new Refused(missing(parent, step, walked)
            + (index == array.size() ? "; --allow-invalid adds it" : ""));
      }
    } else {
      throw new Refused(missing(parent, step, walked));
    }
  }

  private static JsonNode child(JsonNode parent, JsonPointer step) {
    if (parent.isObject()) {
      return parent.get(step.getMatchingProperty());
    }
    if (parent.isArray() && step.mayMatchElement()) {
      return parent.get(step.getMatchingIndex());
    }
    return null;
  }

  /** Why {@code step} leads nowhere from {@code parent} (reached by {@code walked}), and what is there instead. */
  private String missing(JsonNode parent, JsonPointer step, List<String> walked) {
    String at = walked.isEmpty() ? "the callback" : "/" + String.join("/", walked);
    String name = step.getMatchingProperty();
    String why;
    if (parent.isObject()) {
      List<String> names = new ArrayList<>();
      parent.fieldNames().forEachRemaining(names::add);
      why = at + " has no member " + name + "; it has " + (names.isEmpty() ? "none" : String.join(", ", names));
    } else if (parent.isArray()) {
      why = step.mayMatchElement() || name.equals("-")
          ? at + " has " + parent.size() + (parent.size() == 1 ? " item" : " items") + " (0 to "
              + (parent.size() - 1) + "), no " + name
          : at + " is an array: give an item's index before " + name + ", such as " + at + "/0/" + name;
    } else {
      why = at + " is a text (\"" + parent.asText() + "\"), which has no " + name;
    }
    return "--set " + pointer + ": no such node: " + why;
  }
}
