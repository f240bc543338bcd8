package dev.cicallback.validator;

/** Small helpers for building messages from schema annotations. */
final class Sentences {

  private Sentences() {}

  /** Text from the payload, cut to {@code max} characters so a message stays readable. */
  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  /** "An integer" -> "an integer"; "MD5 digest" stays as it is. */
  static String lowerFirst(String text) {
    if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }
}
