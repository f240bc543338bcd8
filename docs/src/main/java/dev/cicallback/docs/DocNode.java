package dev.cicallback.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One node of the contract as the documentation shows it, read from the XSD and completed from the JSON Schema. */
final class DocNode {

  final String name;
  final String path;
  final DocNode parent;
  final List<DocNode> children = new ArrayList<>();
  /** Notes where payloads and Tencent's published docs disagree. */
  final Set<String> differences = new LinkedHashSet<>();
  /** The Chinese text of those notes, where the schema gives one, by English text. */
  final Map<String, String> differencesZh = new LinkedHashMap<>();

  int minOccurs;
  boolean repeatable;
  boolean container;
  String typeName = "";
  /** What the value may be, in words: a list of values, a range, what the pattern means ("" if only a pattern). */
  String allowed = "";
  /** The XSD pattern the value must match ("" if none). */
  String pattern = "";
  String english = "";
  String chinese = "";
  /** How the JSON form writes this node. */
  String jsonForm = "";
  /** The node's JSON Pointer pattern in the JSON form ("" for the root). */
  String jsonPointer = "";
  String example = "";

  DocNode(String name, DocNode parent) {
    this.name = name;
    this.parent = parent;
    this.path = parent == null ? name : parent.path + "/" + name;
  }

  /** HTML anchor and Markdown heading id of the node. */
  String anchor() {
    return path.replace('/', '.');
  }

  /** {@link #allowed} and {@link #pattern} in one line, the pattern between backticks. */
  String allowedWithPattern() {
    if (pattern.isEmpty()) {
      return allowed;
    }
    return allowed.isEmpty() ? "pattern `" + pattern + "`" : allowed + " (pattern `" + pattern + "`)";
  }

  String cardinality() {
    return (minOccurs == 0 ? "0" : "1") + ".." + (repeatable ? "n" : "1");
  }

  String shortCardinality() {
    String full = cardinality();
    return full.equals("1..1") ? "1" : full;
  }

  String xmlForm() {
    StringBuilder form = new StringBuilder("element");
    if (repeatable) {
      form.append(", one per item");
    }
    if (container) {
      form.append(minOccurs == 0 || !hasRequiredChild() ? ", may be empty" : "");
    } else {
      form.append(", text");
    }
    return form.toString();
  }

  private boolean hasRequiredChild() {
    return children.stream().anyMatch(c -> c.minOccurs > 0);
  }

  /** The node and every node below it, depth first. */
  List<DocNode> flatten() {
    List<DocNode> all = new ArrayList<>();
    all.add(this);
    for (DocNode child : children) {
      all.addAll(child.flatten());
    }
    return all;
  }
}
