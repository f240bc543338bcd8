package dev.cicallback.cli.simulate;

import dev.cicallback.validator.Problem;

/** A problem on one line, {@code 12:9: error VALUE: <message> (<location>)}, control characters escaped. */
final class ProblemText {

  private static final int MAX_MESSAGE = 300;

  private ProblemText() {}

  static String line(Problem p) {
    StringBuilder line = new StringBuilder();
    if (p.line() > 0) {
      line.append(p.line()).append(':').append(p.column()).append(": ");
    }
    String message = p.message().length() > MAX_MESSAGE ? p.message().substring(0, MAX_MESSAGE) + "..." : p.message();
    line.append(p.severity().label()).append(' ').append(p.code()).append(": ").append(oneLine(message));
    if (!p.location().isEmpty()) {
      line.append(" (").append(oneLine(p.location())).append(')');
    }
    return line.toString();
  }

  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
