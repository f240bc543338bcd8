package dev.cicallback.validator.internal.json.quick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.model.json.Callback;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.core.JsonPointers;
import dev.cicallback.validator.internal.core.PayloadCheck;
import dev.cicallback.validator.internal.json.JsonPayloadValidator;
import dev.cicallback.validator.internal.json.ModelMapper;
import dev.cicallback.validator.internal.json.syntax.LocatedJsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quick verdict is never more lenient than the full evaluator: on every fixture, and on thousands of payloads
 * made by damaging the valid ones one node at a time, a yes from it means the full evaluator finds no problem. Where
 * it says no to a payload the full evaluator accepts, the reason is one of the few it documents.
 */
public class JsonSchemaVerdictTest {

  private static final JsonPayloadValidator FULL = new JsonPayloadValidator(ValidatorOptions.defaults(), true);
  private static final LocatedJsonReader READER = new LocatedJsonReader(ValidatorOptions.defaults());
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Mutations the verdict leaves to the full evaluator by design (see JsonSchemaVerdict). */
  private static final Set<String> DEFERRED_BY_DESIGN =
      Set.of("integer written 5.0", "number with an exponent", "line break appended");

  static List<Path> jsonFixtures() {
    return Fixtures.all("json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonFixtures")
  void agrees_with_the_fixture_name(Path fixture) throws IOException {
    byte[] bytes = Files.readAllBytes(fixture);

    assertEquals(Fixtures.expectsValid(fixture), FULL.passesQuickly(bytes, 0, bytes.length), fixture.toString());
    assertEquals(Fixtures.expectsValid(fixture), FULL.bindQuickly(bytes, 0, bytes.length) != null, "bound quickly");
  }

  @Test
  @Tag("exhaustive") // thousands of payloads or patterns: left out of mutation runs (bin/mutation)
  void is_never_more_lenient_than_the_full_evaluator_on_damaged_payloads() throws Exception {
    Map<String, Integer> deferred = new TreeMap<>();
    int compared = 0;
    for (Path fixture : Fixtures.valid("json")) {
      byte[] bytes = Files.readAllBytes(fixture);
      JsonNode original = READER.read(bytes, 0, bytes.length).tree();
      for (Mutant mutant : mutants(original)) {
        byte[] payload = MAPPER.writeValueAsBytes(mutant.tree());
        boolean quick = FULL.passesQuickly(payload, 0, payload.length);
        Callback bound = FULL.bindQuickly(payload, 0, payload.length);
        PayloadCheck full = FULL.checkFully(payload, 0, payload.length);
        compared++;
        if (quick && !full.problems().isEmpty()) {
          throw new AssertionError(fixture + ": the verdict accepts, the full evaluator does not: " + mutant);
        }
        assertTrue(quick || bound == null, () -> "bound while validating, yet the verdict doubts: " + mutant);
        if (quick) {
          // The two routes to the model, bound while validating and from the full pass's tree, agree (both empty
          // when the model cannot hold a value the schema admits).
          assertEquals(bindOrNull(full.tree()), bound, mutant::toString);
        } else if (full.problems().isEmpty()) {
          deferred.merge(mutant.kind(), 1, Integer::sum);
        }
        if (full.problems().isEmpty()) {
          // One verdict: what validation accepts, the model holds.
          assertTrue(bindOrNull(full.tree()) != null, () -> "valid, yet the model cannot hold it: " + mutant);
        }
      }
    }
    assertTrue(compared > 10_000, "only " + compared + " payloads compared");
    assertTrue(DEFERRED_BY_DESIGN.containsAll(deferred.keySet()), "left to the full evaluator: " + deferred);
  }

  /** The model of {@code tree} as the reader binds it, or null when the model cannot hold one of its values. */
  public static Callback bindOrNull(JsonNode tree) {
    try {
      return ModelMapper.MAPPER.treeToValue(tree, Callback.class);
    } catch (IOException e) {
      return null;
    }
  }

  @Test
  void refuses_to_compile_what_one_pass_cannot_decide() {
    assertRefused("{\"type\": \"string\", \"format\": \"date-time\"}", "JSON_KEYWORD");
    assertRefused("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": [\"string\", \"null\"]}]}", "JSON_UNION");
    assertRefused("{\"$defs\": {\"A\": {}}, \"$ref\": \"#/$defs/A\", \"pattern\": \"^a$\"}", "JSON_REF_WITH_ASSERTIONS");
    assertRefused("{\"enum\": [1, 2]}", "JSON_ENUM_NOT_TEXT");
    assertRefused("{\"type\": \"object\", \"properties\": {}, \"required\": [\"Undeclared\"]}",
        "JSON_REQUIRED_UNDECLARED");
  }

  private static void assertRefused(String schema, String construct) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestVerdicts.of(schema));
    assertTrue(e.getMessage().contains("json/callback.schema.json:1: ") && e.getMessage().contains(construct),
        e.getMessage());
  }

  @Test
  void evaluates_each_keyword_it_knows() {
    String schema = """
        {"$defs": {"Level": {"type": ["string", "integer"], "pattern": "^[0-2]$", "minimum": 0, "maximum": 2},
                   "Item": {"type": "object", "properties": {"A": {"enum": ["x", "y"]}}, "required": ["A"],
                            "additionalProperties": false}},
         "type": "object", "additionalProperties": false,
         "properties": {"Level": {"$ref": "#/$defs/Level"}, "Free": {"type": "object"},
                        "Items": {"oneOf": [{"$ref": "#/$defs/Item"},
                                            {"type": "array", "items": {"$ref": "#/$defs/Item"}, "minItems": 1}]}}}
        """;
    JsonSchemaVerdict verdict = TestVerdicts.of(schema);

    assertTrue(accepts(verdict, "{\"Level\": \"1\", \"Items\": {\"A\": \"x\"}}"));
    assertTrue(accepts(verdict, "{\"Level\": 2, \"Items\": [{\"A\": \"x\"}, {\"A\": \"y\"}]}"));
    assertFalse(accepts(verdict, "{\"Level\": \"3\"}"), "pattern");
    assertFalse(accepts(verdict, "{\"Level\": 3}"), "maximum");
    assertFalse(accepts(verdict, "{\"Level\": true}"), "type");
    assertFalse(accepts(verdict, "{\"Level\": 1.0}"), "an integer with a fraction is left to the full evaluator");
    assertFalse(accepts(verdict, "{\"Items\": {\"A\": \"z\"}}"), "enum");
    assertFalse(accepts(verdict, "{\"Items\": {}}"), "required");
    assertFalse(accepts(verdict, "{\"Items\": []}"), "minItems");
    assertFalse(accepts(verdict, "{\"Items\": [{\"A\": \"x\", \"B\": 1}]}"), "additionalProperties in items");
    assertFalse(accepts(verdict, "{\"Other\": 1}"), "additionalProperties");
    assertFalse(accepts(verdict, "{\"Level\": \"1\"} {}"), "content after the document");
    assertFalse(accepts(verdict, "{\"Level\": \"1\", \"Level\": \"1\"}"), "a duplicate name");
    assertFalse(accepts(verdict, "{\"Items\": [{\"A\": \"x\", \"A\": \"y\"}]}"), "a duplicate name in an item");
    assertTrue(accepts(verdict, "{\"Free\": {\"a\": 1, \"b\": {\"a\": 1}}}"), "any members, each once");
    assertFalse(accepts(verdict, "{\"Free\": {\"a\": 1, \"b\": 2, \"a\": 3}}"), "a duplicate name, no members declared");
    assertFalse(accepts(verdict, "{\"Items\": {\"A\": \"\\ud800\"}}"), "a lone surrogate");
    assertFalse(accepts(verdict, "{\"Items\": {\"A\": \"x\"}"), "not closed");
    assertFalse(accepts(verdict, ""), "empty");
  }

  @Test
  void keeps_objects_of_more_than_64_members_one_bit_each() throws IOException {
    // 130 members: three words. Required ones in the first and the last word; exactly one of M064 and M129.
    StringBuilder properties = new StringBuilder();
    for (int i = 0; i < 130; i++) {
      properties.append(i == 0 ? "" : ", ").append(String.format("\"M%03d\": {\"type\": \"string\"}", i));
    }
    String schema = "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {" + properties
        + "}, \"required\": [\"M000\", \"M063\", \"M128\"],"
        + " \"oneOf\": [{\"required\": [\"M064\"]}, {\"required\": [\"M129\"]}]}";
    JsonSchemaVerdict verdict = TestVerdicts.of(schema);
    String required = "\"M000\": \"a\", \"M063\": \"b\", \"M128\": \"c\"";

    assertTrue(accepts(verdict, "{" + required + ", \"M064\": \"d\"}"));
    assertTrue(accepts(verdict, "{" + required + ", \"M129\": \"d\", \"M100\": \"e\"}"));
    assertFalse(accepts(verdict, "{\"M000\": \"a\", \"M063\": \"b\", \"M064\": \"d\"}"), "M128 missing");
    assertFalse(accepts(verdict, "{\"M000\": \"a\", \"M128\": \"c\", \"M064\": \"d\"}"), "M063 missing");
    assertFalse(accepts(verdict, "{" + required + "}"), "none of the exactly-one-of members");
    assertFalse(accepts(verdict, "{" + required + ", \"M064\": \"d\", \"M129\": \"d\"}"), "both of them");
    assertFalse(accepts(verdict, "{" + required + ", \"M064\": \"d\", \"M100\": \"e\", \"M100\": \"e\"}"),
        "a member of the second word twice");
    assertFalse(accepts(verdict, "{" + required + ", \"M064\": \"d\", \"M130\": \"e\"}"), "undeclared");
    // An object nested in an array of such objects starts with no member seen.
    String nested = "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"Items\": "
        + "{\"type\": \"array\", \"items\": " + schema + "}}}";
    JsonSchemaVerdict inArray = TestVerdicts.of(nested);
    String item = "{" + required + ", \"M064\": \"d\"}";
    assertTrue(accepts(inArray, "{\"Items\": [" + item + ", " + item + "]}"), "each item's members seen afresh");
    // What the build writes into the jar gives the same verdicts.
    JsonSchemaVerdict reread =
        JsonSchemaVerdictFile.read(new java.io.ByteArrayInputStream(JsonSchemaVerdictFile.write(verdict)));
    assertTrue(accepts(reread, "{" + required + ", \"M064\": \"d\"}"));
    assertFalse(accepts(reread, "{" + required + ", \"M064\": \"d\", \"M129\": \"d\"}"), "both, reread");
    assertFalse(accepts(reread, "{\"M000\": \"a\", \"M063\": \"b\", \"M064\": \"d\"}"), "M128, reread");
  }

  @Test
  void a_map_of_text_values_takes_any_member_once_holding_a_string() throws Exception {
    String schema = """
        {"type": "object", "additionalProperties": false,
         "properties": {"CosHeaders": {"type": "object", "additionalProperties": {"type": "string"}}}}
        """;
    JsonSchemaVerdict compiled = TestVerdicts.of(schema);
    // The same verdict once written to the build's compiled form and read back.
    JsonSchemaVerdict packaged = JsonSchemaVerdictFile.read(
        new java.io.ByteArrayInputStream(JsonSchemaVerdictFile.write(compiled)));
    for (JsonSchemaVerdict verdict : List.of(compiled, packaged)) {
      assertTrue(accepts(verdict, "{\"CosHeaders\": {\"x-cos-meta-id\": \"1\", \"x-cos-meta-b\": \"\"}}"));
      assertTrue(accepts(verdict, "{\"CosHeaders\": {}}"));
      assertFalse(accepts(verdict, "{\"CosHeaders\": {\"x-cos-meta-id\": 1}}"), "a number");
      assertFalse(accepts(verdict, "{\"CosHeaders\": {\"x\": {\"y\": \"1\"}}}"), "an object");
      assertFalse(accepts(verdict, "{\"CosHeaders\": {\"x\": \"1\", \"x\": \"2\"}}"), "a duplicate name");
      assertFalse(accepts(verdict, "{\"CosHeaders\": [\"x\"]}"), "an array");
    }
  }

  private static boolean accepts(JsonSchemaVerdict verdict, String payload) {
    byte[] bytes = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (var parser = READER.parser(bytes, 0, bytes.length)) {
      return verdict.accepts(parser, ValidatorOptions.defaults());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }


  /** A damaged copy of a payload, with what was done and where. */
  private record Mutant(String kind, String pointer, JsonNode tree) {
    @Override
    public String toString() {
      return kind + " at " + pointer + ": " + tree;
    }
  }

  /** Every node in turn replaced, removed, wrapped or joined by an unknown sibling. */
  private static List<Mutant> mutants(JsonNode root) {
    List<Mutant> mutants = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    collect(root, "", pointers);
    Map<String, JsonNode> replacements = new TreeMap<>();
    replacements.put("text x", NODES.textNode("x"));
    replacements.put("empty text", NODES.textNode(""));
    replacements.put("dash", NODES.textNode("-"));
    replacements.put("digit text", NODES.textNode("5"));
    replacements.put("negative text", NODES.textNode("-11"));
    replacements.put("timestamp", NODES.textNode("2022-06-30T19:33:18+0800"));
    replacements.put("timestamp of no real day", NODES.textNode("2022-02-30T19:33:18+0800"));
    replacements.put("workflow timestamp", NODES.textNode("2022-08-09 14:54:17+0800"));
    replacements.put("integer 5", NODES.numberNode(5));
    replacements.put("integer 1000", NODES.numberNode(1000));
    replacements.put("integer written 5.0", NODES.numberNode(new BigDecimal("5.0")));
    replacements.put("fraction 2.5", NODES.numberNode(new BigDecimal("2.5")));
    replacements.put("number with an exponent", NODES.numberNode(new BigDecimal("5E+1")));
    replacements.put("true", NODES.booleanNode(true));
    replacements.put("null", NODES.nullNode());
    replacements.put("empty object", NODES.objectNode());
    replacements.put("empty array", NODES.arrayNode());
    for (String pointer : pointers) {
      JsonNode node = root.at(pointer);
      for (Map.Entry<String, JsonNode> replacement : replacements.entrySet()) {
        mutants.add(edit(root, pointer, replacement.getKey(), old -> replacement.getValue()));
      }
      if (node.isTextual()) {
        mutants.add(edit(root, pointer, "line break appended", old -> NODES.textNode(old.textValue() + "\n")));
      }
      if (node.isIntegralNumber()) {
        mutants.add(
            edit(root, pointer, "integer written 5.0", old -> NODES.numberNode(new BigDecimal(old.asText() + ".0"))));
      }
      mutants.add(edit(root, pointer, "wrapped in an array", old -> NODES.arrayNode().add(old.deepCopy())));
      if (node.isArray() && node.size() == 1) {
        mutants.add(edit(root, pointer, "single element unwrapped", old -> old.get(0).deepCopy()));
      }
      if (node.isArray() && node.size() > 0) {
        mutants.add(edit(root, pointer, "first element repeated", old -> ((ArrayNode) old.deepCopy()).add(old.get(0))));
      }
      if (node.isObject()) {
        mutants.add(edit(root, pointer, "unknown member added", old -> ((ObjectNode) old.deepCopy()).put("Zz", "1")));
      }
      if (!pointer.isEmpty() && !pointer.matches(".*/\\d+$")) {
        mutants.add(edit(root, pointer, "removed", old -> null));
      }
    }
    return mutants;
  }

  private static void collect(JsonNode node, String pointer, List<String> pointers) {
    pointers.add(pointer);
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        collect(node.get(name), JsonPointers.child(pointer, name), pointers);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), JsonPointers.child(pointer, i), pointers);
      }
    }
  }

  /** A copy of {@code root} with the node at {@code pointer} replaced by {@code change(old)}, or removed if null. */
  private static Mutant edit(JsonNode root, String pointer, String kind, Function<JsonNode, JsonNode> change) {
    JsonNode copy = root.deepCopy();
    JsonNode replacement = change.apply(copy.at(pointer));
    if (pointer.isEmpty()) {
      return new Mutant(kind, pointer, replacement == null ? NODES.nullNode() : replacement);
    }
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent.isObject()) {
      if (replacement == null) {
        ((ObjectNode) parent).remove(last);
      } else {
        ((ObjectNode) parent).set(last, replacement);
      }
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), replacement);
    }
    return new Mutant(kind, pointer, copy);
  }

}
