package dev.cicallback.validator;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Callbacks are UTF-8: finds the first byte sequence that is not, with its line and column. */
final class Utf8Check {

  private Utf8Check() {}

  static List<Problem> problems(byte[] bytes, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(8192);
    int line = 1;
    int column = 1;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      out.flip();
      while (out.hasRemaining()) {
        char c = out.get();
        if (c == '\n') {
          line++;
          column = 1;
        } else if (!Character.isLowSurrogate(c)) {
          column++;
        }
      }
      out.clear();
      if (result.isError()) {
        return List.of(
            new Problem(
                Severity.ERROR,
                String.format(
                    "invalid UTF-8 at byte %d (0x%02X); callbacks are UTF-8", in.position(), bytes[in.position()] & 0xFF),
                line,
                column,
                ""));
      }
      if (result.isUnderflow()) {
        try {
          decoder.flush(out);
        } catch (IllegalStateException e) {
          // Already flushed.
        }
        return List.of();
      }
    }
  }

}
