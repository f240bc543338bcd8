package dev.cicallback.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Telling the format from the first bytes: a UTF-8 byte order mark is skipped, one of UTF-16 or UTF-32 is refused,
 * white space is skipped, {@code <} is XML, the start of any JSON value is JSON (a literal only when it is whole), and
 * anything else is neither. Each is tried at the payload's last byte, where a bound one off would read past it.
 */
class FormatDetectorTest {

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static Optional<PayloadFormat> detect(byte[] bytes) {
    return FormatDetector.detect(bytes, bytes.length);
  }

  @Test
  void a_utf8_byte_order_mark_is_three_bytes_when_all_three_are_there() {
    assertEquals(3, FormatDetector.utf8BomLength(bytes(0xEF, 0xBB, 0xBF), 3));
    assertEquals(3, FormatDetector.utf8BomLength(bytes(0xEF, 0xBB, 0xBF, '{'), 4));
    assertEquals(0, FormatDetector.utf8BomLength(bytes(0xEF, 0xBB, 0xBF), 2));
    assertEquals(0, FormatDetector.utf8BomLength(bytes(0xEF, 0xBB, 0xBE), 3));
    assertEquals(0, FormatDetector.utf8BomLength(bytes(0xEF, 0xBC, 0xBF), 3));
    assertEquals(0, FormatDetector.utf8BomLength(bytes(0xEE, 0xBB, 0xBF), 3));
    assertEquals(0, FormatDetector.utf8BomLength(new byte[0], 0));
  }

  @Test
  void wide_byte_order_marks_are_utf16_either_way_and_utf32_big_endian() {
    assertTrue(FormatDetector.hasWideBom(bytes(0xFE, 0xFF, 0, '<'), 4));
    assertTrue(FormatDetector.hasWideBom(bytes(0xFF, 0xFE, '<', 0), 4));
    assertTrue(FormatDetector.hasWideBom(bytes(0, 0, 0xFE, 0xFF), 4));
    assertTrue(FormatDetector.hasWideBom(bytes(0xFE, 0xFF), 2));
    assertTrue(FormatDetector.hasWideBom(bytes(0xFF, 0xFE), 2));
    assertTrue(FormatDetector.hasWideBom(bytes(0, 0), 2));
  }

  @Test
  void what_is_no_wide_byte_order_mark() {
    assertFalse(FormatDetector.hasWideBom(new byte[0], 0));
    assertFalse(FormatDetector.hasWideBom(bytes(0xFE), 1));
    assertFalse(FormatDetector.hasWideBom(bytes(0xFF), 1));
    assertFalse(FormatDetector.hasWideBom(bytes(0), 1));
    // The second byte is there in the array but not in the payload.
    assertFalse(FormatDetector.hasWideBom(bytes(0xFE, 0xFF), 1));
    assertFalse(FormatDetector.hasWideBom(bytes(0, 0), 1));
    assertFalse(FormatDetector.hasWideBom(bytes(0xFE, 0xFE), 2));
    assertFalse(FormatDetector.hasWideBom(bytes(0xFF, 0xFF), 2));
    assertFalse(FormatDetector.hasWideBom(bytes(0xFE, 0), 2));
    assertFalse(FormatDetector.hasWideBom(bytes(0, 0xFF), 2));
    assertFalse(FormatDetector.hasWideBom(bytes(0, '<'), 2));
    assertFalse(FormatDetector.hasWideBom(bytes('<', 0), 2));
    assertFalse(FormatDetector.hasWideBom(bytes(0xEF, 0xBB, 0xBF), 3));
    assertFalse(FormatDetector.hasWideBom(ascii("{}"), 2));
  }

  @Test
  void the_first_character_after_white_space_and_a_utf8_mark_tells_the_format() {
    assertEquals(Optional.of(PayloadFormat.XML), detect(ascii("<Response/>")));
    assertEquals(Optional.of(PayloadFormat.XML), detect(ascii(" \t\r\n<")));
    assertEquals(Optional.of(PayloadFormat.XML), detect(bytes(0xEF, 0xBB, 0xBF, '<')));
    assertEquals(Optional.of(PayloadFormat.JSON), detect(bytes(0xEF, 0xBB, 0xBF, ' ', '{')));
    for (String start : List.of("{", "[", "\"", "-", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")) {
      assertEquals(Optional.of(PayloadFormat.JSON), detect(ascii("\n " + start)), start);
    }
    for (String other : List.of("x", "T", "'", "+", ".", "#", "\u0000")) {
      assertEquals(Optional.empty(), detect(ascii(" " + other + "{")), other);
    }
    assertEquals(Optional.empty(), detect(ascii("   ")));
    assertEquals(Optional.empty(), detect(new byte[0]));
    assertEquals(Optional.empty(), detect(bytes(0xEF, 0xBB, 0xBF)));
  }

  @Test
  void only_the_first_length_bytes_count() {
    byte[] padded = Arrays.copyOf(ascii("  <"), 10);
    assertEquals(Optional.empty(), FormatDetector.detect(padded, 2));
    assertEquals(Optional.of(PayloadFormat.XML), FormatDetector.detect(padded, 3));
  }

  @Test
  void a_json_literal_at_the_root_is_json_only_when_whole() {
    for (String literal : List.of("true", "false", "null")) {
      assertEquals(Optional.of(PayloadFormat.JSON), detect(ascii(literal)), literal);
      assertEquals(Optional.of(PayloadFormat.JSON), detect(ascii(" " + literal + " ")), literal);
      String cut = literal.substring(0, literal.length() - 1);
      assertEquals(Optional.empty(), detect(ascii(" " + cut)), cut);
      assertEquals(Optional.empty(),
          FormatDetector.detect(ascii(" " + literal), literal.length()), literal + " cut by the length");
    }
    assertEquals(Optional.empty(), detect(ascii("tree")));
    assertEquals(Optional.empty(), detect(ascii("fals")));
    assertEquals(Optional.empty(), detect(ascii("nil")));
  }

  @Test
  void the_validator_names_a_wide_encoding_and_a_payload_of_neither_format() {
    CallbackValidator validator = CallbackValidator.strict();
    Problem utf16 = validator.validate("<Response/>".getBytes(StandardCharsets.UTF_16)).errors().get(0);
    Problem neither = validator.validate(ascii("  hello")).errors().get(0);
    Problem literal = validator.validate(ascii("true")).errors().get(0);

    assertEquals(ProblemCode.ENCODING, utf16.code());
    assertEquals("the payload is UTF-16 or UTF-32; callbacks are UTF-8", utf16.message());
    assertEquals(1, utf16.line());
    assertEquals("the payload is neither XML (starts with '<') nor JSON (starts with '{')", neither.message());
    assertTrue(validator.validate(ascii("true")).format().isPresent(), "true is JSON, though not a callback");
    assertFalse(literal.message().contains("neither"), literal::toString);
  }
}
