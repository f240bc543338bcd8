package dev.cicallback.validator.internal.json.syntax;

import dev.cicallback.validator.internal.core.Sentences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson's parse errors in plain words. */
public final class JsonSyntaxMessages {

  private static final Pattern CLOSE_MARKER =
      Pattern.compile("Unexpected close marker '(.)': expected '(.)'.*", Pattern.DOTALL);
  private static final Pattern UNEXPECTED_CHAR =
      Pattern.compile(
          "Unexpected character \\(('.*?' \\(code \\d+\\)|.*?)\\)(?:: (?:was expecting|expected) (.*?))?(?:\\n.*)?$",
          Pattern.DOTALL);
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'.*", Pattern.DOTALL);
  private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);

  private JsonSyntaxMessages() {}

  public static String describe(String jackson) {
    if (jackson == null) {
      return "unreadable input";
    }
    Matcher m = CLOSE_MARKER.matcher(jackson);
    if (m.matches()) {
      String found = m.group(1);
      String expected = m.group(2);
      return "found '"
          + found
          + "' but the "
          + (expected.equals("]") ? "array" : "object")
          + " being read is not closed: '"
          + expected
          + "' is missing before it";
    }
    m = DUPLICATE.matcher(jackson);
    if (m.matches()) {
      return "the name \"" + Sentences.abbreviate(m.group(1), 60) + "\" occurs twice in the same object";
    }
    m = TOKEN.matcher(jackson);
    if (m.matches()) {
      return "unknown word '"
          + Sentences.abbreviate(m.group(1), 40)
          + "' (strings need double quotes; true, false and null are the only words)";
    }
    if (jackson.startsWith("Non-standard token")) {
      Matcher token = Pattern.compile("Non-standard token '(.*?)'.*", Pattern.DOTALL).matcher(jackson);
      return (token.matches() ? token.group(1) : "that word") + " is not a JSON number";
    }
    if (jackson.contains("Leading zeroes not allowed") || jackson.contains("leading zero")) {
      return "a number may not start with 0 (write 1, not 01)";
    }
    if (jackson.startsWith("Illegal unquoted character")) {
      Matcher code = Pattern.compile(".*code (\\d+).*", Pattern.DOTALL).matcher(jackson);
      return "a control character (code " + (code.matches() ? code.group(1) : "?")
          + ") in a string; write it escaped, as \\n or \\u0001";
    }
    if (jackson.contains("maybe a (non-standard) comment")) {
      return "comments are not JSON";
    }
    if (jackson.startsWith("Unexpected end-of-input")) {
      return "the payload ends before the JSON document is complete";
    }
    m = UNEXPECTED_CHAR.matcher(jackson);
    if (m.matches()) {
      String expecting = m.group(2) == null ? "" : "; expected " + expectation(m.group(2));
      return "unexpected character " + m.group(1).replaceAll(" \\(code \\d+\\)", "") + expecting;
    }
    return Sentences.abbreviate(firstLine(jackson), 200);
  }

  private static String expectation(String jackson) {
    return switch (jackson) {
      case "comma to separate Object entries" -> "',' or '}'";
      case "comma to separate Array entries" -> "',' or ']'";
      case "double-quote to start field name" -> "a member name in double quotes";
      case "a colon to separate field name and value" -> "':'";
      default -> jackson;
    };
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
