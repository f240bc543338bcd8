package dev.cicallback.contract;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the JSON Schema form of a contract ({@code json/*.schema.json} of a folder) into normalized trees: one per
 * entry file (a file whose root schema describes a value, not only {@code $defs}), with {@code $ref} (within a file
 * and to files beside it) and {@code allOf} resolved. A property that is a value or an array of that value
 * ({@code oneOf: [X, {type: array, items: X}]}) is one node that may repeat, as in the XSD form.
 */
final class JsonSchemaReader {

  private static final Set<String> ANNOTATIONS = Set.of(
      "$schema", "$id", "$defs", "definitions", "$comment", "title", "description", "examples", "default");
  private static final int MAX_DEPTH = 64;
  /** The entries whose files {@link RefusedConstruct}s are checked in: those the validator compiles. */
  static final List<String> CHECKED_ENTRIES = List.of("json/" + SchemaFiles.CALLBACK_JSON_SCHEMA,
      "json/" + SchemaFiles.MODERATION_DETAIL_JSON_SCHEMA, "json/" + SchemaFiles.MODERATION_SIMPLE_JSON_SCHEMA);

  private final SchemaSource source;
  private final Map<String, LocatedJson> documents = new HashMap<>();
  /** The file each schema object was read from (the merged ones included), for locations and relative refs. */
  private final Map<JsonNode, String> fileOf = new java.util.IdentityHashMap<>();

  private final List<Refusal> refusals;

  private JsonSchemaReader(SchemaSource source, List<Refusal> refusals) {
    this.source = source;
    this.refusals = refusals;
  }

  /** The trees of the JSON Schema form of {@code source}: entry name to its root. Empty without {@code json/}. */
  static Map<String, ContractNode> read(SchemaSource source, List<Refusal> refusals)
      throws UnreadableSchemaException {
    if (!source.hasFolder("json")) {
      return Map.of();
    }
    JsonSchemaReader reader = new JsonSchemaReader(source, refusals);
    List<String> files;
    try {
      files = source.list("json", ".schema.json");
    } catch (IOException e) {
      throw new UnreadableSchemaException(source + "/json: cannot be listed: " + e, e);
    }
    Map<String, ContractNode> entries = new TreeMap<>();
    for (String file : files) {
      JsonNode root = reader.document(file).root();
      if (!isEntry(root)) {
        continue;
      }
      String name = file.substring(file.lastIndexOf('/') + 1);
      Location at = reader.location(root);
      entries.put(name.substring(0, name.length() - ".schema.json".length()),
          reader.node("", root, at, new ArrayList<>()));
    }
    if (refusals != null) {
      Set<String> closure = new java.util.LinkedHashSet<>();
      for (String entry : CHECKED_ENTRIES) {
        if (source.exists(entry)) {
          reader.closure(entry, closure);
        }
      }
      for (String file : closure) {
        refusals.addAll(ConstructCheck.json(file, reader.document(file)));
      }
    }
    return entries;
  }

  /** Whether a file's root schema describes a payload: it says more than annotations and {@code $defs}. */
  private static boolean isEntry(JsonNode root) {
    if (!root.isObject()) {
      return false;
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!ANNOTATIONS.contains(name) && !name.startsWith("x-") && !name.equals("javaType")
          && !name.equals("existingJavaType")) {
        return true;
      }
    }
    return false;
  }

  private LocatedJson document(String key) throws UnreadableSchemaException {
    LocatedJson document = documents.get(key);
    if (document == null) {
      if (!source.exists(key)) {
        throw new UnreadableSchemaException(key + ": no such schema file");
      }
      document = LocatedJson.read(source, key);
      if (!document.root().isObject()) {
        throw new UnreadableSchemaException(key + ":1: not a JSON Schema (the root is no object)");
      }
      documents.put(key, document);
      for (JsonNode node : document.lines().keySet()) {
        fileOf.put(node, key);
      }
    }
    return document;
  }

  /** Adds {@code file} and every file its {@code $ref}s reach to {@code into}. */
  private void closure(String file, Set<String> into) throws UnreadableSchemaException {
    if (!into.add(file)) {
      return;
    }
    List<JsonNode> pending = new ArrayList<>(List.of(document(file).root()));
    while (!pending.isEmpty()) {
      JsonNode node = pending.remove(pending.size() - 1);
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        String filePart = ref.asText().contains("#") ? ref.asText().substring(0, ref.asText().indexOf('#'))
            : ref.asText();
        String target = filePart.isEmpty() ? null : SchemaSource.resolve(file, filePart);
        if (target != null) {
          closure(target, into);
        }
      }
      node.elements().forEachRemaining(pending::add);
    }
  }

  // ------------------------------------------------------------------------------------------------ resolution

  /** A schema with its references resolved: the schema object, and the ref it came from (for recursion). */
  private record Resolved(ObjectNode schema, String refKey, Location typeAt, String typeName, Docs typeDocs) {}

  private Resolved resolve(JsonNode schema, List<String> stack) throws UnreadableSchemaException {
    if (schema.isBoolean()) {
      ObjectNode any = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      if (!schema.booleanValue()) {
        any.put("not", true);
      }
      return new Resolved(any, null, null, "", Docs.NONE);
    }
    if (!schema.isObject()) {
      throw new UnreadableSchemaException(at(schema) + ": a schema must be an object or a boolean");
    }
    ObjectNode object = (ObjectNode) schema;
    String refKey = null;
    String typeName = "";
    Docs typeDocs = Docs.NONE;
    Location typeAt = location(object);
    ObjectNode merged = object;
    int hops = 0;
    while (merged.has("$ref")) {
      if (++hops > MAX_DEPTH) {
        throw new UnreadableSchemaException(at(object) + ": $ref chain longer than " + MAX_DEPTH);
      }
      JsonNode refNode = merged.get("$ref");
      String file = fileOf(merged);
      String ref = refNode.asText();
      ObjectNode target = target(ref, file, merged);
      refKey = fileOf(target) + "#" + pointerOf(ref);
      typeName = pointerOf(ref).substring(pointerOf(ref).lastIndexOf('/') + 1);
      typeDocs = docsOf(target);
      if (stack.contains(refKey)) {
        return new Resolved(merged, refKey, location(target), typeName, typeDocs);
      }
      typeAt = location(target);
      ObjectNode combined = target.deepCopy();
      register(combined, target);
      for (Iterator<Map.Entry<String, JsonNode>> fields = merged.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!field.getKey().equals("$ref")) {
          combined.set(field.getKey(), field.getValue());
        }
      }
      merged = combined;
    }
    if (merged.has("allOf") && merged.get("allOf").isArray()) {
      ObjectNode combined = merged.deepCopy();
      register(combined, merged);
      combined.remove("allOf");
      for (JsonNode part : merged.get("allOf")) {
        ObjectNode branch = resolve(part, stack).schema();
        mergeInto(combined, branch);
      }
      merged = combined;
    }
    return new Resolved(merged, refKey, typeAt, typeName, typeDocs);
  }

  /** Puts {@code branch}'s keywords into {@code into}: properties and required add up, the rest is taken if absent. */
  private void mergeInto(ObjectNode into, ObjectNode branch) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = branch.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      if (key.equals("properties") && into.has("properties")) {
        ObjectNode properties = ((ObjectNode) into.get("properties")).deepCopy();
        register(properties, into.get("properties"));
        field.getValue().fields().forEachRemaining(p -> properties.putIfAbsent(p.getKey(), p.getValue()));
        into.set("properties", properties);
      } else if (key.equals("required") && into.has("required")) {
        Set<String> names = new LinkedHashSet<>();
        into.get("required").forEach(n -> names.add(n.asText()));
        field.getValue().forEach(n -> names.add(n.asText()));
        into.putArray("required").addAll(names.stream().map(n -> into.textNode(n)).toList());
      } else {
        into.putIfAbsent(key, field.getValue());
      }
    }
  }

  /** A copy made from {@code original} keeps its file and line, and so do the copies of its members. */
  private void register(JsonNode copy, JsonNode original) {
    String file = fileOf.get(original);
    if (file != null) {
      fileOf.put(copy, file);
    }
    Integer line = lineOf(original);
    if (line != null) {
      copiedLines.put(copy, line);
    }
    if (copy.isContainerNode() && original.isContainerNode()) {
      if (copy.isObject()) {
        for (Iterator<String> names = original.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          if (copy.get(name) != null && copy.get(name) != original.get(name)) {
            register(copy.get(name), original.get(name));
          }
        }
      } else {
        for (int i = 0; i < Math.min(copy.size(), original.size()); i++) {
          if (copy.get(i) != original.get(i)) {
            register(copy.get(i), original.get(i));
          }
        }
      }
    }
  }

  private final Map<JsonNode, Integer> copiedLines = new java.util.IdentityHashMap<>();

  private Integer lineOf(JsonNode node) {
    Integer copied = copiedLines.get(node);
    if (copied != null) {
      return copied;
    }
    for (LocatedJson document : documents.values()) {
      Integer line = document.lines().get(node);
      if (line != null) {
        return line;
      }
    }
    return null;
  }

  private ObjectNode target(String ref, String file, JsonNode at) throws UnreadableSchemaException {
    int hash = ref.indexOf('#');
    String filePart = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = pointerOf(ref);
    String targetFile = filePart.isEmpty() ? file : SchemaSource.resolve(file, filePart);
    if (targetFile == null) {
      throw new UnreadableSchemaException(at(at) + ": $ref \"" + ref
          + "\": only files of the contract's folder are read");
    }
    JsonNode root = document(targetFile).root();
    JsonNode target;
    try {
      target = root.at(JsonPointer.compile(pointer));
    } catch (IllegalArgumentException e) {
      throw new UnreadableSchemaException(at(at) + ": $ref \"" + ref + "\" is not a JSON Pointer");
    }
    if (target.isMissingNode()) {
      throw new UnreadableSchemaException(at(at) + ": $ref \"" + ref + "\" points at nothing");
    }
    if (!target.isObject()) {
      throw new UnreadableSchemaException(at(at) + ": $ref \"" + ref + "\" is not a schema object");
    }
    return (ObjectNode) target;
  }

  private static String pointerOf(String ref) {
    int hash = ref.indexOf('#');
    return hash < 0 ? "" : ref.substring(hash + 1);
  }

  // ------------------------------------------------------------------------------------------------ nodes

  /** The node for {@code schema}, occurring as often as one value of it does (an array's items, or once). */
  private ContractNode node(String name, JsonNode schema, Location declaredAt, List<String> stack)
      throws UnreadableSchemaException {
    ContractNode node = shape(name, schema, declaredAt, stack);
    return node.docs(docsOf(schema).completedBy(node.docs()));
  }

  /** The documentation a schema object gives itself: {@code description} and {@code x-description-zh}. */
  private static Docs docsOf(JsonNode schema) {
    String en = schema.path("description").asText("").strip();
    String zh = schema.path("x-description-zh").asText("").strip();
    return en.isEmpty() && zh.isEmpty() ? Docs.NONE : new Docs(en, zh, List.of());
  }

  private ContractNode shape(String name, JsonNode schema, Location declaredAt, List<String> stack)
      throws UnreadableSchemaException {
    if (stack.size() > MAX_DEPTH) {
      throw new UnreadableSchemaException(at(schema) + ": schemas nest deeper than " + MAX_DEPTH);
    }
    Resolved resolved = resolve(schema, stack);
    ObjectNode s = resolved.schema();
    if (resolved.refKey() != null && stack.contains(resolved.refKey())) {
      return new ContractNode(name, ContractNode.Kind.RECURSIVE, declaredAt).recursiveType(resolved.refKey())
          .typeAt(resolved.typeAt()).typeName(resolved.typeName()).typeDocs(resolved.typeDocs());
    }
    ContractNode node = typed(name, s, resolved, declaredAt, stack);
    return resolved.typeName().isEmpty() ? node
        : node.typeName(resolved.typeName()).typeDocs(resolved.typeDocs());
  }

  private ContractNode typed(String name, ObjectNode s, Resolved resolved, Location declaredAt, List<String> stack)
      throws UnreadableSchemaException {
    List<String> inner = new ArrayList<>(stack);
    if (resolved.refKey() != null) {
      inner.add(resolved.refKey());
    }
    Location typeAt = resolved.typeAt() == null ? declaredAt : resolved.typeAt();
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = s.get(keyword);
      if (branches != null && branches.isArray() && !requiredOnly(branches)) {
        return union(name, s, branches, declaredAt, inner);
      }
    }
    Set<String> types = types(s);
    if (types.contains("array") && types.size() == 1) {
      JsonNode items = s.get("items");
      ContractNode item = items == null ? new ContractNode(name, ContractNode.Kind.ANY, declaredAt)
          : node(name, items, declaredAt, inner).declaredAt(declaredAt);
      return item.occurs(count(s, "minItems", 0), count(s, "maxItems", ContractNode.UNBOUNDED)).array(true)
          .minItems(count(s, "minItems", 0));
    }
    if (types.contains("object") || (types.isEmpty() && s.has("properties"))) {
      return object(name, s, declaredAt, typeAt, inner);
    }
    if (s.has("not") && s.size() == 1) {
      return new ContractNode(name, ContractNode.Kind.VALUE, declaredAt)
          .value(ValueType.ANY_TEXT.withTypes(Set.of("nothing")))
          .typeAt(typeAt);
    }
    if (types.isEmpty() && !s.has("enum") && !s.has("const")) {
      return new ContractNode(name, ContractNode.Kind.ANY, declaredAt).typeAt(typeAt);
    }
    return new ContractNode(name, ContractNode.Kind.VALUE, declaredAt).value(value(s, types)).typeAt(typeAt)
        .sourcePattern(s.path("pattern").asText(""));
  }

  private ContractNode object(String name, ObjectNode s, Location declaredAt, Location typeAt, List<String> stack)
      throws UnreadableSchemaException {
    ContractNode node = new ContractNode(name, ContractNode.Kind.CONTAINER, declaredAt).typeAt(typeAt);
    JsonNode additional = s.get("additionalProperties");
    node.open(!(additional != null && additional.isBoolean() && !additional.booleanValue())
        || s.has("patternProperties"));
    if (additional != null && additional.isObject() && "string".equals(additional.path("type").asText(null))) {
      // A map of text values: the members' values are strings.
      node.value(ValueType.ANY_TEXT.withTypes(Set.of("string")));
    }
    Set<String> required = new HashSet<>();
    if (s.has("required")) {
      s.get("required").forEach(n -> required.add(n.asText()));
    }
    for (String keyword : List.of("oneOf", "anyOf")) {
      JsonNode branches = s.get(keyword);
      if (branches != null && branches.isArray() && requiredOnly(branches) && branches.size() > 0) {
        Set<String> inAll = null;
        for (JsonNode branch : branches) {
          Set<String> names = new HashSet<>();
          branch.get("required").forEach(n -> names.add(n.asText()));
          if (inAll == null) {
            inAll = names;
          } else {
            inAll.retainAll(names);
          }
        }
        required.addAll(inAll);
        if (keyword.equals("oneOf")) {
          List<String> exactlyOne = new ArrayList<>();
          for (JsonNode branch : branches) {
            if (branch.get("required").size() == 1) {
              exactlyOne.add(branch.get("required").get(0).asText());
            }
          }
          if (exactlyOne.size() == branches.size()) {
            node.exactlyOneOf(exactlyOne);
          }
        }
      }
    }
    JsonNode properties = s.get("properties");
    if (properties != null && properties.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> property = fields.next();
        ContractNode child = node(property.getKey(), property.getValue(), location(property.getValue()), stack);
        if (!required.contains(property.getKey())) {
          child.occurs(0, child.max());
        }
        node.addChild(child);
      }
    }
    return node;
  }

  /**
   * A {@code oneOf}/{@code anyOf}: one value or an array of it is one repeatable node; other unions are a value node
   * whose types are the branches' (their facets are not compared).
   */
  private ContractNode union(String name, ObjectNode s, JsonNode branches, Location declaredAt, List<String> stack)
      throws UnreadableSchemaException {
    if (branches.size() == 2) {
      for (int single = 0; single < 2; single++) {
        JsonNode one = branches.get(single);
        Resolved many = resolve(branches.get(1 - single), stack);
        JsonNode items = many.schema().get("items");
        if (types(many.schema()).equals(Set.of("array")) && items != null
            && stripped(resolve(items, stack).schema()).equals(stripped(resolve(one, stack).schema()))) {
          ContractNode node = node(name, one, declaredAt, stack).declaredAt(declaredAt).oneOrMany(true)
              .minItems(count(many.schema(), "minItems", 0));
          long min = Math.min(1, count(many.schema(), "minItems", 0));
          return node.occurs(min, count(many.schema(), "maxItems", ContractNode.UNBOUNDED));
        }
      }
    }
    Set<String> types = new LinkedHashSet<>();
    for (JsonNode branch : branches) {
      Set<String> branchTypes = types(resolve(branch, stack).schema());
      types.addAll(branchTypes.isEmpty() ? Set.of("any") : branchTypes);
    }
    return new ContractNode(name, ContractNode.Kind.VALUE, declaredAt).value(ValueType.ANY_TEXT.withTypes(types))
        .typeAt(location(s));
  }

  private static ObjectNode stripped(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    copy.remove(List.of("description", "$comment", "title", "examples", "javaType", "existingJavaType"));
    List<String> extensions = new ArrayList<>();
    copy.fieldNames().forEachRemaining(n -> {
      if (n.startsWith("x-")) {
        extensions.add(n);
      }
    });
    copy.remove(extensions);
    return copy;
  }

  private static boolean requiredOnly(JsonNode branches) {
    for (JsonNode branch : branches) {
      if (!branch.isObject() || branch.size() != 1 || !branch.has("required")) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> types(ObjectNode s) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = s.get("type");
    if (type != null && type.isTextual()) {
      types.add(type.asText());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    }
    return types;
  }

  private ValueType value(ObjectNode s, Set<String> declared) {
    Set<String> types = new LinkedHashSet<>(declared);
    Set<String> enumeration = null;
    JsonNode values = s.has("enum") ? s.get("enum") : null;
    if (values != null && values.isArray()) {
      enumeration = new LinkedHashSet<>();
      for (JsonNode value : values) {
        enumeration.add(value.isTextual() ? value.asText() : value.toString());
      }
    } else if (s.has("const")) {
      JsonNode value = s.get("const");
      enumeration = Set.of(value.isTextual() ? value.asText() : value.toString());
      values = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(value);
    }
    if (types.isEmpty() && values != null) {
      for (JsonNode value : values) {
        types.add(value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber()
            ? "number" : value.isBoolean() ? "boolean" : value.isNull() ? "null" : "object");
      }
    }
    Set<String> patterns = new HashSet<>();
    if (s.has("pattern")) {
      patterns.add(unanchored(s.get("pattern").asText()));
    }
    Bound lower = bound(s, "minimum", true);
    Bound exclusiveLower = bound(s, "exclusiveMinimum", false);
    if (Bound.lowerStricter(exclusiveLower, lower)) {
      lower = exclusiveLower;
    }
    Bound upper = bound(s, "maximum", true);
    Bound exclusiveUpper = bound(s, "exclusiveMaximum", false);
    if (Bound.upperStricter(exclusiveUpper, upper)) {
      upper = exclusiveUpper;
    }
    Long minLength = s.has("minLength") ? s.get("minLength").asLong() : null;
    Long maxLength = s.has("maxLength") ? s.get("maxLength").asLong() : null;
    return new ValueType(types, enumeration, patterns, lower, upper, minLength, maxLength);
  }

  /**
   * A JSON Schema pattern in the XSD's terms: {@code ^(X)$} and {@code ^X$} become {@code X} (an XSD pattern is
   * anchored); a pattern without both anchors stays as it is.
   */
  static String unanchored(String pattern) {
    if (pattern.length() >= 2 && pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$")) {
      String inner = pattern.substring(1, pattern.length() - 1);
      if (inner.startsWith("(") && inner.endsWith(")") && closingOfFirst(inner) == inner.length() - 1) {
        return inner.substring(1, inner.length() - 1);
      }
      return inner;
    }
    return pattern;
  }

  /** The index of the parenthesis closing the one at 0, or -1. */
  private static int closingOfFirst(String regex) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static Bound bound(ObjectNode s, String keyword, boolean inclusive) {
    JsonNode value = s.get(keyword);
    return value != null && value.isNumber() ? new Bound(new BigDecimal(value.asText()), inclusive) : null;
  }

  private static long count(ObjectNode s, String keyword, long absent) {
    JsonNode value = s.get(keyword);
    return value != null && value.canConvertToLong() ? value.asLong() : absent;
  }

  // ------------------------------------------------------------------------------------------------ places

  private String fileOf(JsonNode node) {
    String file = fileOf.get(node);
    return file != null ? file : "json";
  }

  private Location location(JsonNode node) {
    Integer line = lineOf(node);
    return new Location(fileOf(node), line == null ? 0 : line);
  }

  private String at(JsonNode node) {
    return location(node).toString();
  }

}
