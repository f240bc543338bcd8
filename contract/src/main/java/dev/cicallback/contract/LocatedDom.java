package dev.cicallback.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML file into a DOM whose elements know the line they start on ({@link #line(Element)}): elements,
 * attributes and text, parsed by {@link SecureXml}'s parser (no DTD, no external entities).
 */
final class LocatedDom {

  private static final String LINE = "dev.cicallback.contract.line";

  private LocatedDom() {}

  /** The line {@code element} starts on, or 0 when unknown. */
  static int line(Element element) {
    Object line = element.getUserData(LINE);
    return line instanceof Integer number ? number : 0;
  }

  /** Reads {@code file} of {@code source}; {@code file} names it in errors. */
  static Document read(SchemaSource source, String file) throws UnreadableSchemaException {
    Document document;
    try {
      document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = source.open(file)) {
      SecureXml.saxParsers().newSAXParser().parse(in, new Builder(document));
      return document;
    } catch (SAXParseException e) {
      throw new UnreadableSchemaException(
          file + ":" + e.getLineNumber() + ": not well-formed XML: " + e.getMessage(), e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new UnreadableSchemaException(file + ": cannot be read as XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UnreadableSchemaException(file + ": cannot be read: " + e, e);
    }
  }

  /** Builds the DOM from SAX events, noting each element's line. */
  private static final class Builder extends DefaultHandler {
    private final Document document;
    private final Deque<org.w3c.dom.Node> open = new ArrayDeque<>();
    private final Deque<String[]> pendingPrefixes = new ArrayDeque<>();
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
    public void characters(char[] ch, int start, int length) {
      if (open.peek() instanceof Element element) {
        element.appendChild(document.createTextNode(new String(ch, start, length)));
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      open.pop();
    }
  }
}
