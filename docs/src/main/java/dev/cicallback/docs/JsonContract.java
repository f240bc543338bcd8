package dev.cicallback.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The JSON Schema side of the contract: how the JSON form writes each node, and every property it declares. */
final class JsonContract {

  /** A property schema with the file it lives in, its {@code $ref}s followed. */
  record Property(String file, JsonNode declared, JsonNode resolved, boolean oneOrMany) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The entry schema the documentation describes. */
  static final String ENTRY = "callback.schema.json";
  private final Path dir;
  private final Map<String, JsonNode> files = new HashMap<>();

  JsonContract(Path jsonDir) {
    this.dir = jsonDir;
  }

  /** The property at a path of names below the root object, or null when the JSON Schema does not declare it. */
  Property property(List<String> names) {
    String file = ENTRY;
    JsonNode schema = file(file);
    Property current = new Property(file, schema, schema, false);
    for (String name : names) {
      JsonNode declared = current.resolved().path("properties").get(name);
      if (declared == null) {
        return null;
      }
      current = resolve(current.file(), declared);
    }
    return current;
  }

  /** Every property path (names below the root object) the JSON Schema declares, with its declaration. */
  Map<List<String>, JsonNode> allProperties() {
    Map<List<String>, JsonNode> all = new java.util.LinkedHashMap<>();
    collect(List.of(), resolve(ENTRY, file(ENTRY)), all);
    return all;
  }

  private void collect(List<String> path, Property property, Map<List<String>, JsonNode> into) {
    JsonNode properties = property.resolved().path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      List<String> child = new ArrayList<>(path);
      child.add(entry.getKey());
      into.put(child, entry.getValue());
      collect(child, resolve(property.file(), entry.getValue()), into);
    }
  }

  /** "object", "string or number", ... : how the JSON form writes the node. */
  String form(Property property, boolean required) {
    JsonNode node = property.resolved();
    String single;
    if (node.has("properties")) {
      single = "object";
    } else {
      JsonNode type = node.path("type");
      single = type.isArray() && type.size() > 1 ? "string or number" : "string";
    }
    String form = property.oneOrMany()
        ? single + ", or an array of " + (single.equals("object") ? "objects" : "them") + " (both occur)"
        : single;
    return required ? form : form + "; left out when empty";
  }

  private Property resolve(String file, JsonNode declared) {
    JsonNode node = declared;
    boolean oneOrMany = false;
    JsonNode oneOf = node.get("oneOf");
    if (oneOf != null && oneOf.size() == 2 && "array".equals(oneOf.get(1).path("type").asText())) {
      node = oneOf.get(0);
      oneOrMany = true;
    }
    String currentFile = file;
    while (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      int hash = ref.indexOf('#');
      String target = hash < 0 ? ref : ref.substring(0, hash);
      currentFile = target.isEmpty() ? currentFile : target;
      String pointer = hash < 0 ? "" : ref.substring(hash + 1);
      node = pointer.isEmpty() ? file(currentFile) : file(currentFile).at(pointer);
    }
    return new Property(currentFile, declared, node, oneOrMany);
  }

  private JsonNode file(String name) {
    return files.computeIfAbsent(name, n -> {
      try {
        return MAPPER.readTree(dir.resolve(n).toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
