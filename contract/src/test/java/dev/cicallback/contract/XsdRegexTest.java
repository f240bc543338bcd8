package dev.cicallback.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** XSD patterns read as Java patterns only where the two languages agree; the rest is refused. */
class XsdRegexTest {

  @ParameterizedTest
  @CsvSource(delimiter = ' ', value = {
      "-?[0-9]+ -12 true", "-?[0-9]+ 12- false", "[0-9]|[1-9][0-9]|100 100 true", "[0-9]|[1-9][0-9]|100 101 false",
      "[0-9a-fA-F]{32} 0123456789abcdef0123456789ABCDEF true", "[0-9a-fA-F]{32} 0123 false",
      "[+\\-][0-2] -1 true", "[+\\-][0-2] *1 false", "a(b|c)*d abcbd true", "a(b|c)*d abxd false",
      "[^a]b xb true", "[^a]b ab false", "x\\.y x.y true", "x\\.y xzy false"})
  void matches_whole_values_as_xsd_does(String pattern, String value, boolean matches) {
    assertEquals(matches, XsdRegex.compile(pattern).matcher(value).matches());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.b", "\\d", "\\w+", "\\p{L}", "^a", "a$", "[a-[b]]", "[a&&b]", "a**", "a+?", "*a",
      "(a", "a)", "[ab", "a{x}", "\\n", "(?:a)", "[]a]", "é"})
  void refuses_what_the_two_languages_read_differently(String pattern) {
    assertThrows(IllegalArgumentException.class, () -> XsdRegex.compile(pattern));
  }
}
