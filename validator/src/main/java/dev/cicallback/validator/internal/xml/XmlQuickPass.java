package dev.cicallback.validator.internal.xml;

import dev.cicallback.validator.ValidatorOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A yes-or-no pass over an XML payload with the same compiled XSD inside the parser's own pipeline, where it runs
 * faster than behind the path tracker that places problems. It answers "valid, with nothing the contract does not
 * know and no limit reached?"; at the first doubt it stops and the full pass finds, places and explains the problems.
 *
 * <p>Yes here implies yes there: the same schema and parser settings judge both, and what the full pass adds
 * (unknown elements and attributes, the node and text limits) makes this pass say no.
 */
public final class XmlQuickPass {

  /** Thrown to stop at the first doubt; carries nothing, not even a stack trace. */
  private static final class Doubt extends SAXException {
    Doubt() {
      super("ask the full pass");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private static final DefaultHandler IDLE = new DefaultHandler();

  private final ValidatorOptions options;
  private final SAXParserFactory parsers;
  /** A parser per thread, limited once to this pass's options and kept between payloads (never reset). */
  private final ThreadLocal<SAXParser> parser;

  public XmlQuickPass(Schema schema, ValidatorOptions options) {
    this.options = options;
    this.parsers = HardenedXml.parsers();
    this.parsers.setSchema(schema);
    try {
      // Pass text on as written, not as the schema would normalise it: the tree must be the full pass's tree.
      this.parsers.setFeature("http://apache.org/xml/features/validation/schema/normalized-value", false);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("cannot configure the validating parser", e);
    }
    this.parser = ThreadLocal.withInitial(this::newParser);
  }

  private SAXParser newParser() {
    SAXParser validating = HardenedXml.newParser(parsers);
    try {
      HardenedXml.limit(validating, options);
    } catch (SAXException e) {
      throw new IllegalStateException("cannot limit the validating parser", e);
    }
    return validating;
  }

  /** Whether the payload passes; {@code tree}, if not null, receives its events (complete only on yes). */
  public boolean passes(byte[] bytes, int offset, int length, ContentHandler tree) {
    XMLReader reader = null;
    try {
      reader = parser.get().getXMLReader();
      Watch watch = new Watch(options, tree);
      reader.setContentHandler(watch);
      reader.setErrorHandler(watch);
      reader.parse(new InputSource(new ByteArrayInputStream(bytes, offset, length)));
      return true;
    } catch (SAXException | IOException | RuntimeException e) {
      return false;
    } finally {
      if (reader != null) {
        // The parser is kept for the next payload (no reset: its limits stay set); it need not keep this one's tree.
        reader.setContentHandler(IDLE);
        reader.setErrorHandler(IDLE);
      }
    }
  }

  /** Says no at any error, namespace, attribute or limit, and passes the events on to the tree. */
  private static final class Watch extends DefaultHandler {
    private final ValidatorOptions options;
    private final ContentHandler tree;
    private int elements;
    private long textLength;

    Watch(ValidatorOptions options, ContentHandler tree) {
      this.options = options;
      this.tree = tree;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      textLength = 0;
      if (!uri.isEmpty() || attributes.getLength() > 0 || ++elements > options.maxNodes()
          || !HardenedXml.isQualifiedName(qName)) {
        throw new Doubt();
      }
      if (tree != null) {
        tree.startElement(uri, localName, qName, attributes);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      textLength = 0;
      if (tree != null) {
        tree.endElement(uri, localName, qName);
      }
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
      if (!HardenedXml.isInstructionTarget(target)) {
        throw new Doubt();
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      textLength += length;
      if (textLength > options.maxStringLength()) {
        throw new Doubt();
      }
      if (tree != null) {
        tree.characters(ch, start, length);
      }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      if (tree != null) {
        tree.ignorableWhitespace(ch, start, length);
      }
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw new Doubt();
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw new Doubt();
    }
  }
}
