package dev.cicallback.validator.internal.xml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.validator.internal.contract.ContractTree;
import java.util.ArrayDeque;
import java.util.Deque;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds, from the same SAX events the schema validator sees, the payload's tree in CI's JSON form: the root element
 * is the root object, a child element is a member, a node the contract says may repeat is always an array, leaves are
 * strings, empty elements are left out. Nodes the contract does not know are kept the same way (an array once a name
 * repeats), so that a tolerant read loses nothing. Both wire formats thus reach the model through one tree.
 */
public final class XmlTreeBuilder extends DefaultHandler {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final class Open {
    final String name;
    final ContractTree.Node node;
    final StringBuilder text = new StringBuilder();
    ObjectNode children;

    Open(String name, ContractTree.Node node) {
      this.name = name;
      this.node = node;
    }
  }

  private final ContractTree contract;
  private final Deque<Open> open = new ArrayDeque<>();
  private ObjectNode root;

  public XmlTreeBuilder(ContractTree contract) {
    this.contract = contract;
  }

  /** Forgets the events so far, for another reading of the same payload. */
  public void reset() {
    open.clear();
    root = null;
  }

  /** The tree, or an empty object if the document had no root. */
  public JsonNode tree() {
    return root == null ? NODES.objectNode() : root;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    Open parent = open.peek();
    ContractTree.Node node;
    if (parent == null) {
      node = contract.root();
    } else {
      node = parent.node == null ? null : parent.node.child(localName);
      if (parent.children == null) {
        parent.children = NODES.objectNode();
      }
    }
    open.push(new Open(localName, node));
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    Open current = open.peek();
    if (current != null) {
      current.text.append(ch, start, length);
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    Open done = open.pop();
    JsonNode value;
    if (done.children != null) {
      value = done.children.isEmpty() ? null : done.children;
    } else if (done.node != null && done.node.container()) {
      // An empty container: the only text the schema lets it hold is whitespace between tags.
      value = null;
    } else {
      value = done.text.isEmpty() ? null : NODES.textNode(done.text.toString());
    }
    Open parent = open.peek();
    if (parent == null) {
      root = value instanceof ObjectNode object ? object : NODES.objectNode();
      return;
    }
    if (value == null) {
      return;
    }
    if (done.node != null && done.node.repeatable()) {
      parent.children.withArray(done.name).add(value);
    } else if (done.node == null && parent.children.has(done.name)) {
      // A node the contract does not know, met again: its occurrences become an array, in order, as in JSON.
      JsonNode earlier = parent.children.get(done.name);
      if (earlier.isArray()) {
        ((ArrayNode) earlier).add(value);
      } else {
        parent.children.putArray(done.name).add(earlier).add(value);
      }
    } else {
      parent.children.set(done.name, value);
    }
  }
}
