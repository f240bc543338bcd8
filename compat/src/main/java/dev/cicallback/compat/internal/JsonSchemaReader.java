package dev.cicallback.compat.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.compat.Location;
import dev.cicallback.compat.UnreadableSchemaException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the JSON Schema form of a contract ({@code json/*.schema.json} of a folder) into normalized trees: one per
 * entry file (a file whose root schema describes a value, not only {@code $defs}), with {@code $ref} (within a file
 * and to files beside it) and {@code allOf} resolved. A property that is a value or an array of that value
 * ({@code oneOf: [X, {type: array, items: X}]}) is one node that may repeat, as in the XSD form.
 */
public final class JsonSchemaReader {

  private static final Set<String> ANNOTATIONS = Set.of(
      "$schema", "$id", "$defs", "definitions", "$comment", "title", "description", "examples", "default");
  private static final int MAX_DEPTH = 64;

  private final Path folder;
  private final Map<Path, LocatedJson> documents = new HashMap<>();
  /** The file each schema object was read from (the merged ones included), for locations and relative refs. */
  private final Map<JsonNode, Path> fileOf = new java.util.IdentityHashMap<>();

  private JsonSchemaReader(Path folder) {
    this.folder = folder;
  }

  /** The trees of the JSON Schema form under {@code folder}: entry name to its root. Empty without {@code json/}. */
  public static Map<String, Node> read(Path folder) throws UnreadableSchemaException {
    Path json = folder.resolve("json");
    if (!Files.isDirectory(json)) {
      return Map.of();
    }
    JsonSchemaReader reader = new JsonSchemaReader(folder);
    List<Path> files;
    try (Stream<Path> listing = Files.list(json)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted().toList();
    } catch (IOException e) {
      throw new UnreadableSchemaException(json + ": cannot be listed: " + e, e);
    }
    Map<String, Node> entries = new TreeMap<>();
    for (Path file : files) {
      JsonNode root = reader.document(file).root();
      if (!isEntry(root)) {
        continue;
      }
      String name = file.getFileName().toString();
      Location at = reader.location(root);
      entries.put(name.substring(0, name.length() - ".schema.json".length()),
          reader.node("", root, at, new ArrayList<>()));
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

  private LocatedJson document(Path file) throws UnreadableSchemaException {
    Path key = file.toAbsolutePath().normalize();
    LocatedJson document = documents.get(key);
    if (document == null) {
      if (!Files.isRegularFile(key)) {
        throw new UnreadableSchemaException(relative(key) + ": no such schema file");
      }
      document = LocatedJson.read(key, relative(key));
      if (!document.root().isObject()) {
        throw new UnreadableSchemaException(relative(key) + ":1: not a JSON Schema (the root is no object)");
      }
      documents.put(key, document);
      for (JsonNode node : document.lines().keySet()) {
        fileOf.put(node, key);
      }
    }
    return document;
  }

  // ------------------------------------------------------------------------------------------------ resolution

  /** A schema with its references resolved: the schema object, and the ref it came from (for recursion). */
  private record Resolved(ObjectNode schema, String refKey, Location typeAt) {}

  private Resolved resolve(JsonNode schema, List<String> stack) throws UnreadableSchemaException {
    if (schema.isBoolean()) {
      ObjectNode any = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      if (!schema.booleanValue()) {
        any.put("not", true);
      }
      return new Resolved(any, null, null);
    }
    if (!schema.isObject()) {
      throw new UnreadableSchemaException(at(schema) + ": a schema must be an object or a boolean");
    }
    ObjectNode object = (ObjectNode) schema;
    String refKey = null;
    Location typeAt = location(object);
    ObjectNode merged = object;
    int hops = 0;
    while (merged.has("$ref")) {
      if (++hops > MAX_DEPTH) {
        throw new UnreadableSchemaException(at(object) + ": $ref chain longer than " + MAX_DEPTH);
      }
      JsonNode refNode = merged.get("$ref");
      Path file = fileOf(merged);
      String ref = refNode.asText();
      ObjectNode target = target(ref, file, merged);
      refKey = relative(fileOf(target)) + "#" + pointerOf(ref);
      if (stack.contains(refKey)) {
        return new Resolved(merged, refKey, location(target));
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
    return new Resolved(merged, refKey, typeAt);
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
    Path file = fileOf.get(original);
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

  private ObjectNode target(String ref, Path file, JsonNode at) throws UnreadableSchemaException {
    int hash = ref.indexOf('#');
    String filePart = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = pointerOf(ref);
    if (filePart.contains(":")) {
      throw new UnreadableSchemaException(at(at) + ": $ref \"" + ref + "\": only files beside the schema are read");
    }
    Path targetFile = filePart.isEmpty() ? file : file.getParent().resolve(filePart).normalize();
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
  private Node node(String name, JsonNode schema, Location declaredAt, List<String> stack)
      throws UnreadableSchemaException {
    if (stack.size() > MAX_DEPTH) {
      throw new UnreadableSchemaException(at(schema) + ": schemas nest deeper than " + MAX_DEPTH);
    }
    Resolved resolved = resolve(schema, stack);
    ObjectNode s = resolved.schema();
    if (resolved.refKey() != null && stack.contains(resolved.refKey())) {
      return new Node(name, Node.Kind.RECURSIVE, declaredAt).recursiveType(resolved.refKey())
          .typeAt(resolved.typeAt());
    }
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
      Node item = items == null ? new Node(name, Node.Kind.ANY, declaredAt)
          : node(name, items, declaredAt, inner).declaredAt(declaredAt);
      return item.occurs(count(s, "minItems", 0), count(s, "maxItems", Node.UNBOUNDED));
    }
    if (types.contains("object") || (types.isEmpty() && s.has("properties"))) {
      return object(name, s, declaredAt, typeAt, inner);
    }
    if (s.has("not") && s.size() == 1) {
      return new Node(name, Node.Kind.VALUE, declaredAt).value(ValueType.ANY_TEXT.withTypes(Set.of("nothing")))
          .typeAt(typeAt);
    }
    if (types.isEmpty() && !s.has("enum") && !s.has("const")) {
      return new Node(name, Node.Kind.ANY, declaredAt).typeAt(typeAt);
    }
    return new Node(name, Node.Kind.VALUE, declaredAt).value(value(s, types)).typeAt(typeAt);
  }

  private Node object(String name, ObjectNode s, Location declaredAt, Location typeAt, List<String> stack)
      throws UnreadableSchemaException {
    Node node = new Node(name, Node.Kind.CONTAINER, declaredAt).typeAt(typeAt);
    JsonNode additional = s.get("additionalProperties");
    node.open(!(additional != null && additional.isBoolean() && !additional.booleanValue())
        || s.has("patternProperties"));
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
      }
    }
    JsonNode properties = s.get("properties");
    if (properties != null && properties.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> property = fields.next();
        Node child = node(property.getKey(), property.getValue(), location(property.getValue()), stack);
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
  private Node union(String name, ObjectNode s, JsonNode branches, Location declaredAt, List<String> stack)
      throws UnreadableSchemaException {
    if (branches.size() == 2) {
      for (int single = 0; single < 2; single++) {
        JsonNode one = branches.get(single);
        Resolved many = resolve(branches.get(1 - single), stack);
        JsonNode items = many.schema().get("items");
        if (types(many.schema()).equals(Set.of("array")) && items != null
            && stripped(resolve(items, stack).schema()).equals(stripped(resolve(one, stack).schema()))) {
          Node node = node(name, one, declaredAt, stack).declaredAt(declaredAt);
          long min = Math.min(1, count(many.schema(), "minItems", 0));
          return node.occurs(min, count(many.schema(), "maxItems", Node.UNBOUNDED));
        }
      }
    }
    Set<String> types = new LinkedHashSet<>();
    for (JsonNode branch : branches) {
      Set<String> branchTypes = types(resolve(branch, stack).schema());
      types.addAll(branchTypes.isEmpty() ? Set.of("any") : branchTypes);
    }
    return new Node(name, Node.Kind.VALUE, declaredAt).value(ValueType.ANY_TEXT.withTypes(types))
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

  private Path fileOf(JsonNode node) {
    Path file = fileOf.get(node);
    return file != null ? file : folder.resolve("json");
  }

  private Location location(JsonNode node) {
    Integer line = lineOf(node);
    return new Location(relative(fileOf(node)), line == null ? 0 : line);
  }

  private String at(JsonNode node) {
    return location(node).toString();
  }

  private String relative(Path file) {
    Path base = folder.toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
  }
}
