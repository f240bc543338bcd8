package dev.cicallback.validator.internal.json.quick;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.json.syntax.LocatedJsonReader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Whichever way a reader moves through the document, the quick pass sees every token. */
class ValidatingJsonParserTest {

  private static final LocatedJsonReader READER = new LocatedJsonReader(ValidatorOptions.defaults());
  private static final String SCHEMA = """
      {"type": "object", "additionalProperties": false, "required": ["A"],
       "properties": {"A": {"type": "object", "additionalProperties": false,
                            "properties": {"B": {"type": "string"}}},
                      "C": {"type": "array", "items": {"type": "integer"}}}}
      """;
  private static final JsonSchemaVerdict VERDICT = TestVerdicts.of(SCHEMA);

  @Test
  void overrides_every_way_a_reader_moves_through_the_document() {
    for (Method method : JsonParser.class.getMethods()) {
      if (method.getName().startsWith("next") || method.getName().equals("skipChildren")) {
        assertDoesNotThrow(
            () -> ValidatingJsonParser.class.getDeclaredMethod(method.getName(), method.getParameterTypes()),
            () -> "JsonParser." + method.getName() + " would pass tokens by the quick pass");
      }
    }
  }

  @Test
  void the_typed_next_methods_read_through_the_quick_pass() throws IOException {
    ValidatingJsonParser parser = parser("{\"A\": {\"B\": \"x\"}, \"C\": [1, 2]}");
    parser.nextToken();

    assertTrue(parser.nextFieldName(new SerializedString("A")));
    assertEquals(JsonToken.START_OBJECT, parser.nextToken());
    assertEquals("B", parser.nextFieldName());
    assertEquals("x", parser.nextTextValue());
    assertEquals(JsonToken.END_OBJECT, parser.nextToken());
    assertEquals("C", parser.nextFieldName());
    assertEquals(JsonToken.START_ARRAY, parser.nextToken());
    assertEquals(1, parser.nextIntValue(-1));
    assertEquals(2L, parser.nextLongValue(-1L));
    assertEquals(null, parser.nextBooleanValue());
    assertEquals(JsonToken.END_OBJECT, parser.nextToken());
    assertTrue(parser.conforms());
  }

  @Test
  void a_typed_next_method_meets_the_quick_pass_doubt() throws IOException {
    ValidatingJsonParser parser = parser("{\"C\": [true]}");
    parser.nextToken();
    parser.nextFieldName();
    parser.nextToken();

    assertThrows(ValidatingJsonParser.Doubt.class, parser::nextBooleanValue, "an item that is not an integer");
  }

  @Test
  void a_conforming_document_read_token_by_token_conforms() throws IOException {
    ValidatingJsonParser parser = parser("{\"A\": {\"B\": \"x\"}, \"C\": [1, 2]}");
    int tokens = 0;
    while (parser.nextToken() != null) {
      tokens++;
    }

    assertEquals(12, tokens);
    assertTrue(parser.conforms());
  }

  @Test
  void skipping_children_still_shows_them_to_the_quick_pass() throws IOException {
    ValidatingJsonParser parser = parser("{\"A\": {\"B\": 1}}");
    parser.nextToken(); // {
    parser.nextToken(); // "A"
    assertEquals(JsonToken.START_OBJECT, parser.nextToken());

    assertThrows(ValidatingJsonParser.Doubt.class, parser::skipChildren, "B is a number, not a string");
  }

  @Test
  void skipping_conforming_children_reads_to_their_end() throws IOException {
    ValidatingJsonParser parser = parser("{\"A\": {\"B\": \"x\"}, \"C\": [1]}");
    parser.nextToken();
    parser.nextToken();
    parser.nextToken();
    parser.skipChildren();

    assertEquals(JsonToken.END_OBJECT, parser.currentToken());
    assertEquals("C", parser.nextFieldName());
    assertEquals(JsonToken.START_ARRAY, parser.nextToken());
    assertEquals(JsonToken.VALUE_NUMBER_INT, parser.nextValue());
    parser.skipChildren(); // a scalar: nothing to skip
    assertEquals(JsonToken.END_ARRAY, parser.nextToken());
    assertEquals(JsonToken.END_OBJECT, parser.nextToken());
    assertTrue(parser.conforms());
  }

  @Test
  void a_name_asked_for_is_matched_exactly_and_skipping_gives_the_same_parser() throws IOException {
    ValidatingJsonParser parser = parser("{\"A\": {\"B\": \"x\"}, \"C\": [1]}");
    parser.nextToken();

    assertFalse(parser.nextFieldName(new SerializedString("C")), "the next name is A");
    assertFalse(parser.nextFieldName(new SerializedString("A")), "the next token is no name");
    assertSame(parser, parser.skipChildren(), "skipping an object");
    assertTrue(parser.nextFieldName(new SerializedString("C")));
    assertEquals(JsonToken.START_ARRAY, parser.nextToken());
    assertEquals(JsonToken.VALUE_NUMBER_INT, parser.nextToken());
    assertSame(parser, parser.skipChildren(), "skipping a scalar");
  }

  @Test
  void next_value_and_next_field_name_go_through_the_quick_pass() throws IOException {
    ValidatingJsonParser parser = parser("{\"C\": [1, \"two\"], \"A\": {}}");
    parser.nextToken();
    assertEquals(JsonToken.START_ARRAY, parser.nextValue());
    parser.nextToken();

    assertThrows(ValidatingJsonParser.Doubt.class, parser::nextValue, "an item that is not an integer");
  }

  @Test
  void a_missing_member_or_content_after_the_document_does_not_conform() throws IOException {
    ValidatingJsonParser missing = parser("{\"C\": []}");
    ValidatingJsonParser trailing = parser("{\"A\": {}} {\"A\": {}}");
    new ObjectMapper().readTree(trailing); // a binder reads the first document only

    assertThrows(ValidatingJsonParser.Doubt.class, () -> readAll(missing), "A is required");
    assertThrows(ValidatingJsonParser.Doubt.class, trailing::conforms);
  }

  @Test
  void a_document_cut_short_does_not_conform() throws IOException {
    ValidatingJsonParser parser = parser("{\"A\": {}");
    parser.nextToken();
    parser.nextToken();
    parser.nextToken();
    parser.nextToken();

    assertThrows(IOException.class, parser::conforms, "the parser refuses the end of input");
  }

  @Test
  void a_binder_reading_the_parser_is_stopped_at_the_first_doubt() {
    ValidatingJsonParser parser = parser("{\"A\": {\"B\": \"x\", \"D\": 1}}");

    IOException stopped = assertThrows(IOException.class, () -> new ObjectMapper().readTree(parser));
    assertTrue(stopped instanceof ValidatingJsonParser.Doubt || stopped.getCause() instanceof ValidatingJsonParser.Doubt,
        stopped.toString());
  }

  private static void readAll(ValidatingJsonParser parser) throws IOException {
    while (parser.nextToken() != null) {
      // read on
    }
  }

  private static ValidatingJsonParser parser(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try {
      return new ValidatingJsonParser(
          READER.parser(bytes, 0, bytes.length), VERDICT.walk(ValidatorOptions.defaults()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
