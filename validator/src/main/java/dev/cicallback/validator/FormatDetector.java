package dev.cicallback.validator;

import java.util.Optional;

/** Tells XML from JSON by the first non-blank character, after a UTF-8 byte order mark if there is one. */
final class FormatDetector {

  private FormatDetector() {}

  /** Length of a leading UTF-8 byte order mark: 3 or 0. */
  static int utf8BomLength(byte[] bytes, int length) {
    return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  /** Whether the payload starts with a UTF-16 or UTF-32 byte order mark. */
  static boolean hasWideBom(byte[] bytes, int length) {
    int b0 = length > 0 ? bytes[0] & 0xFF : -1;
    int b1 = length > 1 ? bytes[1] & 0xFF : -1;
    return b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE || b0 == 0 && b1 == 0;
  }

  static Optional<PayloadFormat> detect(byte[] bytes, int length) {
    for (int i = utf8BomLength(bytes, length); i < length; i++) {
      switch (bytes[i]) {
        case ' ', '\t', '\r', '\n' -> {}
        case '<' -> {
          return Optional.of(PayloadFormat.XML);
        }
        case '{', '[' -> {
          return Optional.of(PayloadFormat.JSON);
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
