package dev.cicallback.validator.internal.json.quick;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cicallback.contract.Bound;
import dev.cicallback.contract.Contract;
import dev.cicallback.contract.ContractNode;
import dev.cicallback.contract.Location;
import dev.cicallback.contract.SchemaForm;
import dev.cicallback.contract.ValueType;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.core.Lazy;
import dev.cicallback.validator.internal.json.syntax.LocatedJsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A yes-or-no evaluator of the packaged JSON Schema that runs on the parser's tokens as they are read: no tree, one
 * pass. It answers "does this payload conform, with no member the contract does not know and no limit reached?" at a
 * small fraction of the full evaluator's cost, which then runs only for payloads whose problems need finding and
 * explaining.
 *
 * <p>It is never more lenient than the full evaluator: where JSON Schema or the reader leave room (an integer written
 * as {@code 5.0}, a number with an exponent, a line break in a patterned string, a member the schema does not
 * declare) it says no, and the full evaluator decides. It is compiled from the contract module's tree of the JSON
 * form, not from the schema files, and refuses a contract that uses any construct of
 * {@link dev.cicallback.contract.RefusedConstruct} (the one list), so a new keyword cannot be silently ignored; tests
 * hold its verdicts to the full evaluator's on every fixture, hostile input and fuzz case.
 */
public final class JsonSchemaVerdict {

  private static final int STRING = 1;
  private static final int INTEGER = 2;
  private static final int NUMBER = 4;
  private static final int OBJECT = 8;
  private static final int ARRAY = 16;
  private static final int BOOLEAN = 32;
  private static final int NULL = 64;
  private static final int ANY = 127;

  private static final Lazy<JsonSchemaVerdict> SHARED = new Lazy<>(() -> packagedOrCompiled(Contract.CALLBACK));
  private static final Lazy<JsonSchemaVerdict> MODERATION_DETAIL =
      new Lazy<>(() -> packagedOrCompiled(Contract.MODERATION_DETAIL));
  private static final Lazy<JsonSchemaVerdict> MODERATION_SIMPLE =
      new Lazy<>(() -> packagedOrCompiled(Contract.MODERATION_SIMPLE));

  /** A compiled subschema; filled in once, read-only afterwards. */
  static final class Node {
    int types = ANY;
    /** The enum's values: a few words each, so a scan beats hashing a string the parser has just made. */
    String[] allowed;
    /** The pattern as the schema writes it, and compiled. */
    String patternSource;
    SchemaPattern pattern;
    BigDecimal minimum;
    BigDecimal maximum;
    /**
     * Declared members, each with a bit of its own in one of the object's 64-bit words, so that a walk tells which
     * are present and which twice.
     */
    Map<String, Member> properties;
    /** The required members' bits, a word per 64 members (none for an object without declared members). */
    long[] requiredMask = NO_WORDS;
    /** Members of which exactly one must be present ({@code oneOf} of {@code required} branches); null if none. */
    long[] exactlyOneMask;
    Node items;
    /** The members of an object that declares none: any value (null), or a map's text values. */
    Node members;
    int minItems;
    Node[] oneOf;
  }

  /** A declared member: its subschema and its bit among the object's members (word {@code bit / 64}). */
  record Member(Node node, int bit) {

    int word() {
      return bit >>> 6;
    }

    long mask() {
      return 1L << bit;
    }
  }

  private static final long[] NO_WORDS = new long[0];

  /** The entry the validator applies to job and workflow callbacks. */
  private static final String ENTRY = Contract.CALLBACK;

  private final Node root;

  /** The verdict of a compiled schema ({@link #compile}, {@link JsonSchemaVerdictFile}). */
  JsonSchemaVerdict(Node root) {
    this.root = root;
  }

  /** {@code entry} compiled as the build packaged it, or, in a build that skipped that step, compiled now. */
  private static JsonSchemaVerdict packagedOrCompiled(String entry) {
    JsonSchemaVerdict packaged = JsonSchemaVerdictFile.packaged(entry);
    return packaged != null ? packaged : compilePackaged(entry);
  }

  /** The packaged contract's JSON entry {@code entry} compiled from its tree: the build step's input. */
  static JsonSchemaVerdict compilePackaged(String entry) {
    return compile(Contract.packaged(), entry);
  }

  /** The compiled root schema, for {@link JsonSchemaVerdictFile}. */
  Node root() {
    return root;
  }

  /** The evaluator of the packaged schemas; immutable and thread-safe once built. */
  public static JsonSchemaVerdict shared() {
    return SHARED.get();
  }

  /**
   * The evaluator of a content-moderation entry: its Detail form ({@code simple} false) or its Simple form, read when
   * first asked from the compiled form the build packaged; immutable and thread-safe.
   */
  public static JsonSchemaVerdict moderation(boolean simple) {
    return simple ? MODERATION_SIMPLE.get() : MODERATION_DETAIL.get();
  }

  /**
   * Whether the document {@code parser} is about to read conforms, with nothing left over and within the limits;
   * false means "ask the full evaluator". Reads the parser no further than the first doubt.
   */
  public boolean accepts(JsonParser parser, ValidatorOptions options) {
    try {
      Walk walk = walk(options);
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (!walk.token(token, parser)) {
          return false;
        }
      }
      return walk.complete();
    } catch (JsonProcessingException e) {
      return false; // syntax or a reader limit: the full reader places it
    } catch (IOException e) {
      return false;
    }
  }

  /** A new evaluation of one document, to be given its tokens in order. */
  public Walk walk(ValidatorOptions options) {
    return new Walk(root, options);
  }

  /**
   * One document's evaluation, told each token as the parser reads it: whoever reads the parser (this class's
   * {@link #accepts}, or a binder reading through {@link ValidatingJsonParser}) drives it, so the bytes are tokenised
   * once. Holds the open containers and the node and depth counts the limits bound.
   */
  public static final class Walk {
    private final Node root;
    private final int maxNodes;
    private final int maxDepth;
    private int nodes;
    /**
     * Open containers, innermost last: their subschemas, the members seen (a bit each, in as many words as the
     * object's schema needs), the items counted.
     */
    private Node[] open = new Node[8];
    private long[][] seen = new long[8][];
    private int[] counts = new int[8];
    private boolean[] arrays = new boolean[8];
    /** Names met in open objects whose schema declares no members; null until one comes. */
    @SuppressWarnings("unchecked")
    private Set<String>[] names = new Set[8];
    private int depth;
    /** The subschema of the next value in an object: set by its member's name. */
    private Node next;
    private boolean started;
    private boolean complete;

    private Walk(Node root, ValidatorOptions options) {
      this.root = root;
      this.maxNodes = options.maxNodes();
      this.maxDepth = options.maxDepth();
    }

    /** Whether the whole document has been read and conforms. */
    boolean complete() {
      return complete;
    }

    /** Takes the parser's current {@code token}; false at the first doubt, after which the walk must not be fed. */
    boolean token(JsonToken token, JsonParser parser) throws IOException {
      switch (token) {
        case FIELD_NAME -> {
          return member(parser.currentName());
        }
        case END_OBJECT -> {
          int top = depth - 1;
          return hasRequired(open[top], seen[top]) && close();
        }
        case END_ARRAY -> {
          int top = depth - 1;
          return counts[top] >= open[top].minItems && close();
        }
        default -> {
          return value(token, parser);
        }
      }
    }

    /** Whether every required member is among those seen, and exactly one of an exactly-one-of set. */
    private static boolean hasRequired(Node node, long[] seen) {
      long[] required = node.requiredMask;
      for (int word = 0; word < required.length; word++) {
        if ((seen[word] & required[word]) != required[word]) {
          return false;
        }
      }
      long[] exactlyOne = node.exactlyOneMask;
      if (exactlyOne == null) {
        return true;
      }
      int present = 0;
      for (int word = 0; word < exactlyOne.length; word++) {
        present += Long.bitCount(seen[word] & exactlyOne[word]);
      }
      return present == 1;
    }

    private boolean member(String name) {
      if (!LocatedJsonReader.wholeCharacters(name)) {
        return false;
      }
      int top = depth - 1;
      Node node = open[top];
      if (node.properties == null) {
        // Any member may come, each once (in a map of text values, each a string): names are remembered, since there
        // are no bits to mark.
        if (names[top] == null) {
          names[top] = new HashSet<>();
        }
        next = node.members == null ? ANY_NODE : node.members;
        return names[top].add(name);
      }
      Member member = node.properties.get(name);
      long[] words = seen[top];
      if (member == null || (words[member.word()] & member.mask()) != 0) {
        return false; // a member the schema does not declare, or one named twice: the full pass reports it
      }
      words[member.word()] |= member.mask();
      next = member.node();
      return true;
    }

    private boolean close() {
      open[--depth] = null;
      names[depth] = null;
      complete = depth == 0;
      return true;
    }

    /** Evaluates a value's first token: a whole scalar, or the start of a container. */
    private boolean value(JsonToken token, JsonParser parser) throws IOException {
      Node node;
      if (depth == 0) {
        if (started) {
          return false; // content after the document
        }
        started = true;
        node = root;
      } else if (arrays[depth - 1]) {
        Node items = open[depth - 1].items;
        node = items == null ? ANY_NODE : items;
        counts[depth - 1]++;
      } else {
        node = next;
      }
      if (++nodes > maxNodes) {
        return false;
      }
      int kind = kind(token);
      if (node.oneOf != null) {
        node = branch(node, kind);
        if (node == null) {
          return false;
        }
      }
      if ((node.types & kind) == 0) {
        return false;
      }
      boolean conforms =
          switch (token) {
            case START_OBJECT, START_ARRAY -> {
              push(node, token == JsonToken.START_ARRAY);
              yield depth <= maxDepth;
            }
            case VALUE_STRING -> {
              String text = parser.getText();
              yield LocatedJsonReader.wholeCharacters(text)
                  && (node.allowed == null || isOneOf(text, node.allowed))
                  && (node.pattern == null || node.pattern.matches(text));
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                // An exponent is left to the full reader, which bounds it before converting.
                !(token == JsonToken.VALUE_NUMBER_FLOAT && hasExponent(parser.getText()))
                    && node.allowed == null
                    && within(parser, node);
            default -> node.allowed == null;
          };
      complete = depth == 0;
      return conforms;
    }

    private static boolean isOneOf(String text, String[] allowed) {
      for (String value : allowed) {
        if (value.equals(text)) {
          return true;
        }
      }
      return false;
    }

    /** Branches take different types, so the token's type picks the only one that can pass. */
    private static Node branch(Node node, int kind) {
      for (Node branch : node.oneOf) {
        if ((branch.types & kind) != 0) {
          return branch;
        }
      }
      return null;
    }

    private void push(Node node, boolean array) {
      if (depth == open.length) {
        int size = depth * 2;
        open = Arrays.copyOf(open, size);
        seen = Arrays.copyOf(seen, size);
        counts = Arrays.copyOf(counts, size);
        arrays = Arrays.copyOf(arrays, size);
        names = Arrays.copyOf(names, size);
      }
      open[depth] = node;
      int words = node.requiredMask.length;
      if (words > 0) {
        if (seen[depth] == null || seen[depth].length < words) {
          seen[depth] = new long[words];
        } else {
          Arrays.fill(seen[depth], 0, words, 0L);
        }
      }
      counts[depth] = 0;
      arrays[depth] = array;
      names[depth] = null;
      depth++;
    }

    private static boolean within(JsonParser parser, Node node) throws IOException {
      if (node.minimum == null && node.maximum == null) {
        return true;
      }
      BigDecimal value = parser.getDecimalValue();
      return (node.minimum == null || value.compareTo(node.minimum) >= 0)
          && (node.maximum == null || value.compareTo(node.maximum) <= 0);
    }
  }

  /** What an absent {@code items} or {@code properties} allows: any value. */
  private static final Node ANY_NODE = new Node();

  /** What a member of a map of text values ({@code "additionalProperties": {"type": "string"}}) allows: a string. */
  private static final Node TEXT_NODE = new Node();

  static {
    TEXT_NODE.types = STRING;
  }

  private static int kind(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> OBJECT;
      case START_ARRAY -> ARRAY;
      case VALUE_STRING -> STRING;
      // An integer is a number too; a number written with a fraction (5.0) is left to the full evaluator.
      case VALUE_NUMBER_INT -> INTEGER | NUMBER;
      case VALUE_NUMBER_FLOAT -> NUMBER;
      case VALUE_TRUE, VALUE_FALSE -> BOOLEAN;
      case VALUE_NULL -> NULL;
      default -> 0;
    };
  }

  private static boolean hasExponent(String number) {
    return number.indexOf('e') >= 0 || number.indexOf('E') >= 0;
  }

  // ------------------------------------------------------------------------------------------------ compiling

  /** Compiles the JSON Schema form of {@code contract}'s entry {@code callback} from its tree. */
  static JsonSchemaVerdict compile(Contract contract) {
    return compile(contract, ENTRY);
  }

  /** Compiles the JSON Schema form of {@code contract}'s {@code entry} from its tree. */
  static JsonSchemaVerdict compile(Contract contract, String entry) {
    if (!contract.refusals().isEmpty()) {
      throw new IllegalStateException("the JSON Schema cannot be evaluated by "
          + JsonSchemaVerdict.class.getSimpleName() + ": the contract uses what it may not: " + contract.refusals());
    }
    return new JsonSchemaVerdict(node(contract.root(SchemaForm.JSON_SCHEMA, entry), new HashMap<>()));
  }

  /** A node as the JSON form writes it: its value, or that value or an array of them, or an array of them. */
  private static Node node(ContractNode contract, Map<Location, Node> shapes) {
    // A named type ($defs) is compiled once, where it is declared, as the schema's $ref shares it.
    Node single = contract.typeName().isEmpty() ? null : shapes.get(contract.typeAt());
    if (single == null) {
      single = shape(contract, shapes);
      if (!contract.typeName().isEmpty()) {
        shapes.put(contract.typeAt(), single);
      }
    }
    if (!contract.oneOrMany() && !contract.array()) {
      return single;
    }
    Node array = new Node();
    array.types = ARRAY;
    array.items = single;
    array.minItems = (int) Math.min(Integer.MAX_VALUE, contract.minItems());
    if (contract.array()) {
      return array;
    }
    requireKnown((single.types & ARRAY) == 0, contract, "one value or an array of them, where the value is an array");
    Node either = new Node();
    either.oneOf = new Node[] {single, array};
    return either;
  }

  /** The 64-bit words that hold a bit for each of {@code members}. */
  static int words(int members) {
    return (members + 63) >>> 6;
  }

  private static Node shape(ContractNode contract, Map<Location, Node> shapes) {
    Node node = new Node();
    switch (contract.kind()) {
      case CONTAINER -> {
        node.types = OBJECT;
        if (contract.open()) {
          // An object the schema says nothing of but its type: any members, each once; in a map of text values
          // (additionalProperties {"type": "string"}), each a string.
          requireKnown(contract.children().isEmpty(), contract, "an object open to undeclared members");
          if (contract.value().types().equals(Set.of("string"))) {
            node.members = TEXT_NODE;
          }
          return node;
        }
        node.properties = new HashMap<>();
        node.requiredMask = new long[words(contract.children().size())];
        for (ContractNode child : contract.children().values()) {
          Member member = new Member(node(child, shapes), node.properties.size());
          node.properties.put(child.name(), member);
          if (child.required()) {
            node.requiredMask[member.word()] |= member.mask();
          }
        }
        if (!contract.exactlyOneOf().isEmpty()) {
          node.exactlyOneMask = new long[node.requiredMask.length];
          for (String name : contract.exactlyOneOf()) {
            Member member = node.properties.get(name);
            node.exactlyOneMask[member.word()] |= member.mask();
          }
        }
      }
      case VALUE -> {
        ValueType value = contract.value();
        node.types = types(value.types(), contract);
        if (value.enumeration() != null) {
          node.allowed = value.enumeration().toArray(new String[0]);
        }
        if (!contract.sourcePattern().isEmpty()) {
          node.patternSource = contract.sourcePattern();
          node.pattern = SchemaPattern.compile(node.patternSource);
        }
        node.minimum = bound(value.lower(), contract);
        node.maximum = bound(value.upper(), contract);
      }
      case ANY -> node.types = ANY;
      default -> requireKnown(false, contract, "a type that contains itself");
    }
    return node;
  }

  private static BigDecimal bound(Bound bound, ContractNode contract) {
    if (bound == null) {
      return null;
    }
    requireKnown(bound.inclusive(), contract, "an exclusive bound");
    return bound.value();
  }

  private static int types(Set<String> names, ContractNode contract) {
    int types = 0;
    for (String name : names) {
      int type = switch (name) {
        case "string" -> STRING;
        case "integer" -> INTEGER;
        case "number" -> NUMBER | INTEGER;
        case "object" -> OBJECT;
        case "array" -> ARRAY;
        case "boolean" -> BOOLEAN;
        case "null" -> NULL;
        default -> -1;
      };
      requireKnown(type > 0, contract, "the type " + name);
      types |= type;
    }
    return types == 0 ? ANY : types;
  }

  private static void requireKnown(boolean known, ContractNode at, String what) {
    if (!known) {
      throw new IllegalStateException("the JSON Schema at " + at.declaredAt() + " (" + at.name() + ") cannot be"
          + " evaluated by " + JsonSchemaVerdict.class.getSimpleName() + ": " + what
          + "; teach it (and its tests) the construct, and the contract's RefusedConstruct list");
    }
  }
}
