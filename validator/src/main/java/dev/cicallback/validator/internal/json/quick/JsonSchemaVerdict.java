package dev.cicallback.validator.internal.json.quick;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.PackagedJsonSchemas;
import dev.cicallback.validator.internal.core.Lazy;
import dev.cicallback.validator.internal.json.syntax.LocatedJsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A yes-or-no evaluator of the packaged JSON Schema that runs on the parser's tokens as they are read: no tree, one
 * pass. It answers "does this payload conform, with no member the contract does not know and no limit reached?" at a
 * small fraction of the full evaluator's cost, which then runs only for payloads whose problems need finding and
 * explaining.
 *
 * <p>It is never more lenient than the full evaluator: where JSON Schema or the reader leave room (an integer written
 * as {@code 5.0}, a number with an exponent, a line break in a patterned string, a member the schema does not
 * declare) it says no, and the full evaluator decides. It knows exactly the keywords the contract uses, in the forms a
 * single pass can decide (a {@code oneOf} whose branches take different JSON types), and refuses to compile a schema
 * with anything else, so a new keyword cannot be silently ignored; tests hold its verdicts to the full evaluator's on
 * every fixture, hostile input and fuzz case.
 */
public final class JsonSchemaVerdict {

  /** Keywords that only annotate: no effect on the verdict. */
  private static final Set<String> ANNOTATIONS = annotations();

  private static Set<String> annotations() {
    Set<String> annotations = new HashSet<>(Set.of("$schema", "$id", "$defs", "$comment", "title", "description"));
    annotations.addAll(PackagedJsonSchemas.EXTENSION_KEYWORDS);
    return Set.copyOf(annotations);
  }

  private static final int STRING = 1;
  private static final int INTEGER = 2;
  private static final int NUMBER = 4;
  private static final int OBJECT = 8;
  private static final int ARRAY = 16;
  private static final int BOOLEAN = 32;
  private static final int NULL = 64;
  private static final int ANY = 127;

  private static final Lazy<JsonSchemaVerdict> SHARED = new Lazy<>(JsonSchemaVerdict::packagedOrCompiled);

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
    /** Declared members, each with a bit of its own, so that a walk tells which are present and which twice. */
    Map<String, Member> properties;
    long requiredMask;
    /** Members of which exactly one must be present ({@code oneOf} of {@code required} branches); 0 if none. */
    long exactlyOneMask;
    Node items;
    int minItems;
    Node[] oneOf;
  }

  /** A declared member: its subschema and its bit among the object's members. */
  record Member(Node node, long bit) {}

  /** Schema files by the name a $ref gives them. */
  private final Function<String, JsonNode> files;
  /** Compiled subschemas by file and pointer, so that each $ref target is compiled once. */
  private final Map<String, Node> compiled = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();
  private final Node root;

  /** Compiles the schema {@code entry}, reading it and the files it refers to through {@code files}. */
  public JsonSchemaVerdict(Function<String, JsonNode> files, String entry) {
    this.files = files;
    this.root = compile(entry, "");
  }

  /** The verdict of an already compiled schema ({@link JsonSchemaVerdictFile}). */
  JsonSchemaVerdict(Node root) {
    this.files = null;
    this.root = root;
  }

  /** The compiled schema the build packaged, or, in a build that skipped that step, the schema compiled now. */
  private static JsonSchemaVerdict packagedOrCompiled() {
    JsonSchemaVerdict packaged = JsonSchemaVerdictFile.packaged();
    return packaged != null ? packaged : compilePackaged();
  }

  /** The packaged schemas compiled from their files. */
  static JsonSchemaVerdict compilePackaged() {
    return new JsonSchemaVerdict(new PackagedJsonSchemas()::file, SchemaFiles.CALLBACK_JSON_SCHEMA);
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
    /** Open containers, innermost last: their subschemas, the members seen (a bit each), the items counted. */
    private Node[] open = new Node[8];
    private long[] seen = new long[8];
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
          long required = open[top].requiredMask;
          long exactlyOne = open[top].exactlyOneMask;
          return (seen[top] & required) == required
              && (exactlyOne == 0 || Long.bitCount(seen[top] & exactlyOne) == 1)
              && close();
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

    private boolean member(String name) {
      if (!LocatedJsonReader.wholeCharacters(name)) {
        return false;
      }
      int top = depth - 1;
      Node node = open[top];
      if (node.properties == null) {
        // Any member may come, each once: names are remembered, since there are no bits to mark.
        if (names[top] == null) {
          names[top] = new HashSet<>();
        }
        next = ANY_NODE;
        return names[top].add(name);
      }
      Member member = node.properties.get(name);
      if (member == null || (seen[top] & member.bit()) != 0) {
        return false; // a member the schema does not declare, or one named twice: the full pass reports it
      }
      seen[top] |= member.bit();
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
      seen[depth] = 0;
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

  private Node compile(String file, String pointer) {
    String key = file + "#" + pointer;
    Node known = compiled.get(key);
    if (known != null) {
      return known;
    }
    JsonNode schema = pointer.isEmpty() ? files.apply(file) : files.apply(file).at(pointer);
    if (schema.isMissingNode()) {
      throw new IllegalStateException("unresolved reference " + key);
    }
    if (schema.isObject() && schema.has("$ref")) {
      // A reference beside annotations only: the target itself.
      requireOnly(schema, Set.of("$ref"), file, pointer, "$ref beside other assertions");
      if (!resolving.add(key)) {
        throw new IllegalStateException("a $ref cycle through " + key);
      }
      Node target = reference(file, schema.get("$ref").asText());
      resolving.remove(key);
      compiled.put(key, target);
      return target;
    }
    Node node = new Node();
    compiled.put(key, node); // before the children, so that a schema may refer to itself
    fill(node, file, pointer, schema);
    return node;
  }

  private void fill(Node node, String file, String pointer, JsonNode schema) {
    if (schema.isBoolean()) {
      node.types = schema.booleanValue() ? ANY : 0;
      return;
    }
    if (schema.has("oneOf") && schema.has("properties")) {
      // Beside properties, a oneOf is "exactly one of these members": each branch only requires one of them.
      fillObject(node, file, pointer, schema);
      for (JsonNode branch : schema.get("oneOf")) {
        requireKnown(branch.size() == 1 && branch.path("required").size() == 1, file, pointer + "/oneOf",
            "beside properties, each branch must be {\"required\": [one member]}");
        Member member = node.properties.get(branch.get("required").get(0).asText());
        requireKnown(member != null, file, pointer + "/oneOf", "a branch requires an undeclared member");
        node.exactlyOneMask |= member.bit();
      }
      return;
    }
    if (schema.has("oneOf")) {
      requireOnly(schema, Set.of("oneOf"), file, pointer, "oneOf beside other assertions");
      JsonNode branches = schema.get("oneOf");
      node.oneOf = new Node[branches.size()];
      int taken = 0;
      for (int i = 0; i < branches.size(); i++) {
        node.oneOf[i] = compile(file, pointer + "/oneOf/" + i);
        int types = node.oneOf[i].types;
        requireKnown(types != ANY && (types & taken) == 0 && node.oneOf[i].oneOf == null, file, pointer + "/oneOf",
            "branches must take different JSON types");
        taken |= types;
      }
      return;
    }
    fillObject(node, file, pointer, schema);
  }

  private void fillObject(Node node, String file, String pointer, JsonNode schema) {
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String keyword = names.next();
      JsonNode value = schema.get(keyword);
      String at = pointer + "/" + keyword;
      switch (keyword) {
        case "oneOf" -> {} // "exactly one of these members", read by fill
        case "type" -> node.types = types(value, file, at);
        case "enum" -> {
          Set<String> distinct = new java.util.LinkedHashSet<>();
          value.forEach(v -> distinct.add(v.asText()));
          node.allowed = distinct.toArray(new String[0]);
          requireKnown(allText(value), file, at, "only text values are supported");
        }
        case "pattern" -> {
          node.patternSource = value.asText();
          node.pattern = SchemaPattern.compile(node.patternSource);
        }
        case "minimum" -> node.minimum = value.decimalValue();
        case "maximum" -> node.maximum = value.decimalValue();
        case "properties" -> {
          requireKnown(value.size() + schema.path("required").size() <= 64, file, at, "more than 64 members");
          node.properties = new HashMap<>();
          for (Iterator<String> properties = value.fieldNames(); properties.hasNext(); ) {
            String name = properties.next();
            Node member = compile(file, at + "/" + name.replace("~", "~0").replace("/", "~1"));
            node.properties.put(name, new Member(member, 1L << node.properties.size()));
          }
        }
        case "additionalProperties" ->
            // Members the schema does not declare are refused by "properties", whatever this says.
            requireKnown(value.isBoolean() && !value.booleanValue() && schema.has("properties"), file, at,
                "only false beside properties is supported");
        case "required" -> requireKnown(schema.has("properties"), file, at, "needs properties beside it");
        case "items" -> node.items = compile(file, at);
        case "minItems" -> node.minItems = value.intValue();
        default -> requireKnown(ANNOTATIONS.contains(keyword), file, at, "the keyword is not supported");
      }
    }
    int undeclared = node.properties == null ? 0 : node.properties.size();
    for (JsonNode name : schema.path("required")) {
      Member member = node.properties.get(name.asText());
      // A required name that is not declared can never be present: a bit no member sets.
      node.requiredMask |= member != null ? member.bit() : 1L << undeclared++;
    }
  }

  private static boolean allText(JsonNode values) {
    for (JsonNode value : values) {
      if (!value.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static int types(JsonNode value, String file, String at) {
    List<JsonNode> names = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(names::add);
    } else {
      names.add(value);
    }
    int types = 0;
    for (JsonNode name : names) {
      int type = switch (name.asText()) {
        case "string" -> STRING;
        case "integer" -> INTEGER;
        case "number" -> NUMBER | INTEGER;
        case "object" -> OBJECT;
        case "array" -> ARRAY;
        case "boolean" -> BOOLEAN;
        case "null" -> NULL;
        default -> -1;
      };
      requireKnown(type > 0, file, at, "unknown type " + name);
      types |= type;
    }
    return types;
  }

  private static void requireOnly(JsonNode schema, Set<String> assertion, String file, String pointer, String why) {
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String keyword = names.next();
      requireKnown(assertion.contains(keyword) || ANNOTATIONS.contains(keyword), file, pointer + "/" + keyword, why);
    }
  }

  private static void requireKnown(boolean known, String file, String at, String why) {
    if (!known) {
      throw new IllegalStateException(
          "the JSON Schema " + file + "#" + at + " cannot be evaluated by " + JsonSchemaVerdict.class.getSimpleName()
              + ": " + why + "; teach it (and its tests) the keyword");
    }
  }

  private Node reference(String fromFile, String ref) {
    int hash = ref.indexOf('#');
    String fileName = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    return compile(fileName.isEmpty() ? fromFile : fileName, pointer);
  }
}
