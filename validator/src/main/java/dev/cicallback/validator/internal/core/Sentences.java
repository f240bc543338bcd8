package dev.cicallback.validator.internal.core;

/** Small helpers for building messages from schema annotations. */
public final class Sentences {

  private Sentences() {}

  /**
   * Text from the payload made fit for a one-line message: control characters written as escapes (a newline as
   * {@code \n}), cut to {@code max} characters.
   */
  public static String abbreviate(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (out.length() >= max && out.length() < text.length() + 8) {
      out.setLength(Math.min(out.length(), max - 3));
      out.append("...");
    }
    return out.toString();
  }

  /** "An integer" -> "an integer"; "MD5 digest" stays as it is. */
  public static String lowerFirst(String text) {
    if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }
}
