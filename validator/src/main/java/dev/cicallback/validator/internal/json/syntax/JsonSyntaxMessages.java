package dev.cicallback.validator.internal.json.syntax;

import dev.cicallback.validator.internal.core.Messages;
import dev.cicallback.validator.internal.core.Sentences;
import dev.cicallback.validator.internal.core.Text;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in plain words (from {@code problems.properties}). Jackson has no message keys: its English
 * sentence is matched here to choose the words, and shown as it is when nothing matches.
 */
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
      return Messages.render(Text.PART_UNREADABLE);
    }
    Matcher m = CLOSE_MARKER.matcher(jackson);
    if (m.matches()) {
      String found = m.group(1);
      String expected = m.group(2);
      String kind = Messages.render(expected.equals("]") ? Text.PART_ARRAY : Text.PART_OBJECT);
      return Messages.render(Text.PART_NOT_CLOSED, found, kind, expected);
    }
    m = DUPLICATE.matcher(jackson);
    if (m.matches()) {
      return Messages.render(Text.PART_TWICE, Sentences.abbreviate(m.group(1), 60));
    }
    m = TOKEN.matcher(jackson);
    if (m.matches()) {
      return Messages.render(Text.PART_UNKNOWN_WORD, Sentences.abbreviate(m.group(1), 40));
    }
    if (jackson.startsWith("Non-standard token")) {
      Matcher token = Pattern.compile("Non-standard token '(.*?)'.*", Pattern.DOTALL).matcher(jackson);
      return Messages.render(
          Text.PART_NOT_NUMBER, token.matches() ? token.group(1) : Messages.render(Text.PART_THAT_WORD));
    }
    if (jackson.contains("Leading zeroes not allowed") || jackson.contains("leading zero")) {
      return Messages.render(Text.PART_LEADING_ZERO);
    }
    if (jackson.startsWith("Illegal unquoted character")) {
      Matcher code = Pattern.compile(".*code (\\d+).*", Pattern.DOTALL).matcher(jackson);
      return Messages.render(Text.PART_CONTROL_CHARACTER, code.matches() ? code.group(1) : "?");
    }
    if (jackson.contains("maybe a (non-standard) comment")) {
      return Messages.render(Text.PART_COMMENTS);
    }
    if (jackson.startsWith("Unexpected end-of-input")) {
      return Messages.render(Text.PART_ENDS_EARLY);
    }
    m = UNEXPECTED_CHAR.matcher(jackson);
    if (m.matches()) {
      String expecting = m.group(2) == null ? "" : Messages.render(Text.PART_EXPECTED, expectation(m.group(2)));
      return Messages.render(
          Text.PART_UNEXPECTED_CHARACTER, m.group(1).replaceAll(" \\(code \\d+\\)", ""), expecting);
    }
    return Sentences.abbreviate(firstLine(jackson), 200);
  }

  private static String expectation(String jackson) {
    return switch (jackson) {
      case "comma to separate Object entries" -> Messages.render(Text.PART_COMMA_OBJECT);
      case "comma to separate Array entries" -> Messages.render(Text.PART_COMMA_ARRAY);
      case "double-quote to start field name" -> Messages.render(Text.PART_QUOTED_NAME);
      case "a colon to separate field name and value" -> Messages.render(Text.PART_COLON);
      default -> jackson;
    };
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
