package dev.cicallback.validator.internal;

import dev.cicallback.validator.PayloadFormat;
import java.util.Optional;

/**
 * Tells XML from JSON by the first non-blank character, after a UTF-8 byte order mark if there is one: {@code <} is
 * XML, the start of any JSON value is JSON.
 */
public final class FormatDetector {

  private FormatDetector() {}

  /** Length of a leading UTF-8 byte order mark: 3 or 0. */
  public static int utf8BomLength(byte[] bytes, int length) {
    return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  /** Whether the payload starts with a UTF-16 or UTF-32 byte order mark. */
  public static boolean hasWideBom(byte[] bytes, int length) {
    int b0 = length > 0 ? bytes[0] & 0xFF : -1;
    int b1 = length > 1 ? bytes[1] & 0xFF : -1;
    return b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE || b0 == 0 && b1 == 0;
  }

  public static Optional<PayloadFormat> detect(byte[] bytes, int length) {
    for (int i = utf8BomLength(bytes, length); i < length; i++) {
      switch (bytes[i]) {
        case ' ', '\t', '\r', '\n' -> {}
        case '<' -> {
          return Optional.of(PayloadFormat.XML);
        }
        case '{', '[', '"', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
          return Optional.of(PayloadFormat.JSON);
        }
        case 't', 'f', 'n' -> {
          // A JSON literal at the root (true, false, null): JSON, though not a callback.
          return startsWithLiteral(bytes, i, length) ? Optional.of(PayloadFormat.JSON) : Optional.empty();
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static boolean startsWithLiteral(byte[] bytes, int from, int length) {
    for (String literal : new String[] {"true", "false", "null"}) {
      if (from + literal.length() <= length
          && new String(bytes, from, literal.length(), java.nio.charset.StandardCharsets.US_ASCII).equals(literal)) {
        return true;
      }
    }
    return false;
  }
}
