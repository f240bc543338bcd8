package dev.cicallback.validator.internal.json.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.validator.ValidatorOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each kind of JSON syntax error the parser reports is put in the bundle's words, with what it found. */
class JsonSyntaxMessagesTest {

  private static final LocatedJsonReader READER = new LocatedJsonReader(ValidatorOptions.defaults());

  private static String message(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return assertThrows(LocatedJsonReader.JsonSyntaxError.class, () -> READER.readLocated(bytes, 0, bytes.length))
        .problem.message();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"a\": 1]          | found ']' but the object being read is not closed: '}' is missing before it",
      "[1}                 | found '}' but the array being read is not closed: ']' is missing before it",
      "{\"a\": 1, \"a\": 2} | the name \"a\" occurs twice in the same object",
      "{\"a\": tru}        | unknown word 'tru' (strings need double quotes; true, false and null are the only words)",
      "{\"a\": NaN}        | NaN is not a JSON number",
      "{\"a\": 01}         | a number may not start with 0 (write 1, not 01)",
      "{\"a\": 1 /* c */}  | comments are not JSON",
      "{\"a\":             | the payload ends before the JSON document is complete",
      "{\"a\" 1}           | unexpected character '1'",
      "{\"a\": 1 \"b\": 2}  | unexpected character '\"'"})
  void each_syntax_error_is_worded(String json, String words) {
    String message = message(json.strip());
    assertTrue(message.contains(words), message);
  }

  @Test
  void a_control_character_in_a_string_names_its_code() {
    String message = message("{\"a\": \"x\u0001y\"}");
    assertTrue(message.contains("a control character (code 1) in a string"), message);
  }

  @Test
  void a_message_the_bundle_has_no_words_for_is_shown_by_its_first_line() {
    assertEquals("unreadable input", JsonSyntaxMessages.describe(null));
    assertEquals("Something else", JsonSyntaxMessages.describe("Something else\n at [Source: x]"));
    assertEquals("", JsonSyntaxMessages.describe("\nonly a second line"));
    assertEquals("Something else", JsonSyntaxMessages.describe("Something else"));
  }
}
