package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The verdict on a fatal error of the hardened parser (a DOCTYPE, a limit, or bad syntax) comes from the payload's
 * bytes and the error's place, never from the parser's words: each payload is parsed by the JDK's parser with the
 * validator's settings, and its fatal error judged twice, as reported and with the message replaced by other text.
 */
class FatalErrorVerdictTest {

  private static final ValidatorOptions OPTIONS =
      ValidatorOptions.builder().maxDepth(8).maxAttributes(4).build();

  private static final String LONG = "n".repeat(HardenedXml.MAX_NAME_LENGTH + 1);
  private static final String AT_LIMIT = "n".repeat(HardenedXml.MAX_NAME_LENGTH);
  private static final String DEEP = "<a>".repeat(8);
  private static final String UNDEEP = "</a>".repeat(8);

  private static final String DOCTYPE = "DOCTYPE declarations are not allowed: a callback has no DTD";
  private static final String DEPTH = "elements nested deeper than the limit; a callback needs fewer than 10 levels";
  private static final String ATTRIBUTES = "too many attributes on one element; callback elements carry none";
  private static final String NAME = "a name longer than 1,000 characters; callback names are short";

  static Stream<Arguments> payloads() {
    return Stream.of(
        // DOCTYPE, wherever the prolog puts it
        Arguments.of("<!DOCTYPE r><r/>", ProblemCode.SYNTAX, DOCTYPE),
        Arguments.of("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x 'y'>]><r/>", ProblemCode.SYNTAX, DOCTYPE),
        Arguments.of("\uFEFF<!-- c -->\r\n  <?pi x?>\r<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x\"><r/>",
            ProblemCode.SYNTAX, DOCTYPE),
        Arguments.of("<?xml version=\"1.0\"?><!-- \uD83D\uDE00 é --><!DOCTYPE r><r/>", ProblemCode.SYNTAX, DOCTYPE),
        // no DOCTYPE: whatever the parser says is syntax
        Arguments.of("<!doctype r><r/>", ProblemCode.SYNTAX, null),
        Arguments.of("<?xml version=\"1.0\"?>x<!DOCTYPE r><r/>", ProblemCode.SYNTAX, null),
        // depth: one over the limit, in several layouts; at the limit the error is another one
        Arguments.of("<r>" + "<a>".repeat(7) + "<b/>" + "</a>".repeat(7) + "</r>", ProblemCode.LIMIT, DEPTH),
        Arguments.of("<r>\n" + DEEP.replace("<a>", "<a>\r\n ") + UNDEEP + "</r>", ProblemCode.LIMIT, DEPTH),
        Arguments.of("<r>" + "<a x='1' y=\"2\">".repeat(8) + UNDEEP + "</r>", ProblemCode.LIMIT, DEPTH),
        Arguments.of("<r>\uD83D\uDE00" + "<a>\uD83D\uDE00".repeat(8) + UNDEEP + "</r>", ProblemCode.LIMIT, DEPTH),
        Arguments.of("<r><!-- a\nb \u00E9 \uD83D\uDE00 --><![CDATA[ x\r\n y <z> ]]>text \u00E9\r&amp;&#10;\n<?p d\n?>"
            + "<a>t\u00E9xt\n\t".repeat(7) + "<b/>" + "</a>".repeat(7) + "</r>", ProblemCode.LIMIT, DEPTH),
        Arguments.of("<r>" + "<a>".repeat(7) + "</r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r>" + "<a>".repeat(6) + "<b x=>" + "</a>".repeat(6) + "</r>", ProblemCode.SYNTAX, null),
        // attributes: namespace declarations and duplicates count as the parser counts them
        Arguments.of("<r a1='1' a2='2' a3='3' a4=\"4\"   a5='5'/>", ProblemCode.LIMIT, ATTRIBUTES),
        Arguments.of("<r a1='1' xmlns:x='2' a3='3' xmlns='4' a5='5'/>", ProblemCode.LIMIT, ATTRIBUTES),
        Arguments.of("<r a1='1' a1='1' a3='3' a4='4' a5='5'/>", ProblemCode.LIMIT, ATTRIBUTES),
        Arguments.of("<r><s\n a1='&amp;'\n a2='&#60;' a3='3' a4='4' a5='5' a6='6'/></r>", ProblemCode.LIMIT, ATTRIBUTES),
        Arguments.of("<r a1='1' a2 a3='3' a4='4' a5='5'/>", ProblemCode.SYNTAX, null),
        Arguments.of("<r a1='1' a2='<' a3='3' a4='4' a5='5'/>", ProblemCode.SYNTAX, null),
        Arguments.of("<r a1='1' a2='2' a3='3' a4='4' a5='5/>", ProblemCode.SYNTAX, null),
        Arguments.of("<r a1='1' a2='2' a3='3' a4='4'", ProblemCode.SYNTAX, null),
        // names: element, attribute, prefix and local part, entity, instruction target, in the prolog or after
        Arguments.of("<r><" + LONG + "/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r>\n  <a " + LONG + "=\"1\"/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r xmlns:p='u'><p:" + LONG + "/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r><" + LONG + ":a/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r><a " + LONG + ":b='1'/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r><:" + LONG + "/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r><-" + LONG + "/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r><1" + LONG + "/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r xmlns:" + LONG + "='u'/>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r>&" + LONG + ";</r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r a='&" + LONG + ";'/>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r><?" + LONG + " x?></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<?" + LONG + "?><r/>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r/><?" + LONG + "?>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r>\uD83D\uDE00<" + LONG + "/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r>é<" + "é".repeat(HardenedXml.MAX_NAME_LENGTH + 1) + "/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r>\n<x>\n<" + "N".repeat(400_000) + "></x></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r xmlns:p='u'><p:" + "N".repeat(20_000) + "/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r>&" + "N".repeat(20_000) + ";</r>", ProblemCode.LIMIT, NAME),
        // names at the limit, or past it where the parser stopped earlier for syntax
        Arguments.of("<r><p:" + AT_LIMIT + "/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r/><" + LONG + "/>", ProblemCode.SYNTAX, null),
        Arguments.of("<r></" + LONG + "></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r>&#" + "1".repeat(1001) + ";</r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r><a b></a><" + LONG + "/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r>&amp</r>", ProblemCode.SYNTAX, null),
        // characters the parser takes in no name, which this scan cannot tell from ASCII alone
        Arguments.of("<r>\n<" + "\uD83D\uDE00".repeat(600) + "/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r><a\u00D7" + LONG + "/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r><a b\u00F7" + LONG + "='1'/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r>&a\u2000" + LONG + ";</r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r><" + LONG + "\u00D7/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r><" + AT_LIMIT + "\u00D7n/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r><" + "\u0E01".repeat(HardenedXml.MAX_NAME_LENGTH) + "\u00D7/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r><" + "\u0E01".repeat(HardenedXml.MAX_NAME_LENGTH + 1) + "/></r>", ProblemCode.LIMIT, NAME),
        Arguments.of("<r><" + "n".repeat(999) + "\uD800\uDC00/></r>", ProblemCode.SYNTAX, null),
        Arguments.of("<r><a></b></r>", ProblemCode.SYNTAX, null));
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void the_verdict_comes_from_the_bytes_not_the_words(String payload, ProblemCode code, String message)
      throws Exception {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    SAXParseException reported = fatalError(bytes);
    Problem asReported = XmlPayloadValidator.fatalProblem(reported, bytes, 0, bytes.length, OPTIONS, "/");
    assertEquals(code, asReported.code(), asReported::toString);
    if (message != null) {
      assertEquals("not well-formed XML: " + message, asReported.message());
    } else {
      assertFalse(asReported.message().contains(NAME) || asReported.message().contains(DOCTYPE),
          asReported::toString);
    }
    // The same error in other words: the same verdict, and our own wording wherever it is ours.
    SAXParseException reworded = new SAXParseException(
        "Zeichen " + reported.getLineNumber(), null, null, reported.getLineNumber(), reported.getColumnNumber());
    Problem asReworded = XmlPayloadValidator.fatalProblem(reworded, bytes, 0, bytes.length, OPTIONS, "/");
    assertEquals(asReported.code(), asReworded.code());
    assertEquals(asReported.line(), asReworded.line());
    assertEquals(asReported.column(), asReworded.column());
    if (message != null) {
      assertEquals(asReported.message(), asReworded.message());
    } else {
      assertTrue(asReworded.message().contains("Zeichen"), asReworded::toString);
    }
  }

  /**
   * A breach is found in the bytes with no parser at all, and placed where the parser stops for it or before: never
   * after, where it would be taken for a syntax error.
   */
  @ParameterizedTest
  @MethodSource("payloads")
  void a_breach_is_placed_no_later_than_the_parser_stops(String payload, ProblemCode code, String message)
      throws Exception {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    XmlBreachScan.Breach breach = XmlBreachScan.find(bytes, 0, bytes.length, OPTIONS);
    SAXParseException reported = fatalError(bytes);
    if (message == null) {
      // A syntax error first: there is no breach, or it lies beyond the error.
      assertTrue(breach == null || !breach.reachedBy(reported.getLineNumber(), reported.getColumnNumber()),
          () -> breach + " at or before " + reported.getLineNumber() + ":" + reported.getColumnNumber());
      return;
    }
    assertNotNull(breach, payload);
    assertTrue(breach.reachedBy(reported.getLineNumber(), reported.getColumnNumber()));
    if (breach.kind() != XmlBreachScan.Kind.NAME) {
      assertEquals(reported.getLineNumber(), breach.line(), "line of " + breach);
      assertEquals(reported.getColumnNumber(), breach.column(), "column of " + breach);
    }
  }

  @Test
  void a_name_is_put_to_the_parser_as_a_yes_or_no() {
    assertTrue(XmlBreachScan.isName(LONG));
    assertTrue(XmlBreachScan.isName("a:b:c"));
    assertTrue(XmlBreachScan.isName("\u00E9t\u00E9"));
    assertFalse(XmlBreachScan.isName("a\u00D7b"));
    assertFalse(XmlBreachScan.isName("\uD83D\uDE00"));
    assertFalse(XmlBreachScan.isName("1a"));
  }

  private static SAXParseException fatalError(byte[] bytes) throws Exception {
    SAXParser parser = HardenedXml.newParser(HardenedXml.parsers());
    HardenedXml.limit(parser, OPTIONS);
    try {
      parser.parse(new ByteArrayInputStream(bytes), new DefaultHandler());
    } catch (SAXParseException e) {
      return e;
    }
    return fail("the parser read it: " + new String(bytes, StandardCharsets.UTF_8));
  }
}
