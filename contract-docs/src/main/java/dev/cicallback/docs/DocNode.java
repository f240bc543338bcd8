package dev.cicallback.docs;

import dev.cicallback.contract.ContractNode;
import dev.cicallback.contract.Docs;
import dev.cicallback.contract.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of the contract as the documentation shows it: the contract module's node of the XSD form (its
 * cardinality, type, allowed values and documentation), with how the JSON form writes it.
 */
final class DocNode {

  final String name;
  /** The node's path from its entry's root ({@code Response/JobsDetail/...}). */
  final String path;
  /** The entry the node belongs to: "" for the job and workflow callback, else its name ({@code moderation-detail}). */
  final String entry;
  /** The schema file the node is declared in, relative to the schema folder ({@code xml/moderation-image.xsd}). */
  final String declaredIn;
  final DocNode parent;
  final List<DocNode> children = new ArrayList<>();
  /** Whether the node must occur under its parent. */
  final boolean required;
  final boolean repeatable;
  final boolean container;
  /** The named model group ({@code xs:group}) the element is declared in, "" when none. */
  final String group;
  /** The declared type's name: a named type, or a built-in without its {@code xs:} prefix. */
  final String typeName;
  /** What the value may be, in words: a list of values, what the type means ("" if only a pattern). */
  final String allowed;
  /** The XSD pattern the value must match ("" if none; several, each a must, joined by " and "). */
  final String pattern;
  final String english;
  final String chinese;
  /** Notes where payloads and Tencent's published docs disagree, each with its Chinese text ("" when none). */
  final List<Docs.Note> differences;
  /** How the JSON form writes this node. */
  final String jsonForm;
  /** A value from a valid fixture, "" when none (set once the fixtures are read). */
  String example = "";

  /**
   * The node for {@code xsd}, the contract's node in the XSD form, and {@code json}, the same node in the JSON Schema
   * form; below {@code parent}, or the root of {@code entry} ("" for the job and workflow callback) when that is null.
   */
  DocNode(ContractNode xsd, ContractNode json, DocNode parent, String entry) {
    this.name = xsd.name();
    this.entry = entry;
    this.declaredIn = xsd.declaredAt().file();
    this.parent = parent;
    this.path = parent == null ? name : parent.path + "/" + name;
    this.required = xsd.required();
    this.repeatable = xsd.repeatable();
    this.container = xsd.kind() == ContractNode.Kind.CONTAINER;
    this.group = xsd.group();
    this.typeName = xsd.typeName().startsWith("xs:") ? xsd.typeName().substring(3) : xsd.typeName();
    ValueType value = xsd.value();
    this.pattern = String.join(" and ", value.patterns());
    if (value.enumeration() != null && !value.enumeration().isEmpty()) {
      this.allowed = "one of " + String.join(", ", value.enumeration());
    } else {
      String meaning = xsd.typeDocs().en();
      this.allowed = meaning.isEmpty() && pattern.isEmpty() ? "any text" : meaning;
    }
    this.english = xsd.docs().en();
    this.chinese = xsd.docs().zh();
    this.differences = xsd.docs().differences();
    this.jsonForm = parent == null ? "the root object itself: the JSON form has no Response wrapper" : jsonForm(json);
  }

  /** "object", "string or number", ... : how the JSON form writes a node. */
  private static String jsonForm(ContractNode json) {
    String single;
    if (json.kind() == ContractNode.Kind.CONTAINER) {
      single = "object";
    } else {
      single = json.value().types().size() > 1 ? "string or number" : "string";
    }
    String form = json.oneOrMany()
        ? single + ", or an array of " + (single.equals("object") ? "objects" : "them") + " (both occur)"
        : single;
    return json.required() ? form : form + "; left out when empty";
  }

  /** Whether {@code difference} (a note's English text) concerns this node. */
  boolean hasDifference(String difference) {
    return differences.stream().anyMatch(note -> note.en().equals(difference));
  }

  /**
   * The child of that name.
   *
   * @throws IllegalStateException when the contract declares no such child
   */
  DocNode child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the contract declares no " + path + "/" + childName));
  }

  /** HTML anchor and Markdown heading id of the node; a moderation node's starts with its entry's name. */
  String anchor() {
    return (entry.isEmpty() ? "" : entry + ".") + path.replace('/', '.');
  }

  /** The node's path, after its entry's name when it is not the job and workflow callback's. */
  String label() {
    return entry.isEmpty() ? path : entry + ": " + path;
  }

  /** {@link #allowed} and {@link #pattern} in one line, the pattern between backticks. */
  String allowedWithPattern() {
    if (pattern.isEmpty()) {
      return allowed;
    }
    return allowed.isEmpty() ? "pattern `" + pattern + "`" : allowed + " (pattern `" + pattern + "`)";
  }

  String cardinality() {
    return (required ? "1" : "0") + ".." + (repeatable ? "n" : "1");
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
      form.append(!required || !hasRequiredChild() ? ", may be empty" : "");
    } else {
      form.append(", text");
    }
    return form.toString();
  }

  private boolean hasRequiredChild() {
    return children.stream().anyMatch(c -> c.required);
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
