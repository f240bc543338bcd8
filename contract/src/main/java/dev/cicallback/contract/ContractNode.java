package dev.cicallback.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A node of the contract's normalized tree: an element (XSD form) or a property (JSON Schema form), with how often
 * it occurs, its documentation and where it is declared, and either the nodes it contains or the values it takes.
 * The two forms of one contract give equal trees but for what only one form can say ({@link #oneOrMany()}, JSON
 * types against XSD built-ins, numeric bounds, attributes) and for the empty-element rule: a node that
 * {@link #mayBeEmpty() may be empty} in XML is optional in JSON ({@link #jsonMin()}).
 *
 * <p>Occurrences are those of the declaration within its content model. A repeated choice of elements
 * ({@code <xs:choice maxOccurs="unbounded">}) is the contract's way to say "these elements in any order", as a JSON
 * object's members are: each of its elements occurs as its own declaration says, at least 0 times.
 *
 * <p>Built by the contract's readers and read-only afterwards.
 */
public final class ContractNode {

  /** What a node holds. */
  public enum Kind {
    /** Child nodes ({@link #children()}), open or closed to undeclared ones. */
    CONTAINER,
    /** A value ({@link #value()}). */
    VALUE,
    /** Anything at all (an element without a type, a JSON schema {@code true} or {@code {}}). */
    ANY,
    /** A container whose type is one of its ancestors' ({@link #recursiveType()}): compared by the type's name. */
    RECURSIVE
  }

  /** {@link #max()} of a node that may repeat without limit. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  /** Types whose value space holds the empty text: XSD built-ins and the JSON {@code string}. */
  private static final Set<String> TEXT_TYPES = Set.of("xs:anySimpleType", "xs:string",
      "xs:normalizedString", "xs:token", "xs:anyURI", "xs:hexBinary", "xs:base64Binary", "string");

  private final String name;
  private final Kind kind;
  private long min = 1;
  private long max = 1;
  private boolean open;
  private boolean oneOrMany;
  private final Map<String, ContractNode> children = new LinkedHashMap<>();
  private ValueType value = ValueType.ANY_TEXT;
  private String recursiveType = "";
  private String typeName = "";
  private String group = "";
  private Docs docs = Docs.NONE;
  private Docs typeDocs = Docs.NONE;
  private ContentModel content;
  private String sourcePattern = "";
  private long minItems;
  private boolean array;
  private List<String> exactlyOneOf = List.of();
  private List<Identity> identities = List.of();
  private Location declaredAt;
  private Location typeAt;

  ContractNode(String name, Kind kind, Location declaredAt) {
    this.name = name;
    this.kind = kind;
    this.declaredAt = declaredAt;
    this.typeAt = declaredAt;
  }

  /** The element's or property's name; "" for the root of a JSON Schema entry (the payload's object). */
  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** The least number of times the node occurs under its parent (0: optional). */
  public long min() {
    return min;
  }

  /** The most number of times the node occurs under its parent, {@link #UNBOUNDED} for no limit. */
  public long max() {
    return max;
  }

  /** Whether the node may occur more than once under its parent. */
  public boolean repeatable() {
    return max > 1;
  }

  /** Whether the node must occur under its parent. */
  public boolean required() {
    return min > 0;
  }

  /** Whether a container accepts child nodes it does not declare. */
  public boolean open() {
    return open;
  }

  /**
   * Whether the JSON form writes the node as one value or as an array of them ({@code oneOf: [X, {type: array,
   * items: X}]}, {@link OneOrMany}); false in the XSD form, which has one way to write repeats.
   */
  public boolean oneOrMany() {
    return oneOrMany;
  }

  /** The declared children by name, in declaration order. */
  public Map<String, ContractNode> children() {
    return Collections.unmodifiableMap(children);
  }

  /** The child of that name, or null when the contract does not declare it here. */
  public ContractNode child(String childName) {
    return children.get(childName);
  }

  /**
   * The values a value node takes; for an open container of the JSON form that is a map of text values
   * ({@code "additionalProperties": {"type": "string"}}), the values of its members (types {@code string});
   * {@link ValueType#ANY_TEXT} for the other kinds.
   */
  public ValueType value() {
    return value;
  }

  /** For {@link Kind#RECURSIVE}: the name of the ancestor's type it repeats. */
  public String recursiveType() {
    return recursiveType;
  }

  /**
   * The name of the node's declared type: a named XSD type ({@code Timestamp}, {@code JobsDetail}) or built-in
   * ({@code xs:string}), or the {@code $defs} name a JSON Schema property refers to; "" for an inline type.
   */
  public String typeName() {
    return typeName;
  }

  /** The named model group (XSD {@code xs:group}) the element is declared in, "" when none. */
  public String group() {
    return group;
  }

  /** The documentation of the declaration, completed by its type's where the declaration says nothing. */
  public Docs docs() {
    return docs;
  }

  /** The documentation of the node's named type alone ({@link Docs#NONE} for an inline or built-in type). */
  public Docs typeDocs() {
    return typeDocs;
  }

  /**
   * The content model of an XSD container, in the order the schema writes it; null for other kinds, for the JSON
   * Schema form (whose members come in any order) and for a container with no particle.
   */
  public ContentModel content() {
    return content;
  }

  /**
   * The JSON Schema form's {@code pattern} as written (anchors included: JSON Schema patterns match anywhere), ""
   * when none; {@link ValueType#patterns()} holds it without anchors, comparable with the XSD's.
   */
  public String sourcePattern() {
    return sourcePattern;
  }

  /**
   * Whether the JSON form always writes the node as an array of its values ({@code type: array}); the node stands
   * for one item, and {@link #min()}/{@link #max()} count the items.
   */
  public boolean array() {
    return array;
  }

  /** For a {@link #oneOrMany()} or {@link #array()} node: the least number of items its array form holds. */
  public long minItems() {
    return minItems;
  }

  /**
   * The members of which exactly one must be present (a JSON Schema {@code oneOf} of branches that each require one
   * member: a callback holds {@code JobsDetail} or {@code WorkflowExecution}); empty when none.
   */
  public List<String> exactlyOneOf() {
    return exactlyOneOf;
  }

  /** The identity constraints the XSD element declares ({@code xs:unique}, {@code xs:key}), in order. */
  public List<Identity> identities() {
    return identities;
  }

  /**
   * Whether the node may be written empty: in the XSD form, whether {@code <Name/>} is valid (a container whose
   * content requires no child, a value whose type admits the empty text, a node of kind {@link Kind#ANY}); in the
   * JSON Schema form, whether {@code {}} or {@code ""} is. A {@link Kind#RECURSIVE} node is not judged (false).
   *
   * <p>CI writes its JSON form from its XML form and leaves an element that is empty there out, so a node required
   * in the XSD form that may be empty is optional in the JSON form: {@link #jsonMin()}.
   */
  public boolean mayBeEmpty() {
    return switch (kind) {
      case ANY -> true;
      case RECURSIVE -> false;
      case CONTAINER -> children.values().stream().noneMatch(ContractNode::required)
          && (content == null || emptiable(content));
      case VALUE -> admitsEmptyText(value);
    };
  }

  /**
   * The least number of times the JSON form may give this node of the XSD form: {@link #min()}, but 0 when the node
   * {@link #mayBeEmpty() may be empty}, since CI's JSON leaves an element out that is empty in its XML (the
   * empty-element rule: {@code <MediaResult><OutputFile/></MediaResult>} is {@code "MediaResult": {}}).
   */
  public long jsonMin() {
    return min > 0 && mayBeEmpty() ? 0 : min;
  }

  private static boolean admitsEmptyText(ValueType type) {
    if (type.types().stream().noneMatch(TEXT_TYPES::contains)
        || type.enumeration() != null && !type.enumeration().contains("")
        || type.minLength() != null && type.minLength() > 0) {
      return false;
    }
    for (String pattern : type.patterns()) {
      Pattern compiled;
      try {
        compiled = XsdRegex.compile(pattern);
      } catch (IllegalArgumentException outsideTheSubset) {
        compiled = Pattern.compile(pattern);
      }
      if (!compiled.matcher("").matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean emptiable(ContentModel model) {
    if (model.min() == 0) {
      return true;
    }
    if (model instanceof ContentModel.Sequence sequence) {
      return sequence.parts().stream().allMatch(ContractNode::emptiable);
    }
    if (model instanceof ContentModel.Choice choice) {
      return choice.parts().stream().anyMatch(ContractNode::emptiable);
    }
    if (model instanceof ContentModel.All all) {
      return all.parts().stream().allMatch(ContractNode::emptiable);
    }
    return false; // one element, required
  }

  /** Where the element or property is declared. */
  public Location declaredAt() {
    return declaredAt;
  }

  /** Where its type (and so its facets) is declared; the declaration itself for an inline type. */
  public Location typeAt() {
    return typeAt;
  }

  @Override
  public String toString() {
    return (name.isEmpty() ? "(root)" : name) + " " + kind + " " + min + ".." + (max == UNBOUNDED ? "n" : max)
        + " at " + declaredAt;
  }

  // ------------------------------------------------------------------------------ built by the readers only

  ContractNode occurs(long newMin, long newMax) {
    this.min = newMin;
    this.max = newMax;
    return this;
  }

  ContractNode open(boolean isOpen) {
    this.open = isOpen;
    return this;
  }

  ContractNode oneOrMany(boolean isOneOrMany) {
    this.oneOrMany = isOneOrMany;
    return this;
  }

  /** Adds {@code child}, unless a child of that name is declared already (the first declaration stands). */
  void addChild(ContractNode child) {
    children.putIfAbsent(child.name(), child);
  }

  ContractNode value(ValueType newValue) {
    this.value = newValue;
    return this;
  }

  ContractNode recursiveType(String type) {
    this.recursiveType = type;
    return this;
  }

  ContractNode typeName(String newTypeName) {
    this.typeName = newTypeName;
    return this;
  }

  ContractNode group(String newGroup) {
    this.group = newGroup;
    return this;
  }

  ContractNode docs(Docs newDocs) {
    this.docs = newDocs;
    return this;
  }

  ContractNode typeDocs(Docs newTypeDocs) {
    this.typeDocs = newTypeDocs;
    return this;
  }

  ContractNode content(ContentModel model) {
    this.content = model;
    return this;
  }

  ContractNode sourcePattern(String pattern) {
    this.sourcePattern = pattern;
    return this;
  }

  ContractNode array(boolean isArray) {
    this.array = isArray;
    return this;
  }

  ContractNode minItems(long least) {
    this.minItems = least;
    return this;
  }

  ContractNode exactlyOneOf(List<String> names) {
    this.exactlyOneOf = List.copyOf(names);
    return this;
  }

  ContractNode identities(List<Identity> declared) {
    this.identities = List.copyOf(declared);
    return this;
  }

  ContractNode declaredAt(Location location) {
    this.declaredAt = location;
    return this;
  }

  ContractNode typeAt(Location location) {
    this.typeAt = location;
    return this;
  }
}
