package dev.cicallback.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.model.SchemaResources;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A yes-or-no evaluator of the packaged JSON Schema, compiled once into plain predicates. It answers "does this
 * payload conform, with no member the contract does not know?" several times faster than the full evaluator, which
 * then runs only for payloads that need their problems found and explained.
 *
 * <p>It is never more lenient than the full evaluator: where JSON Schema leaves room (an integer written as
 * {@code 5.0}, a line break in a patterned string, a member the schema does not declare) it says no, and the full
 * evaluator decides. It knows exactly the keywords the contract uses and refuses to compile a schema with any other,
 * so a new keyword cannot be silently ignored; tests hold its verdicts to the full evaluator's on every fixture, bad
 * input and fuzz case.
 */
final class JsonSchemaVerdict {

  /** Keywords that only annotate: no effect on the verdict. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "$schema", "$id", "$defs", "$comment", "title", "description", "x-description-zh", "javaType",
          "existingJavaType");

  private static final Lazy<JsonSchemaVerdict> SHARED =
      new Lazy<>(() -> new JsonSchemaVerdict(new PackagedJsonSchemas()::file, SchemaResources.TTS_JSON_SCHEMA));

  /** Schema files by the name a $ref gives them. */
  private final Function<String, JsonNode> files;
  /** Compiled subschemas by file and pointer, so that each $ref target is compiled once. */
  private final Map<String, Predicate<JsonNode>> compiled = new HashMap<>();
  private final Predicate<JsonNode> root;

  /** Compiles the schema {@code entry}, reading it and the files it refers to through {@code files}. */
  JsonSchemaVerdict(Function<String, JsonNode> files, String entry) {
    this.files = files;
    this.root = compile(entry, "");
  }

  /** The evaluator of the packaged schemas; immutable and thread-safe once built. */
  static JsonSchemaVerdict shared() {
    return SHARED.get();
  }

  /** Whether {@code instance} conforms to the contract with nothing left over; false means "ask the full evaluator". */
  boolean accepts(JsonNode instance) {
    return root.test(instance);
  }

  private Predicate<JsonNode> compile(String file, String pointer) {
    String key = file + "#" + pointer;
    Predicate<JsonNode> known = compiled.get(key);
    if (known != null) {
      return known;
    }
    // A forward reference for schemas that refer to themselves; the contract has none, but it costs nothing.
    Predicate<JsonNode>[] target = new Predicate[1];
    compiled.put(key, instance -> target[0].test(instance));
    JsonNode schema = pointer.isEmpty() ? files.apply(file) : files.apply(file).at(pointer);
    if (schema.isMissingNode()) {
      throw new IllegalStateException("unresolved reference " + key);
    }
    target[0] = compileSchema(file, pointer, schema);
    compiled.put(key, target[0]);
    return target[0];
  }

  private Predicate<JsonNode> compileSchema(String file, String pointer, JsonNode schema) {
    if (schema.isBoolean()) {
      boolean verdict = schema.booleanValue();
      return instance -> verdict;
    }
    List<Predicate<JsonNode>> checks = new ArrayList<>();
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      String keyword = names.next();
      JsonNode value = schema.get(keyword);
      String at = pointer + "/" + keyword;
      switch (keyword) {
        case "$ref" -> checks.add(reference(file, value.asText()));
        case "type" -> checks.add(type(value));
        case "enum" -> checks.add(enumeration(value));
        case "pattern" -> checks.add(pattern(value.asText()));
        case "minimum" -> checks.add(bound(value.decimalValue(), true));
        case "maximum" -> checks.add(bound(value.decimalValue(), false));
        case "properties" -> checks.add(properties(file, at, value, schema.path("required")));
        case "additionalProperties" -> {
          // Members the schema does not declare are refused by "properties" below, whatever this says.
          requireKnown(value.isBoolean() && !value.booleanValue(), file, at, "only false is supported");
        }
        case "required" -> requireKnown(schema.has("properties"), file, at, "needs properties beside it");
        case "items" -> checks.add(items(compile(file, at)));
        case "minItems" -> checks.add(minItems(value.intValue()));
        case "oneOf" -> checks.add(oneOf(file, at, value.size()));
        default -> requireKnown(ANNOTATIONS.contains(keyword), file, at, "the keyword is not supported");
      }
    }
    if (!schema.has("properties") && (schema.has("additionalProperties"))) {
      throw new IllegalStateException(file + "#" + pointer + ": additionalProperties without properties");
    }
    return allOf(checks);
  }

  private static void requireKnown(boolean known, String file, String at, String why) {
    if (!known) {
      throw new IllegalStateException(
          "the JSON Schema " + file + "#" + at + " cannot be evaluated by " + JsonSchemaVerdict.class.getSimpleName()
              + ": " + why + "; teach it (and its tests) the keyword");
    }
  }

  private Predicate<JsonNode> reference(String fromFile, String ref) {
    int hash = ref.indexOf('#');
    String fileName = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    return compile(fileName.isEmpty() ? fromFile : fileName, pointer);
  }

  private static Predicate<JsonNode> type(JsonNode value) {
    List<String> types = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(t -> types.add(t.asText()));
    } else {
      types.add(value.asText());
    }
    boolean string = types.remove("string");
    boolean integer = types.remove("integer");
    boolean number = types.remove("number");
    boolean object = types.remove("object");
    boolean array = types.remove("array");
    boolean bool = types.remove("boolean");
    boolean nul = types.remove("null");
    if (!types.isEmpty()) {
      throw new IllegalStateException("unknown JSON Schema type " + types);
    }
    return instance ->
        string && instance.isTextual()
            // An integer written with a fraction (5.0) is left to the full evaluator.
            || integer && instance.isIntegralNumber()
            || number && instance.isNumber()
            || object && instance.isObject()
            || array && instance.isArray()
            || bool && instance.isBoolean()
            || nul && instance.isNull();
  }

  private static Predicate<JsonNode> enumeration(JsonNode values) {
    List<JsonNode> allowed = new ArrayList<>();
    values.forEach(allowed::add);
    // JsonNode equality: 1 and 1.0 differ here, where JSON Schema calls them equal; the full evaluator decides those.
    return allowed::contains;
  }

  private static Predicate<JsonNode> pattern(String regex) {
    Pattern pattern = Pattern.compile(regex);
    // Java's $ also matches before a final line break, ECMA-262's does not: strings with one are left to the full
    // evaluator.
    return instance ->
        !instance.isTextual()
            || pattern.matcher(instance.textValue()).find() && !hasLineBreak(instance.textValue());
  }

  private static boolean hasLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  private static Predicate<JsonNode> bound(BigDecimal limit, boolean lower) {
    return instance -> {
      if (!instance.isNumber()) {
        return true;
      }
      int comparison = instance.decimalValue().compareTo(limit);
      return lower ? comparison >= 0 : comparison <= 0;
    };
  }

  private Predicate<JsonNode> properties(String file, String at, JsonNode properties, JsonNode required) {
    Map<String, Predicate<JsonNode>> members = new HashMap<>();
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      members.put(name, compile(file, at + "/" + escape(name)));
    }
    List<String> requiredNames = new ArrayList<>();
    required.forEach(r -> requiredNames.add(r.asText()));
    return instance -> {
      if (!instance.isObject()) {
        return true;
      }
      for (String name : requiredNames) {
        if (!instance.has(name)) {
          return false;
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = instance.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        Predicate<JsonNode> check = members.get(member.getKey());
        if (check == null || !check.test(member.getValue())) {
          return false;
        }
      }
      return true;
    };
  }

  private static Predicate<JsonNode> items(Predicate<JsonNode> item) {
    return instance -> {
      if (!instance.isArray()) {
        return true;
      }
      for (JsonNode element : instance) {
        if (!item.test(element)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Predicate<JsonNode> minItems(int min) {
    return instance -> !instance.isArray() || instance.size() >= min;
  }

  private Predicate<JsonNode> oneOf(String file, String at, int count) {
    List<Predicate<JsonNode>> branches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      branches.add(compile(file, at + "/" + i));
    }
    return instance -> {
      int passed = 0;
      for (Predicate<JsonNode> branch : branches) {
        if (branch.test(instance) && ++passed > 1) {
          return false;
        }
      }
      return passed == 1;
    };
  }

  private static Predicate<JsonNode> allOf(List<Predicate<JsonNode>> checks) {
    Predicate<JsonNode>[] all = checks.toArray(new Predicate[0]);
    return instance -> {
      for (Predicate<JsonNode> check : all) {
        if (!check.test(instance)) {
          return false;
        }
      }
      return true;
    };
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
