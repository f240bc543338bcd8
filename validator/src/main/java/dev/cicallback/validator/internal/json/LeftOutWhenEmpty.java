package dev.cicallback.validator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cicallback.validator.internal.contract.ContractTree;
import java.util.Iterator;
import java.util.Map;

/**
 * The empty-element rule undone: CI's JSON leaves out an element that is empty in its XML, even one the XSD requires
 * ({@code <MediaResult><OutputFile/></MediaResult>} is {@code "MediaResult": {}}); writing such a callback as XML
 * puts each required node that may be empty back as an empty element, so that it is valid XML too.
 */
public final class LeftOutWhenEmpty {

  private LeftOutWhenEmpty() {}

  /**
   * Adds to a callback's JSON tree, at any depth, each node the XSD form requires that may be empty and that the tree
   * does not hold: an empty object for a container, an empty text for a value. Members the contract does not know are
   * left as they are.
   */
  public static void restore(ObjectNode callback) {
    restore(callback, ContractTree.xml().root());
  }

  private static void restore(ObjectNode object, ContractTree.Node node) {
    for (String name : node.requiredMayBeEmpty()) {
      if (!object.has(name)) {
        object.set(name, node.child(name).container() ? JsonNodeFactory.instance.objectNode() : TextNode.valueOf(""));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      ContractTree.Node child = node.child(member.getKey());
      if (child == null || !child.container()) {
        continue;
      }
      if (member.getValue() instanceof ObjectNode inner) {
        restore(inner, child);
      } else if (member.getValue() instanceof ArrayNode items) {
        for (JsonNode item : items) {
          if (item instanceof ObjectNode inner) {
            restore(inner, child);
          }
        }
      }
    }
  }
}
