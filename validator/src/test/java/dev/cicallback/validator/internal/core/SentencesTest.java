package dev.cicallback.validator.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Text from a payload made fit for a one-line message, and a schema's words made fit to follow "expected". */
class SentencesTest {

  @Test
  void short_text_is_kept_and_control_characters_are_escaped() {
    assertEquals("abc", Sentences.abbreviate("abc", 60));
    assertEquals("", Sentences.abbreviate("", 60));
    assertEquals("a\\nb\\rc\\td\\u0001e\\u007F", Sentences.abbreviate("a\nb\rc\td\u0001e\u007f", 60));
  }

  @Test
  void long_text_is_cut_to_the_limit_with_an_ellipsis() {
    assertEquals("abcd...", Sentences.abbreviate("abcdefghijkl", 7));
    assertEquals("x".repeat(57) + "...", Sentences.abbreviate("x".repeat(200), 60));
  }

  @Test
  void escapes_count_toward_the_limit() {
    // Each control character takes six characters once written; the second one is past the limit of six.
    assertEquals("\\u0...", Sentences.abbreviate("\u0001\u0001", 6));
    for (int max = 4; max < 20; max++) {
      String cut = Sentences.abbreviate("ab\n\u0002".repeat(5), max);
      assertTrue(cut.length() <= max && cut.endsWith("..."), cut);
    }
  }

  @Test
  void only_a_capital_before_a_small_letter_is_lowered() {
    assertEquals("an integer", Sentences.lowerFirst("An integer"));
    assertEquals("MD5 digest", Sentences.lowerFirst("MD5 digest"));
    assertEquals("A", Sentences.lowerFirst("A"));
    assertEquals("", Sentences.lowerFirst(""));
    assertEquals("a", Sentences.lowerFirst("a"));
    assertEquals("aB", Sentences.lowerFirst("aB"));
  }
}
