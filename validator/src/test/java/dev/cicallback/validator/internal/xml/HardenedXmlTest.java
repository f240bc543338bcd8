package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.validator.ValidatorOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.SAXParser;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one set-up of XML parsers, at its edges: the rule for qualified names and instruction targets that the parser
 * leaves to its user, the encoding named by a leading declaration, and the limits set on a parser.
 */
class HardenedXmlTest {

  private static String declared(String head) {
    byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
    return HardenedXml.declaredEncoding(bytes, 0, bytes.length);
  }

  @Test
  void a_qualified_name_has_at_most_one_colon_between_a_prefix_and_a_local_name() {
    assertTrue(HardenedXml.isQualifiedName("a"));
    assertTrue(HardenedXml.isQualifiedName("p:a"));
    assertTrue(HardenedXml.isQualifiedName("pre:local"));
    assertFalse(HardenedXml.isQualifiedName(":a"));
    assertFalse(HardenedXml.isQualifiedName("a:"));
    assertFalse(HardenedXml.isQualifiedName("ab:"));
    assertFalse(HardenedXml.isQualifiedName(":"));
    assertFalse(HardenedXml.isQualifiedName("a:b:c"));
    assertFalse(HardenedXml.isQualifiedName("a::b"));
    assertFalse(HardenedXml.isQualifiedName("a:b:"));
  }

  @Test
  void an_instruction_target_has_no_colon() {
    assertTrue(HardenedXml.isInstructionTarget("pi"));
    assertFalse(HardenedXml.isInstructionTarget(":pi"));
    assertFalse(HardenedXml.isInstructionTarget("p:i"));
    assertFalse(HardenedXml.isInstructionTarget("pi:"));
  }

  @Test
  void the_encoding_a_leading_declaration_names() {
    assertEquals("ISO-8859-1", declared("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>"));
    assertEquals("utf-8", declared("<?xml version='1.0' encoding = 'utf-8' standalone='yes'?><r/>"));
    assertEquals("GBK", declared("\u00EF\u00BB\u00BF<?xml version=\"1.0\" encoding=\"GBK\"?><r/>"));
    assertEquals("", declared("<?xml version=\"1.0\" encoding=\"\"?><r/>"));
    assertNull(declared("<?xml version=\"1.0\"?><r/>"));
    assertNull(declared("<r/>"));
    assertNull(declared(" <?xml version=\"1.0\" encoding=\"GBK\"?><r/>"));
    assertNull(declared("<r><?xml encoding=\"GBK\"?></r>"));
    // Only the first 200 bytes are read.
    assertNull(declared("<?xml version=\"1.0\"" + " ".repeat(200) + "encoding=\"GBK\"?><r/>"));
    assertEquals("GBK", declared("<?xml version=\"1.0\"" + " ".repeat(150) + "encoding=\"GBK\"?><r/>"));
  }

  @Test
  void the_encoding_is_read_between_offset_and_length() {
    byte[] bytes = "xx<?xml version=\"1.0\" encoding=\"GBK\"?><r/>".getBytes(StandardCharsets.ISO_8859_1);

    assertEquals("GBK", HardenedXml.declaredEncoding(bytes, 2, bytes.length - 2));
    assertNull(HardenedXml.declaredEncoding(bytes, 0, bytes.length));
    assertNull(HardenedXml.declaredEncoding(bytes, 2, 30));
  }

  @Test
  void a_limited_parser_stops_one_over_each_limit() throws Exception {
    ValidatorOptions options = ValidatorOptions.builder().maxDepth(8).maxAttributes(2).build();

    assertTrue(reads(options, "<r>" + "<a>".repeat(7) + "</a>".repeat(7) + "</r>"));
    assertFalse(reads(options, "<r>" + "<a>".repeat(8) + "</a>".repeat(8) + "</r>"));
    assertTrue(reads(options, "<r a='1' b='2'/>"));
    assertFalse(reads(options, "<r a='1' b='2' c='3'/>"));
    String atLimit = "n".repeat(HardenedXml.MAX_NAME_LENGTH);
    assertTrue(reads(options, "<" + atLimit + "/>"));
    assertFalse(reads(options, "<" + atLimit + "n/>"));
    assertFalse(reads(options, "<!DOCTYPE r><r/>"));
  }

  @Test
  void the_name_limit_holds_when_the_jvm_allows_longer_names() throws Exception {
    String property = "jdk.xml.maxXMLNameLimit";
    String before = System.getProperty(property);
    String name = "n".repeat(HardenedXml.MAX_NAME_LENGTH + 1);
    System.setProperty(property, "5000");
    try {
      assertTrue(reads(null, "<" + name + "/>"), "a parser not limited takes the JVM's limit");
      assertFalse(reads(ValidatorOptions.defaults(), "<" + name + "/>"));
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
  }

  /** Whether a parser from the hardened factory, limited to {@code options} (unless null), reads the payload. */
  private static boolean reads(ValidatorOptions options, String payload) throws Exception {
    SAXParser parser = HardenedXml.newParser(HardenedXml.parsers());
    if (options != null) {
      HardenedXml.limit(parser, options);
    }
    try {
      parser.parse(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), new DefaultHandler());
      return true;
    } catch (SAXParseException e) {
      return false;
    }
  }
}
