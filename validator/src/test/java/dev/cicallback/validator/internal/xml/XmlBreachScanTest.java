package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.xml.XmlBreachScan.Breach;
import dev.cicallback.validator.internal.xml.XmlBreachScan.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The breach scan on its own, at its edges: the exact place of each breach (line and column in UTF-16 units) after
 * characters of every UTF-8 length, line ends and control characters; names exactly at the limit and one over, made
 * of the first and last characters of each ASCII range a name may hold; constructs cut short at the last byte; and
 * the places where it must give up rather than guess.
 */
class XmlBreachScanTest {

  private static final ValidatorOptions OPTIONS = ValidatorOptions.builder().maxDepth(8).maxAttributes(2).build();

  private static final int LIMIT = HardenedXml.MAX_NAME_LENGTH;
  private static final String LONG = "n".repeat(LIMIT + 1);
  private static final String AT_LIMIT = "n".repeat(LIMIT);
  /** Eight levels under a root: the last {@code <a} is one level too deep. */
  private static final String TOO_DEEP = "<a>".repeat(8);

  private static Breach find(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return XmlBreachScan.find(bytes, 0, bytes.length, OPTIONS);
  }

  /** A breach on the first line, just after {@code before} (its length is in UTF-16 units, as the parser counts). */
  private static Breach after(Kind kind, String before) {
    return new Breach(kind, 1, before.length() + 1);
  }

  /** The place of the last element of {@link #TOO_DEEP}, after its name, when {@code payload} ends with it. */
  private static Breach tooDeep(String payload) {
    return after(Kind.DEPTH, payload.substring(0, payload.length() - 1));
  }

  @Test
  void a_fatal_error_at_or_after_the_breach_reaches_it() {
    Breach breach = new Breach(Kind.NAME, 2, 5);

    assertFalse(breach.reachedBy(1, 9));
    assertFalse(breach.reachedBy(2, 4));
    assertTrue(breach.reachedBy(2, 5));
    assertTrue(breach.reachedBy(2, 6));
    assertTrue(breach.reachedBy(3, 1));
    assertFalse(breach.reachedBy(0, 0));
  }

  @Test
  void depth_is_placed_after_the_name_one_level_too_deep() {
    String payload = "<r>" + TOO_DEEP;

    assertEquals(tooDeep(payload), find(payload));
    // Exactly at the limit: no breach.
    assertNull(find("<r>" + "<a>".repeat(7) + "</a>".repeat(7) + "</r>"));
  }

  @Test
  void end_tags_and_empty_elements_close_their_level() {
    String siblings = "<r><x></x><x/><x>t</x>\n<x></x>";
    String payload = siblings + "<a>".repeat(7) + "<b>";

    assertEquals(new Breach(Kind.DEPTH, 2, (payload.substring(payload.indexOf('\n') + 1)).length()),
        find(payload));
  }

  @Test
  void characters_of_every_utf8_length_count_as_the_parser_counts_them() {
    for (String text : new String[] {"x", "\u00E9", "\u0E01", "\u0800", "\uD800\uDC00", "\uD83D\uDE00", "x\u00E9y"}) {
      String payload = "<r>" + text + TOO_DEEP;
      assertEquals(tooDeep(payload), find(payload), text);
    }
  }

  @Test
  void control_characters_in_text_are_one_column_each() {
    String payload = "<r>\u0000\u0001\t" + TOO_DEEP;

    assertEquals(tooDeep(payload), find(payload));
  }

  @Test
  void line_ends_in_text_start_a_line() {
    assertEquals(new Breach(Kind.DEPTH, 2, 25), find("<r>x\ny" + TOO_DEEP));
    assertEquals(new Breach(Kind.DEPTH, 2, 25), find("<r>x\r\ny" + TOO_DEEP));
    assertEquals(new Breach(Kind.DEPTH, 3, 25), find("<r>x\r\ry" + TOO_DEEP));
    assertEquals(new Breach(Kind.DEPTH, 3, 24), find("<r>x\n\r\n" + TOO_DEEP));
  }

  @Test
  void a_carriage_return_as_the_last_byte() {
    assertNull(find("<r/>\r"));
    assertNull(find("<r>\r"));
    assertNull(find("<r>x\r"));
  }

  @Test
  void a_nul_in_an_attribute_value_is_passed_over() {
    String payload = "<r a='\u0000' b='1' c='2'/>";

    assertEquals(after(Kind.ATTRIBUTES, "<r a='\u0000' b='1' c='2'"), find(payload));
  }

  @Test
  void attributes_exactly_at_the_limit_and_one_over() {
    String payload = "<r a='1' b=\"2\"><x c='1'\td = '2'\nee='3'/></r>";

    assertEquals(new Breach(Kind.ATTRIBUTES, 2, 7), find(payload));
    assertNull(find("<r a='1' b='2'><x c='1' d='2'/></r>"));
  }

  @Test
  void attributes_with_no_space_between_them_give_up() {
    assertNull(find("<r a='1'b='2' c='3'/>"));
  }

  @Test
  void text_cut_short_gives_up() {
    assertNull(find("<r>text"));
    assertNull(find("<r>text\u00E9"));
    assertNull(find("<r><!-- abc"));
    assertNull(find("<r><!-- abc -"));
    assertNull(find("<r><![CDATA[ abc ]"));
    assertNull(find("<r></a"));
  }

  @Test
  void constructs_that_end_exactly_at_the_last_byte() {
    assertEquals(new Breach(Kind.DOCTYPE, 1, 10), find("<!DOCTYPE"));
    String payload = "<r>" + TOO_DEEP;
    assertEquals(tooDeep(payload), find(payload));
    assertEquals(after(Kind.NAME, "<r><"), find("<r><" + LONG));
  }

  @Test
  void a_reference_after_text_is_measured() {
    assertEquals(after(Kind.NAME, "<r>x&"), find("<r>x&" + LONG + ";</r>"));
    assertEquals(after(Kind.NAME, "<r>x&amp;y&#38;z&"), find("<r>x&amp;y&#38;z&" + LONG + ";</r>"));
  }

  @Test
  void a_comment_is_read_to_its_end_only() {
    // "<!-->" opens a comment; its "-->" is not the end.
    String payload = "<r><!-->" + "<a>".repeat(9) + "-->" + TOO_DEEP;
    assertEquals(tooDeep(payload), find(payload));
    String secondLine = " \u00E9 - -->" + TOO_DEEP;
    assertEquals(new Breach(Kind.DEPTH, 2, secondLine.length()), find("<r><!-- \n" + secondLine));
    String dashes = "<r><!-- - -> -->" + TOO_DEEP;
    assertEquals(tooDeep(dashes), find(dashes));
  }

  @Test
  void an_instruction_after_the_root_and_its_comments() {
    assertEquals(new Breach(Kind.NAME, 2, "<!-- c --><?".length() + 1), find("<r/>\n<!-- c --><?" + LONG + "?>"));
    assertNull(find("<r/>\n<!-- c --><?pi?>"));
    assertNull(find("<r/><!-- c -->x<?" + LONG + "?>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "z", "A", "Z", "_"})
  void names_of_the_edges_of_each_letter_range(String character) {
    assertEquals(after(Kind.NAME, "<r><"), find("<r><" + character.repeat(LIMIT + 1) + "/></r>"));
    String atLimit = "<r><" + character.repeat(LIMIT) + "/>";
    assertEquals(tooDeep(atLimit + TOO_DEEP), find(atLimit + TOO_DEEP));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "9", ".", "-"})
  void names_holding_digits_and_punctuation(String character) {
    assertEquals(after(Kind.NAME, "<r><"), find("<r><_" + character.repeat(LIMIT) + "/></r>"));
    String atLimit = "<r><_" + character.repeat(LIMIT - 1) + "/>" + TOO_DEEP;
    assertEquals(tooDeep(atLimit), find(atLimit));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "9", "1", ".", "-"})
  void a_name_may_not_start_with_a_digit_dot_or_hyphen(String character) {
    assertNull(find("<r><" + character + LONG + "/></r>"));
    assertNull(find("<r><" + character + "/>" + TOO_DEEP));
  }

  @Test
  void a_name_at_the_limit_is_no_breach() {
    String payload = "<r><" + AT_LIMIT + "/>" + TOO_DEEP;
    assertEquals(tooDeep(payload), find(payload));
    String prefixed = "<r><" + AT_LIMIT + ":" + AT_LIMIT + "/>" + TOO_DEEP;
    assertEquals(tooDeep(prefixed), find(prefixed));
    String reference = "<r>&" + AT_LIMIT + ";" + TOO_DEEP;
    assertEquals(tooDeep(reference), find(reference));
  }

  @Test
  void a_name_of_three_byte_characters() {
    assertEquals(after(Kind.NAME, "<r><"), find("<r><" + "\u0E01".repeat(LIMIT + 1) + "/></r>"));
    // The character one over the limit is none the parser takes in a name: it stops there for syntax.
    assertNull(find("<r><" + "\u0E01".repeat(LIMIT) + "\u00D7/></r>"));
    assertNull(find("<r><" + AT_LIMIT + "\u00D7n/></r>"));
    String atLimit = "<r><" + "\u0E01".repeat(LIMIT) + "/>" + TOO_DEEP;
    assertEquals(tooDeep(atLimit), find(atLimit));
  }

  @Test
  void a_character_beyond_the_bmp_counts_two_units_in_a_name() {
    // 999 + 2 units: over the limit, and the parser takes no such character in a name: the scan gives up.
    assertNull(find("<r><" + "n".repeat(LIMIT - 1) + "\uD800\uDC00/>" + TOO_DEEP));
    assertNull(find("<r><" + "n".repeat(LIMIT - 1) + "\uD83D\uDE00/>" + TOO_DEEP));
  }

  @Test
  void a_byte_order_mark_takes_no_column() {
    String payload = "\uFEFF<r>" + TOO_DEEP;
    assertEquals(new Breach(Kind.DEPTH, 1, payload.length() - 1), find(payload));
  }

  @Test
  void only_the_bytes_between_offset_and_length_are_read() {
    byte[] bytes = ("xx<r>" + TOO_DEEP + "yy").getBytes(StandardCharsets.UTF_8);
    assertEquals(new Breach(Kind.DEPTH, 1, 27), XmlBreachScan.find(bytes, 2, bytes.length - 4, OPTIONS));
    assertNull(XmlBreachScan.find(bytes, 2, bytes.length - 6, OPTIONS));
  }
}
