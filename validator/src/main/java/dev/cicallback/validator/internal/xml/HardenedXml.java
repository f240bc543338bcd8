package dev.cicallback.validator.internal.xml;

import dev.cicallback.contract.SecureXml;
import dev.cicallback.validator.ValidatorOptions;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;

/**
 * The one place XML parsers are made and limited: the JDK's own parser, namespace-aware, with no DTD, external
 * entity, schema location or XInclude, bounded by the options' depth and attribute limits. Both XML passes take their
 * parsers from here.
 */
final class HardenedXml {

  private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
  private static final String ATTRIBUTE_LIMIT = "http://www.oracle.com/xml/jaxp/properties/elementAttributeLimit";
  static final String NAME_LIMIT = "http://www.oracle.com/xml/jaxp/properties/maxXMLNameLimit";
  /** The longest name (element, attribute, prefix, entity, instruction target) the parser reads, in characters. */
  static final int MAX_NAME_LENGTH = 1000;

  private static final java.util.regex.Pattern DECLARED_ENCODING =
      java.util.regex.Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");

  /**
   * The JDK's own parser factory (never one a library on the class path registers, whose hardening and XSD support
   * may differ, and no search of the class path at start-up), namespace-aware, with no DTD, external entity, schema
   * location or XInclude.
   */
  static SAXParserFactory parsers() {
    return parsers(true);
  }

  /** Like {@link #parsers()}, namespace-aware or not: the project's one hardened set-up ({@link SecureXml}). */
  static SAXParserFactory parsers(boolean namespaceAware) {
    return SecureXml.saxParsers(namespaceAware);
  }


  /** A parser from {@code factory}, which was configured and checked already. */
  static SAXParser newParser(SAXParserFactory factory) {
    try {
      return factory.newSAXParser();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot create a hardened XML parser", e);
    }
  }

  /** Sets the per-payload limits and refuses external access, on a parser that reset() cleared. */
  static void limit(SAXParser parser, ValidatorOptions options) throws SAXException {
    parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    parser.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(options.maxDepth()));
    parser.setProperty(ATTRIBUTE_LIMIT, String.valueOf(options.maxAttributes()));
    parser.setProperty(NAME_LIMIT, String.valueOf(MAX_NAME_LENGTH));
  }

  /** The encoding named in a leading XML declaration, or null. */
  static String declaredEncoding(byte[] bytes, int offset, int length) {
    int end = Math.min(length, 200);
    String head = new String(bytes, offset, end, java.nio.charset.StandardCharsets.ISO_8859_1);
    int bom = head.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
    java.util.regex.Matcher m = DECLARED_ENCODING.matcher(head.substring(bom));
    return m.find() ? m.group(1) : null;
  }

  /**
   * Whether {@code qName} is a qualified name of Namespaces in XML (a local name, or one prefix, a colon and a local
   * name). The JDK's parser checks the characters and refuses {@code <a:>} but lets {@code <:a>} through; this is the
   * rest of the rule. The characters themselves were checked by the parser.
   */
  static boolean isQualifiedName(String qName) {
    int colon = qName.indexOf(':');
    return colon < 0 || colon > 0 && colon < qName.length() - 1 && qName.lastIndexOf(':') == colon;
  }

  /** Whether a processing instruction's target is allowed: Namespaces in XML forbids a colon in it. */
  static boolean isInstructionTarget(String target) {
    return target.indexOf(':') < 0;
  }

  private HardenedXml() {}
}
