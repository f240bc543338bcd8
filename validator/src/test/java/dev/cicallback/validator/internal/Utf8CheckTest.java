package dev.cicallback.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte loop that says whether a payload is UTF-8 agrees with the JDK's strict decoder, byte for byte. */
class Utf8CheckTest {

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  private boolean decodes(byte[] bytes) {
    try {
      decoder.reset().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private void agree(byte[] bytes) {
    boolean expected = decodes(bytes);
    if (Utf8Check.isUtf8(bytes, bytes.length) != expected) {
      throw new AssertionError("disagree on " + java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
    }
  }

  @Test
  void agrees_with_the_decoder_on_every_sequence_of_one_and_two_bytes() {
    for (int a = 0; a < 256; a++) {
      agree(new byte[] {(byte) a});
      for (int b = 0; b < 256; b++) {
        agree(new byte[] {(byte) a, (byte) b});
      }
    }
  }

  /** Byte values on each side of every range boundary a continuation byte has. */
  private static final int[] EDGES = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};

  @Test
  void agrees_on_three_byte_sequences_with_every_second_byte() {
    for (int a = 0xC0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        for (int c : EDGES) {
          agree(new byte[] {(byte) a, (byte) b, (byte) c});
        }
      }
    }
  }

  @Test
  void agrees_on_four_byte_sequences_around_every_boundary() {
    int[] edges = EDGES;
    for (int a = 0xE0; a < 256; a++) {
      for (int b : edges) {
        for (int c : edges) {
          for (int d : edges) {
            agree(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
          }
        }
      }
    }
  }

  @Test
  void agrees_on_random_text_with_damage() {
    Random random = new Random(20261127);
    String sample = "<JobId>j1</JobId> 语音合成 \uD83D\uDE00 ok";
    byte[] good = sample.getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = good.clone();
      int damage = random.nextInt(3);
      for (int k = 0; k < damage; k++) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      byte[] cut = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      agree(cut);
    }
  }

  @Test
  void problems_place_the_first_bad_byte() {
    byte[] bytes = "ok\nab\u00E9".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 1] = (byte) 0x41; // é's continuation byte replaced

    var problems = Utf8Check.problems(bytes, bytes.length);

    assertEquals(1, problems.size());
    assertEquals(2, problems.get(0).line());
    assertEquals(3, problems.get(0).column(), "columns count from 1 after the line feed");
    assertTrue(problems.get(0).message().startsWith("invalid UTF-8 at byte 5 (0xC3)"), problems.get(0).message());
    assertTrue(Utf8Check.problems(good(), good().length).isEmpty());
  }

  @Test
  void columns_count_characters_a_surrogate_pair_as_one() {
    // Line 3 after two line feeds; 'a', an emoji (four bytes, two UTF-16 units), '你' (three bytes), then the bad
    // byte, in column 4.
    byte[] text = "x\n\na\uD83D\uDE00\u4F60".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(text, text.length + 1);
    bytes[text.length] = (byte) 0xFF;

    var problem = Utf8Check.problems(bytes, bytes.length).get(0);

    assertEquals(3, problem.line());
    assertEquals(4, problem.column());
    assertEquals("invalid UTF-8 at byte " + text.length + " (0xFF); callbacks are UTF-8", problem.message());
  }

  private static byte[] good() {
    return "<Response>语音</Response>".getBytes(StandardCharsets.UTF_8);
  }
}
