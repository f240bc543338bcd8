package dev.cicallback.validator.internal.json.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.core.TextPosition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON reader on its own, as the packaged schemas and the full pass use it: the tree it reads is the document's
 * (every kind of value, at every place), the positions it records are where each value and name starts, a syntax
 * error is placed even by the read that records no positions, and text is whole characters.
 */
class LocatedJsonReaderTest {

  private static final LocatedJsonReader READER = new LocatedJsonReader(ValidatorOptions.defaults());
  /** Jackson's own tree, with numbers as the reader holds them: exact, whatever their size. */
  private static final ObjectMapper JSON =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  static List<Path> jsonFixtures() {
    return Fixtures.valid("json");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Problem error(LocatedJsonReader reader, String json) {
    byte[] bytes = utf8(json);
    return assertThrows(LocatedJsonReader.JsonSyntaxError.class, () -> reader.readLocated(bytes, 0, bytes.length))
        .problem;
  }

  private static Problem error(String json) {
    return error(READER, json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonFixtures")
  void both_reads_give_the_tree_jackson_reads(Path fixture) throws Exception {
    byte[] bytes = Fixtures.read(fixture);
    JsonNode expected = JSON.readTree(bytes);

    assertEquals(expected, READER.read(bytes, 0, bytes.length).tree());
    assertEquals(expected, READER.readLocated(bytes, 0, bytes.length).tree());
  }

  @Test
  void every_kind_of_value_is_read_as_it_is() throws Exception {
    String json = "{\"s\": \"text\", \"i\": -12, \"big\": 123456789012345678901234567890, \"d\": 1.50,"
        + " \"e\": 2e3, \"t\": true, \"f\": false, \"n\": null, \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}}";
    byte[] bytes = utf8(json);

    JsonNode tree = READER.readLocated(bytes, 0, bytes.length).tree();

    assertEquals("text", tree.get("s").textValue());
    assertEquals(-12, tree.get("i").intValue());
    assertEquals(new java.math.BigInteger("123456789012345678901234567890"), tree.get("big").bigIntegerValue());
    assertEquals(new java.math.BigDecimal("1.50"), tree.get("d").decimalValue());
    assertEquals(new java.math.BigDecimal("2e3"), tree.get("e").decimalValue());
    assertTrue(tree.get("t").isBoolean() && tree.get("t").booleanValue());
    assertTrue(tree.get("f").isBoolean() && !tree.get("f").booleanValue());
    assertTrue(tree.get("n").isNull());
    assertEquals(JSON.readTree("[1, [], {}]"), tree.get("a"));
    assertEquals("v", tree.get("o").get("k").textValue());
  }

  @Test
  void positions_of_values_and_names_are_where_they_start() throws Exception {
    String json = "{\n  \"a\": [10,\n    {\"b\": \"x\"}],\n  \"c\": true\n}";
    byte[] bytes = utf8(json);

    LocatedJson located = READER.readLocated(bytes, 0, bytes.length);

    assertEquals(new TextPosition(1, 1), located.valueStarts().get(""));
    assertEquals(new TextPosition(2, 3), located.nameStarts().get("/a"));
    assertEquals(new TextPosition(2, 8), located.valueStarts().get("/a"));
    assertEquals(new TextPosition(2, 9), located.valueStarts().get("/a/0"));
    assertEquals(new TextPosition(3, 5), located.valueStarts().get("/a/1"));
    assertEquals(new TextPosition(3, 6), located.nameStarts().get("/a/1/b"));
    assertEquals(new TextPosition(3, 11), located.valueStarts().get("/a/1/b"));
    assertEquals(new TextPosition(4, 3), located.positionOf("/c"));
    assertEquals(new TextPosition(4, 8), located.valueStarts().get("/c"));
    assertEquals(TextPosition.NONE, located.positionOf("/nothing"));
    assertEquals(List.of("", "/a", "/a/0", "/a/1", "/a/1/b", "/c"),
        located.valueStarts().keySet().stream().sorted().toList());
  }

  @Test
  void the_read_without_positions_records_none() throws Exception {
    byte[] bytes = utf8("{\"a\": [1]}");

    LocatedJson read = READER.read(bytes, 0, bytes.length);

    assertTrue(read.valueStarts().isEmpty() && read.nameStarts().isEmpty(), read::toString);
  }

  @Test
  void the_read_without_positions_still_places_a_syntax_error() {
    byte[] bytes = utf8("{\n  \"a\": [1,\n  }\n}");

    Problem problem =
        assertThrows(LocatedJsonReader.JsonSyntaxError.class, () -> READER.read(bytes, 0, bytes.length)).problem;

    assertEquals(error("{\n  \"a\": [1,\n  }\n}"), problem);
    assertEquals(3, problem.line());
    assertEquals(3, problem.column());
    assertEquals("/a", problem.location());
    assertTrue(problem.message().endsWith(" (inside the array a opened at line 2, column 8)"), problem.message());
  }

  @Test
  void a_syntax_error_names_the_container_being_read() {
    Problem inObject = error("{\"a\": {\"b\" 1}}");
    Problem atRoot = error("{\"a\" 1}");
    Problem inRootArray = error("[1 2]");

    assertTrue(inObject.message().endsWith(" (inside the object a opened at line 1, column 7)"), inObject.message());
    assertEquals("/a", inObject.location());
    assertTrue(atRoot.message().endsWith(" (inside the object at the root opened at line 1, column 1)"),
        atRoot.message());
    assertEquals("", atRoot.location());
    assertTrue(inRootArray.message().endsWith(" (inside the array at the root opened at line 1, column 1)"),
        inRootArray.message());
  }

  @Test
  void an_error_after_the_document_is_placed_without_a_container() {
    Problem garbage = error("{\"a\": 1}\n x");
    Problem second = error("{\"a\": 1} {}");

    assertEquals(ProblemCode.SYNTAX, garbage.code());
    assertTrue(garbage.message().startsWith("not valid JSON: "), garbage.message());
    assertFalse(garbage.message().contains("inside"), garbage.message());
    assertEquals(2, garbage.line());
    assertEquals(2, garbage.column());
    assertEquals("", garbage.location());
    assertEquals("not valid JSON: content after the end of the document (a callback is one JSON object)",
        second.message());
    assertEquals(new TextPosition(1, 10), new TextPosition(second.line(), second.column()));
  }

  @Test
  void an_empty_document_is_refused() {
    Problem empty = error("  ");

    assertEquals("not valid JSON: the payload is empty", empty.message());
    assertEquals(ProblemCode.SYNTAX, empty.code());
  }

  @Test
  void a_lone_surrogate_in_a_value_is_refused_with_its_place() {
    Problem alone = error("{\"a\": \"x\\uD800\"}");
    Problem beforeText = error("{\"a\": 1,\n \"b\": \"\\uDC01b\"}");

    assertEquals(ProblemCode.ENCODING, alone.code());
    assertEquals("text holds a lone surrogate \\uD800, which is not a Unicode character", alone.message());
    assertEquals(new TextPosition(1, 7), new TextPosition(alone.line(), alone.column()));
    assertEquals("/a", alone.location());
    assertEquals("text holds a lone surrogate \\uDC01, which is not a Unicode character", beforeText.message());
    assertEquals(new TextPosition(2, 7), new TextPosition(beforeText.line(), beforeText.column()));
    assertEquals("/b", beforeText.location());
  }

  @Test
  void a_lone_surrogate_in_a_name_is_refused_by_the_parser_itself() {
    for (String name : List.of("\\uD800", "\\uD800b", "a\\uDC00")) {
      Problem problem = error("{\"" + name + "\": 1}");

      assertEquals(ProblemCode.SYNTAX, problem.code(), problem::toString);
      assertTrue(problem.message().contains("surrogate"), problem::toString);
      assertEquals(1, problem.line());
    }
  }

  @Test
  void whole_characters_are_pairs_of_surrogates_or_none() {
    assertTrue(LocatedJsonReader.wholeCharacters(""));
    assertTrue(LocatedJsonReader.wholeCharacters("plain 你好"));
    assertTrue(LocatedJsonReader.wholeCharacters("\uD83D\uDE00"));
    assertTrue(LocatedJsonReader.wholeCharacters("a\uD83D\uDE00\uD83D\uDE00b"));
    assertFalse(LocatedJsonReader.wholeCharacters("\uD800"));
    assertFalse(LocatedJsonReader.wholeCharacters("a\uD800"));
    assertFalse(LocatedJsonReader.wholeCharacters("\uD800a"));
    assertFalse(LocatedJsonReader.wholeCharacters("\uDC00"));
    assertFalse(LocatedJsonReader.wholeCharacters("\uDE00\uD83D"));
    assertFalse(LocatedJsonReader.wholeCharacters("\uD83D\uD83D"));
    assertFalse(LocatedJsonReader.wholeCharacters("\uD83D\uDE00\uDE00"));
  }

  @Test
  void a_document_longer_than_the_size_limit_is_refused_by_the_reader_itself() {
    // The pipeline refuses it first; the reader holds the limit when used alone.
    LocatedJsonReader small = new LocatedJsonReader(ValidatorOptions.builder().maxBytes(10).build());

    Problem problem = error(small, "{\"a\": \"" + "x".repeat(20) + "\"}");

    assertTrue(problem.message().startsWith("not valid JSON: "), problem.message());
    assertTrue(problem.message().contains("(29) exceeds the maximum allowed (10"), problem.message());
  }
}
