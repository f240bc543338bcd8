package dev.cicallback.contract;

import java.util.regex.Pattern;

/**
 * An {@code xs:pattern} facet as a {@link Pattern}, for the part of the XSD regular expression language where it and
 * Java's mean the same: ASCII literals, character classes of ASCII ranges, groups, alternation and the quantifiers
 * {@code ? * +} and {@code {n,m}}. Anything else ({@code .}, {@code \d}, {@code \p{..}}, class subtraction, a
 * {@code ^} or {@code $}, which XSD reads as plain characters) is refused when the schema compiles, so a pattern
 * can never be read differently here than by the schema validator.
 */
public final class XsdRegex {

  /** Characters that stand for themselves, in and out of a class. */
  private static final String LITERALS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_:/,;=@!~'\"% #<>`";
  /** Characters a backslash may escape (the XSD single-character escapes Java reads alike). */
  private static final String ESCAPABLE = ".-+?*|(){}[]\\/^$";

  private XsdRegex() {}

  /**
   * The Java form of {@code xsd}: matched against a whole value, as XSD patterns are.
   *
   * @throws IllegalArgumentException if the pattern uses more than the shared subset
   */
  public static Pattern compile(String xsd) {
    int depth = 0;
    boolean atom = false; // whether a quantifier may follow
    for (int i = 0; i < xsd.length(); i++) {
      char c = xsd.charAt(i);
      if (c == '\\') {
        i = escape(xsd, i);
        atom = true;
      } else if (c == '[') {
        i = characterClass(xsd, i);
        atom = true;
      } else if (c == '(') {
        depth++;
        atom = false;
      } else if (c == ')') {
        if (--depth < 0) {
          throw refused(xsd, "an unopened group");
        }
        atom = true;
      } else if (c == '|') {
        atom = false;
      } else if (c == '?' || c == '*' || c == '+' || c == '{') {
        if (!atom) {
          throw refused(xsd, "a quantifier with nothing to repeat, or after another");
        }
        if (c == '{') {
          i = bounds(xsd, i);
        }
        atom = false;
      } else if (c == '-' || LITERALS.indexOf(c) >= 0) {
        atom = true;
      } else {
        throw refused(xsd, "the character '" + c + "'");
      }
    }
    if (depth != 0) {
      throw refused(xsd, "an unclosed group");
    }
    return Pattern.compile(xsd);
  }

  private static int escape(String xsd, int at) {
    if (at + 1 >= xsd.length() || ESCAPABLE.indexOf(xsd.charAt(at + 1)) < 0) {
      throw refused(xsd, "an escape other than a metacharacter's");
    }
    return at + 1;
  }

  /** Checks the class opening at {@code at}; returns the index of its closing bracket. */
  private static int characterClass(String xsd, int at) {
    int i = at + 1;
    if (i < xsd.length() && xsd.charAt(i) == '^') {
      i++;
    }
    int start = i;
    for (; i < xsd.length(); i++) {
      char c = xsd.charAt(i);
      if (c == ']' && i > start) {
        return i;
      } else if (c == '\\') {
        i = escape(xsd, i);
      } else if (c == '-') {
        // A range between two plain characters, or a hyphen first or last; "-[" would be XSD's subtraction.
        if (i + 1 < xsd.length() && xsd.charAt(i + 1) == '[') {
          throw refused(xsd, "a class subtraction");
        }
      } else if (c == '[' || c == '&' || LITERALS.indexOf(c) < 0 && c != '+' && c != '.' && c != '*' && c != '?'
          && c != '(' && c != ')' && c != '|' && c != '{' && c != '}' && c != '$') {
        throw refused(xsd, "the character '" + c + "' in a class");
      }
    }
    throw refused(xsd, "an unclosed class");
  }

  /** Checks {@code {n}}, {@code {n,}} or {@code {n,m}} opening at {@code at}; returns the index of its brace. */
  private static int bounds(String xsd, int at) {
    int close = xsd.indexOf('}', at);
    if (close < 0 || !xsd.substring(at + 1, close).matches("[0-9]{1,4}(,[0-9]{0,4})?")) {
      throw refused(xsd, "a repetition other than {n}, {n,} or {n,m}");
    }
    return close;
  }

  private static IllegalArgumentException refused(String xsd, String what) {
    return new IllegalArgumentException(
        "pattern \"" + xsd + "\" uses " + what + ", outside the subset the contract may use");
  }
}
