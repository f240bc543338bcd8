package dev.cicallback.validator.internal.contract;

import dev.cicallback.contract.ContentModel;
import dev.cicallback.contract.Contract;
import dev.cicallback.contract.ContractNode;
import dev.cicallback.contract.Identity;
import dev.cicallback.contract.SchemaForm;
import dev.cicallback.validator.internal.core.Lazy;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.core.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validator's view of the contract's tree ({@link Contract#packaged()}), one per wire form: which children a
 * container may have, which nodes repeat, and in words what a leaf allows, so that messages can say what was
 * expected. Reading XML asks the XSD form's tree, reading JSON the JSON Schema form's.
 */
public final class ContractTree {

  /** A node of the contract. */
  public static final class Node {
    private final String name;
    private final boolean repeatable;
    private final boolean container;
    private final boolean map;
    private final boolean numberOnly;
    private final boolean alwaysArray;
    private final String allowed;
    private final List<String> values;
    private final Map<String, Node> children = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private final List<String> requiredMayBeEmpty = new ArrayList<>();
    private final ContentModel content;
    private final List<Identity> identities;

    private Node(ContractNode node) {
      this.content = node.content();
      this.identities = node.identities() == null ? List.of() : List.copyOf(node.identities());
      this.name = node.name();
      this.repeatable = node.repeatable();
      this.container = node.kind() == ContractNode.Kind.CONTAINER;
      this.map = container && node.open() && node.children().isEmpty();
      Set<String> types = node.value().types();
      this.numberOnly = node.kind() == ContractNode.Kind.VALUE && !types.isEmpty()
          && types.stream().allMatch(t -> t.equals("integer") || t.equals("number"));
      this.alwaysArray = node.array();
      Set<String> enumeration = node.value().enumeration();
      this.values = node.kind() == ContractNode.Kind.VALUE && enumeration != null
          ? List.copyOf(enumeration) : List.of();
      this.allowed = container ? "" : allowedText(node, values);
      for (ContractNode child : node.children().values()) {
        children.put(child.name(), new Node(child));
        if (child.required()) {
          required.add(child.name());
          if (child.mayBeEmpty()) {
            requiredMayBeEmpty.add(child.name());
          }
        }
      }
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

    /**
     * Whether the container is a map of text values (CosHeaders of a moderation callback): its members are its keys,
     * none of them unknown.
     */
    public boolean map() {
      return map;
    }

    /** Whether a leaf of the JSON form is a JSON number only (a content-moderation callback's numbers). */
    public boolean numberOnly() {
      return numberOnly;
    }

    /** Whether the JSON form always writes the node as an array of its items ({@code "type": "array"}). */
    public boolean alwaysArray() {
      return alwaysArray;
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

    /** Names of the children that must occur, in schema order. */
    public List<String> required() {
      return List.copyOf(required);
    }

    /**
     * Names of the children that must occur but may be empty ({@link ContractNode#mayBeEmpty()}), in schema order:
     * in the XSD form, those CI's JSON leaves out when they are empty (the empty-element rule).
     */
    public List<String> requiredMayBeEmpty() {
      return List.copyOf(requiredMayBeEmpty);
    }

    /**
     * The XSD form's content model of a container (in which orders its children may come), or null: for a leaf, for
     * the JSON Schema form, for a container with no particle.
     */
    public ContentModel content() {
      return content;
    }

    /** The identity constraints the XSD element declares ({@code xs:unique}, {@code xs:key}); empty in JSON. */
    public List<Identity> identities() {
      return identities;
    }
  }

  private static final Lazy<ContractTree> XML = new Lazy<>(() -> new ContractTree(SchemaForm.XSD));
  private static final Lazy<ContractTree> JSON = new Lazy<>(() -> new ContractTree(SchemaForm.JSON_SCHEMA));
  private static final Lazy<ContractTree> MODERATION_DETAIL =
      new Lazy<>(() -> new ContractTree(Contract.packaged().root(SchemaForm.JSON_SCHEMA, Contract.MODERATION_DETAIL)));
  private static final Lazy<ContractTree> MODERATION_SIMPLE =
      new Lazy<>(() -> new ContractTree(Contract.packaged().root(SchemaForm.JSON_SCHEMA, Contract.MODERATION_SIMPLE)));

  private final Node root;

  private ContractTree(SchemaForm form) {
    this(Contract.packaged().root(form, Contract.CALLBACK));
  }

  /** The view of the tree under {@code root}. */
  ContractTree(ContractNode root) {
    this.root = new Node(root);
  }

  /** The contract of the XML form (the packaged XSD's tree), read once; immutable. */
  public static ContractTree xml() {
    return XML.get();
  }

  /** The contract of the JSON form (the packaged JSON Schema's tree), read once; immutable. */
  public static ContractTree json() {
    return JSON.get();
  }

  /**
   * The JSON form of a content-moderation callback: its Detail form ({@code simple} false) or its Simple form, read
   * once; immutable.
   */
  public static ContractTree moderationJson(boolean simple) {
    return simple ? MODERATION_SIMPLE.get() : MODERATION_DETAIL.get();
  }

  /** What a leaf allows, to follow "expected" in a message ("an integer from -10 to 10."); {@code node} may be null. */
  public static String expectedValue(Node node) {
    return node == null || node.allowed().isEmpty()
        ? Messages.render(Text.PART_ANOTHER_VALUE)
        : Sentences.lowerFirst(node.allowed());
  }

  /** The callback as a whole: the XML {@code Response} element, the JSON root object. */
  public Node root() {
    return root;
  }

  /**
   * A leaf's allowed values in words: its enumeration, or the documentation of its type (of the leaf itself when the
   * type is inline), or its pattern; "" when it takes any text.
   */
  private static String allowedText(ContractNode leaf, List<String> values) {
    if (!values.isEmpty()) {
      return Messages.render(Text.PART_ONE_OF_VALUES, String.join(", ", values));
    }
    if (leaf.value().patterns().isEmpty()) {
      return "";
    }
    String words = leaf.typeName().isEmpty() ? leaf.docs().en() : leaf.typeDocs().en();
    return words.isEmpty()
        ? Messages.render(Text.PART_TEXT_MATCHING, leaf.value().patterns().iterator().next())
        : words;
  }
}
