package dev.cicallback.validator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.model.SchemaResources;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

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
final class JsonSchemaVerdict {

  /** Keywords that only annotate: no effect on the verdict. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$schema", "$id", "$defs", "$comment", "title", "description", "x-description-zh", "javaType",
          "existingJavaType");

  private static final int STRING = 1;
  private static final int INTEGER = 2;
  private static final int NUMBER = 4;
  private static final int OBJECT = 8;
  private static final int ARRAY = 16;
  private static final int BOOLEAN = 32;
  private static final int NULL = 64;
  private static final int ANY = 127;

  private static final Lazy<JsonSchemaVerdict> SHARED =
      new Lazy<>(() -> new JsonSchemaVerdict(new PackagedJsonSchemas()::file, SchemaResources.TTS_JSON_SCHEMA));

  /** A compiled subschema; filled in once, read-only afterwards. */
  private static final class Node {
    int types = ANY;
    Set<String> allowed;
    Pattern pattern;
    BigDecimal minimum;
    BigDecimal maximum;
    Map<String, Node> properties;
    Map<String, Integer> requiredBits;
    long requiredMask;
    Node items;
    int minItems;
    Node[] oneOf;
  }

  /** Schema files by the name a $ref gives them. */
  private final Function<String, JsonNode> files;
  /** Compiled subschemas by file and pointer, so that each $ref target is compiled once. */
  private final Map<String, Node> compiled = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();
  private final Node root;

  /** Compiles the schema {@code entry}, reading it and the files it refers to through {@code files}. */
  JsonSchemaVerdict(Function<String, JsonNode> files, String entry) {
    this.files = files;
    this.root = compile(entry, "");
  }

  /** The evaluator of the packaged schemas; immutable and thread-safe once built. */
  static JsonSchemaVerdict shared() {
    return SHARED.get();
  }

  /**
   * Whether the document {@code parser} is about to read conforms, with nothing left over and within the limits;
   * false means "ask the full evaluator". Reads the parser no further than the first doubt.
   */
  boolean accepts(JsonParser parser, ValidatorOptions options) {
    try {
      if (parser.nextToken() == null) {
        return false;
      }
      Walk walk = new Walk(options);
      return walk.value(parser, root) && parser.nextToken() == null;
    } catch (JsonProcessingException e) {
      return false; // syntax, a duplicate name or a reader limit: the full reader places it
    } catch (IOException e) {
      return false;
    }
  }

  /** One document's evaluation: the node and depth counts the limits bound. */
  private static final class Walk {
    private final int maxNodes;
    private final int maxDepth;
    private int nodes;
    private int depth;

    Walk(ValidatorOptions options) {
      this.maxNodes = options.maxNodes();
      this.maxDepth = options.maxDepth();
    }

    /** Evaluates the value whose first token is current, reading to its last token when it conforms. */
    boolean value(JsonParser parser, Node node) throws IOException {
      if (++nodes > maxNodes) {
        return false;
      }
      JsonToken token = parser.currentToken();
      int kind = kind(token);
      if (node.oneOf != null) {
        // Branches take different types, so the token's type picks the only one that can pass.
        for (Node branch : node.oneOf) {
          if ((branch.types & kind) != 0) {
            return value(parser, branch);
          }
        }
        return false;
      }
      if ((node.types & kind) == 0) {
        return false;
      }
      switch (token) {
        case START_OBJECT -> {
          return ++depth <= maxDepth && object(parser, node) && depth-- > 0;
        }
        case START_ARRAY -> {
          return ++depth <= maxDepth && array(parser, node) && depth-- > 0;
        }
        case VALUE_STRING -> {
          String text = parser.getText();
          return LocatedJsonReader.wholeCharacters(text)
              && (node.allowed == null || node.allowed.contains(text))
              && (node.pattern == null || node.pattern.matcher(text).find() && !hasLineBreak(text));
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          // An exponent is left to the full reader, which bounds it before converting.
          if (token == JsonToken.VALUE_NUMBER_FLOAT && hasExponent(parser.getText())) {
            return false;
          }
          return node.allowed == null && within(parser, node);
        }
        default -> {
          return node.allowed == null;
        }
      }
    }

    private boolean object(JsonParser parser, Node node) throws IOException {
      long seen = 0;
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (!LocatedJsonReader.wholeCharacters(name)) {
          return false;
        }
        Node member = node.properties == null ? ANY_NODE : node.properties.get(name);
        if (member == null) {
          return false; // a member the schema does not declare: the full evaluator reports it
        }
        parser.nextToken();
        if (!value(parser, member)) {
          return false;
        }
        if (node.requiredBits != null) {
          Integer bit = node.requiredBits.get(name);
          if (bit != null) {
            seen |= 1L << bit;
          }
        }
      }
      return token == JsonToken.END_OBJECT && seen == node.requiredMask;
    }

    private boolean array(JsonParser parser, Node node) throws IOException {
      Node item = node.items == null ? ANY_NODE : node.items;
      int count = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null || !value(parser, item)) {
          return false;
        }
        count++;
      }
      return count >= node.minItems;
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

  /** Java's $ also matches before a final line break, ECMA-262's does not: such strings go to the full evaluator. */
  private static boolean hasLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
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
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String keyword = names.next();
      JsonNode value = schema.get(keyword);
      String at = pointer + "/" + keyword;
      switch (keyword) {
        case "type" -> node.types = types(value, file, at);
        case "enum" -> {
          node.allowed = new HashSet<>();
          value.forEach(v -> node.allowed.add(v.asText()));
          requireKnown(allText(value), file, at, "only text values are supported");
        }
        case "pattern" -> node.pattern = Pattern.compile(value.asText());
        case "minimum" -> node.minimum = value.decimalValue();
        case "maximum" -> node.maximum = value.decimalValue();
        case "properties" -> {
          node.properties = new HashMap<>();
          for (Iterator<String> properties = value.fieldNames(); properties.hasNext(); ) {
            String name = properties.next();
            node.properties.put(name, compile(file, at + "/" + name.replace("~", "~0").replace("/", "~1")));
          }
        }
        case "additionalProperties" ->
            // Members the schema does not declare are refused by "properties", whatever this says.
            requireKnown(value.isBoolean() && !value.booleanValue() && schema.has("properties"), file, at,
                "only false beside properties is supported");
        case "required" -> {
          requireKnown(schema.has("properties") && value.size() <= 64, file, at, "needs properties beside it");
          node.requiredBits = new HashMap<>();
          value.forEach(r -> node.requiredBits.put(r.asText(), node.requiredBits.size()));
          node.requiredMask = node.requiredBits.isEmpty() ? 0 : -1L >>> (64 - node.requiredBits.size());
        }
        case "items" -> node.items = compile(file, at);
        case "minItems" -> node.minItems = value.intValue();
        default -> requireKnown(ANNOTATIONS.contains(keyword), file, at, "the keyword is not supported");
      }
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
