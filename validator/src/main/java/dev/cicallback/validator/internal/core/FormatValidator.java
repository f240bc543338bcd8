package dev.cicallback.validator.internal.core;

/**
 * One wire format's validation: the payload's problems and, for a validator built to read, what to bind. Given bytes
 * already known to be this format and valid UTF-8. Thread-safe.
 */
public interface FormatValidator {

  /** Checks {@code length} bytes of {@code bytes} from {@code offset}. */
  PayloadCheck check(byte[] bytes, int offset, int length);

  /**
   * As {@link #check(byte[], int, int)}, with the form of a content-moderation body the sender named
   * ({@code X-Ci-Content-Version}: {@code simple} true for Simple, false for Detail, null when not named): a hint for a
   * body whose content does not tell.
   */
  default PayloadCheck check(byte[] bytes, int offset, int length, Boolean simple) {
    return check(bytes, offset, length);
  }
}
