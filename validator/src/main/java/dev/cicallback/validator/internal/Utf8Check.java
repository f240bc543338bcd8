package dev.cicallback.validator.internal;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.Text;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Callbacks are UTF-8: finds the first byte sequence that is not, with its line and column. */
public final class Utf8Check {

  /** Eight bytes of an array read as one little-endian long, to test them for ASCII at once. */
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8Check() {}

  public static List<Problem> problems(byte[] bytes, int length) {
    return isUtf8(bytes, length) ? List.of() : locate(bytes, length);
  }

  /**
   * Whether the first {@code length} bytes are well-formed UTF-8 (RFC 3629: shortest form, no surrogates, at most
   * U+10FFFF). A plain loop over the bytes: decoding into characters only to find where the first bad byte is.
   */
  public static boolean isUtf8(byte[] bytes, int length) {
    int i = 0;
    while (i < length) {
      // Runs of ASCII, most of a callback, eight bytes at a time: no byte with its high bit set.
      while (i + 8 <= length && ((long) EIGHT_BYTES.get(bytes, i) & HIGH_BITS) == 0) {
        i += 8;
      }
      if (i >= length) {
        break;
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      int continuations;
      int low = 0x80;
      int high = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        continuations = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        continuations = 2;
        if (b == 0xE0) {
          low = 0xA0; // shorter forms are overlong
        } else if (b == 0xED) {
          high = 0x9F; // U+D800..U+DFFF are surrogates
        }
      } else if (b >= 0xF0 && b <= 0xF4) {
        continuations = 3;
        if (b == 0xF0) {
          low = 0x90; // overlong
        } else if (b == 0xF4) {
          high = 0x8F; // beyond U+10FFFF
        }
      } else {
        return false;
      }
      if (i + continuations >= length) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < low || second > high) {
        return false;
      }
      for (int k = 2; k <= continuations; k++) {
        int next = bytes[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
      i += continuations + 1;
    }
    return true;
  }

  /** The problem of bytes that are not UTF-8, placed at the first bad sequence. */
  private static List<Problem> locate(byte[] bytes, int length) {
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
            Messages.error(
                ProblemCode.ENCODING,
                line,
                column,
                "",
                Text.ENCODING_INVALID_AT,
                in.position(),
                String.format("%02X", bytes[in.position()] & 0xFF)));
      }
      if (result.isUnderflow()) {
        try {
          decoder.flush(out);
        } catch (IllegalStateException e) {
          // Already flushed.
        }
        // Unreachable after isUtf8 said no, unless the two disagree: then say so rather than call it valid.
        return List.of(
            Messages.error(ProblemCode.ENCODING, 1, 1, "", Text.ENCODING_INVALID));
      }
    }
  }

}
