package dev.cicallback.compat.internal;

import dev.cicallback.compat.UnreadableSchemaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML file into a DOM whose elements know the line they start on ({@link #line(Element)}): elements and
 * attributes only, no DTD, no external entities.
 */
final class LocatedDom {

  private static final String LINE = "dev.cicallback.compat.line";

  private LocatedDom() {}

  /** The line {@code element} starts on, or 0 when unknown. */
  static int line(Element element) {
    Object line = element.getUserData(LINE);
    return line instanceof Integer number ? number : 0;
  }

  /** Reads {@code file}; {@code name} names it in errors. */
  static Document read(Path file, String name) throws UnreadableSchemaException {
    Document document;
    try {
      document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.newSAXParser().parse(in, new Builder(document));
      return document;
    } catch (SAXParseException e) {
      throw new UnreadableSchemaException(
          name + ":" + e.getLineNumber() + ": not well-formed XML: " + e.getMessage(), e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new UnreadableSchemaException(name + ": cannot be read as XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UnreadableSchemaException(name + ": cannot be read: " + e, e);
    }
  }

  /** Builds the DOM from SAX events, noting each element's line. */
  private static final class Builder extends DefaultHandler {
    private final Document document;
    private final Deque<org.w3c.dom.Node> open = new ArrayDeque<>();
    private Locator locator;

    Builder(Document document) {
      this.document = document;
      open.push(document);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
      pendingPrefixes.push(new String[] {prefix, uri});
    }

    private final Deque<String[]> pendingPrefixes = new ArrayDeque<>();

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
      while (!pendingPrefixes.isEmpty()) {
        String[] mapping = pendingPrefixes.pop();
        String attribute = mapping[0].isEmpty() ? "xmlns" : "xmlns:" + mapping[0];
        element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute, mapping[1]);
      }
      for (int i = 0; i < attributes.getLength(); i++) {
        String attributeUri = attributes.getURI(i);
        element.setAttributeNS(attributeUri.isEmpty() ? null : attributeUri, attributes.getQName(i),
            attributes.getValue(i));
      }
      element.setUserData(LINE, locator == null ? 0 : locator.getLineNumber(), null);
      open.peek().appendChild(element);
      open.push(element);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      open.pop();
    }
  }
}
