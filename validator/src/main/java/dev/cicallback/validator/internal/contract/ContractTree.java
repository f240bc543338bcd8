package dev.cicallback.validator.internal.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.model.internal.SchemaResources;
import dev.cicallback.validator.internal.core.Lazy;
import dev.cicallback.validator.internal.core.Sentences;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree of nodes the contract knows, read once from the packaged JSON Schema (whose node names are the XML
 * element names too). It tells which children a container may have, which nodes repeat, and in words what a leaf
 * allows, so that messages can say what was expected.
 */
public final class ContractTree {

  /** A node of the contract. */
  public static final class Node {
    private final String name;
    private final boolean repeatable;
    private final boolean container;
    private final String allowed;
    private final List<String> values;
    private final Map<String, Node> children = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    private Node(String name, boolean repeatable, boolean container, String allowed, List<String> values) {
      this.name = name;
      this.repeatable = repeatable;
      this.container = container;
      this.allowed = allowed;
      this.values = values;
    }

    /** A leaf's closed set of values (the Tags, the States, ...), or empty when any value of its form is allowed. */
    public List<String> values() {
      return values;
    }

    public String name() {
      return name;
    }

    /** Whether the node may occur more than once under its parent. */
    public boolean repeatable() {
      return repeatable;
    }

    /** Whether the node holds child nodes rather than a value. */
    public boolean container() {
      return container;
    }

    /** What a leaf's value may be, in words ("An integer from -10 to 10."), or empty. */
    public String allowed() {
      return allowed;
    }

    /** The child of that name, or {@code null} if the contract does not know it here. */
    public Node child(String childName) {
      return children.get(childName);
    }

    /** Names of the children the contract knows, in schema order. */
    public List<String> childNames() {
      return List.copyOf(children.keySet());
    }

    public List<String> required() {
      return Collections.unmodifiableList(required);
    }
  }

  private final PackagedJsonSchemas files = new PackagedJsonSchemas();
  private final Node root;

  private ContractTree() {
    JsonNode entry = files.file(SchemaResources.CALLBACK_JSON_SCHEMA);
    this.root = build("Response", false, new Located(SchemaResources.CALLBACK_JSON_SCHEMA, entry), null);
  }

  private static final Lazy<ContractTree> SHARED = new Lazy<>(ContractTree::new);

  /** The contract of the packaged schemas, read once; the tree is immutable after construction. */
  public static ContractTree shared() {
    return SHARED.get();
  }

  /** What a leaf allows, to follow "expected" in a message ("an integer from -10 to 10."); {@code node} may be null. */
  public static String expectedValue(Node node) {
    return node == null || node.allowed().isEmpty() ? "another value" : Sentences.lowerFirst(node.allowed());
  }

  /** The callback as a whole: the XML {@code Response} element, the JSON root object. */
  public Node root() {
    return root;
  }

  private record Located(String file, JsonNode node) {}

  private Node build(String name, boolean repeatable, Located schema, String inheritedAllowed) {
    JsonNode oneOf = schema.node().get("oneOf");
    if (oneOf != null && oneOf.size() == 2 && "array".equals(oneOf.get(1).path("type").asText())) {
      return build(name, true, new Located(schema.file(), oneOf.get(0)), inheritedAllowed);
    }
    Located target = schema;
    String allowed = inheritedAllowed;
    while (target.node().has("$ref")) {
      target = resolve(target.file(), target.node().get("$ref").asText());
    }
    JsonNode node = target.node();
    boolean container = node.has("properties");
    if (!container && allowed == null && (node.has("pattern") || node.has("enum"))) {
      allowed = allowedText(node);
    }
    List<String> values = new ArrayList<>();
    node.path("enum").forEach(v -> values.add(v.asText()));
    Node result = new Node(name, repeatable, container, allowed == null ? "" : allowed, List.copyOf(values));
    if (container) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.get("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        result.children.put(
            property.getKey(),
            build(property.getKey(), false, new Located(target.file(), property.getValue()), null));
      }
      node.path("required").forEach(r -> result.required.add(r.asText()));
    }
    return result;
  }

  private static String allowedText(JsonNode leaf) {
    if (leaf.has("enum")) {
      List<String> values = new ArrayList<>();
      leaf.get("enum").forEach(v -> values.add(v.asText()));
      return "one of " + String.join(", ", values) + ".";
    }
    return leaf.path("description").asText("text matching " + leaf.get("pattern").asText());
  }

  private Located resolve(String fromFile, String ref) {
    int hash = ref.indexOf('#');
    String fileName = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    String file = fileName.isEmpty() ? fromFile : fileName;
    JsonNode node = pointer.isEmpty() ? files.file(file) : files.file(file).at(pointer);
    if (node.isMissingNode()) {
      throw new IllegalStateException("unresolved $ref " + ref + " in " + fromFile);
    }
    return new Located(file, node);
  }
}
