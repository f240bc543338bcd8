package dev.cicallback.validator.internal.core;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Renders the validator's messages from {@code problems.properties} (UTF-8), the one place they are worded: a
 * {@link Text} key and its arguments. A pattern's {@code {0}}, {@code {1}}, ... are replaced by the arguments as
 * text ({@link String#valueOf}); nothing else in it is special (unlike {@link java.text.MessageFormat}, quotes are
 * plain and numbers are not grouped), so the words read as they are written.
 */
public final class Messages {

  /** The bundle, as a resource path. */
  public static final String BUNDLE = "/dev/cicallback/validator/internal/core/problems.properties";

  private static final Map<Text, String> PATTERNS = load();

  private Messages() {}

  private static Map<Text, String> load() {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(BUNDLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLE);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Text, String> patterns = new EnumMap<>(Text.class);
    for (Text text : Text.values()) {
      String pattern = properties.getProperty(text.key());
      if (pattern == null) {
        throw new IllegalStateException(BUNDLE + " lacks " + text.key());
      }
      patterns.put(text, pattern);
    }
    return patterns;
  }

  /** The pattern of {@code text}, unrendered. */
  public static String pattern(Text text) {
    return PATTERNS.get(text);
  }

  /** The message {@code text} says with these arguments. */
  public static String render(Text text, Object... arguments) {
    return format(text.key(), PATTERNS.get(text), arguments);
  }

  /** {@code pattern} with its {@code {0}}, {@code {1}}, ... replaced; {@code key} names the pattern in an error. */
  static String format(String key, String pattern, Object... arguments) {
    StringBuilder out = new StringBuilder(pattern.length() + 32 * arguments.length);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && isIndex(pattern, i + 1, close)) {
        int index = Integer.parseInt(pattern.substring(i + 1, close));
        if (index >= arguments.length) {
          throw new IllegalArgumentException(key + " needs argument {" + index + "}");
        }
        out.append(arguments[index]);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isIndex(String pattern, int from, int to) {
    for (int i = from; i < to; i++) {
      if (pattern.charAt(i) < '0' || pattern.charAt(i) > '9') {
        return false;
      }
    }
    return to - from <= 2;
  }

  /** A problem whose message is {@code text} with these arguments. */
  public static Problem problem(
      Severity severity, ProblemCode code, int line, int column, String location, Text text, Object... arguments) {
    return new Problem(severity, code, render(text, arguments), line, column, location);
  }

  /** An error whose message is {@code text} with these arguments. */
  public static Problem error(ProblemCode code, int line, int column, String location, Text text, Object... arguments) {
    return problem(Severity.ERROR, code, line, column, location, text, arguments);
  }
}
