package dev.cicallback.validator.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * How a pattern of the bundle is rendered: {@code {0}} to {@code {99}} are the arguments as text; braces around
 * anything else (nothing, a letter, a sign, three digits) are plain text, as is every other character.
 */
class MessagesFormatTest {

  private static final Object[] TEN = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"};

  @Test
  void indices_from_zero_to_two_digits_are_the_arguments() {
    assertEquals("x a0 y", Messages.format("k", "x {0} y", TEN));
    assertEquals("a9a1", Messages.format("k", "{9}{1}", TEN));
    assertEquals("a10.", Messages.format("k", "{10}.", TEN));
    assertEquals("null and 7", Messages.format("k", "{0} and {1}", null, 7));
    assertEquals("", Messages.format("k", ""));
  }

  @Test
  void other_braces_are_plain_text() {
    assertEquals("{}", Messages.format("k", "{}", TEN));
    assertEquals("{a} {/} {:} {0a}", Messages.format("k", "{a} {/} {:} {0a}", TEN));
    assertEquals("{100}", Messages.format("k", "{100}", TEN));
    assertEquals("{ {0", Messages.format("k", "{ {0", TEN));
    assertEquals("}{a0}", Messages.format("k", "}{{0}}", TEN));
  }

  @Test
  void a_missing_argument_names_the_pattern_and_the_index() {
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> Messages.format("problem.key", "{0} {2}", "a", "b"));
    assertEquals("problem.key needs argument {2}", missing.getMessage());
  }
}
