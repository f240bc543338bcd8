package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.LocatorImpl;

/** Every SAX event reaches both handlers, the first before the second, with its arguments as given. */
class TeeHandlerTest {

  /** Logs each event it is told, with the handler's name and the event's arguments. */
  private static final class Recording extends DefaultHandler {
    private final String name;
    private final List<String> log;

    Recording(String name, List<String> log) {
      this.name = name;
      this.log = log;
    }

    private void add(String event) {
      log.add(name + " " + event);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      add("locator " + locator.getLineNumber());
    }

    @Override
    public void startDocument() {
      add("startDocument");
    }

    @Override
    public void endDocument() {
      add("endDocument");
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
      add("startPrefixMapping " + prefix + " " + uri);
    }

    @Override
    public void endPrefixMapping(String prefix) {
      add("endPrefixMapping " + prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      add("startElement " + uri + " " + localName + " " + qName + " " + attributes.getLength());
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      add("endElement " + uri + " " + localName + " " + qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      add("characters " + new String(ch, start, length));
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
      add("ignorableWhitespace " + length);
    }

    @Override
    public void processingInstruction(String target, String data) {
      add("processingInstruction " + target + " " + data);
    }

    @Override
    public void skippedEntity(String name) {
      add("skippedEntity " + name);
    }
  }

  @Test
  void every_event_reaches_the_first_handler_then_the_second() throws Exception {
    List<String> log = new ArrayList<>();
    TeeHandler tee = new TeeHandler(new Recording("first", log), new Recording("second", log));
    LocatorImpl locator = new LocatorImpl();
    locator.setLineNumber(7);
    AttributesImpl attributes = new AttributesImpl();
    attributes.addAttribute("", "a", "a", "CDATA", "1");
    char[] text = "xTtsx".toCharArray();

    tee.setDocumentLocator(locator);
    tee.startDocument();
    tee.startPrefixMapping("p", "urn:p");
    tee.startElement("urn:p", "Tag", "p:Tag", attributes);
    tee.characters(text, 1, 3);
    tee.ignorableWhitespace("  \n".toCharArray(), 0, 2);
    tee.processingInstruction("target", "data");
    tee.skippedEntity("entity");
    tee.endElement("urn:p", "Tag", "p:Tag");
    tee.endPrefixMapping("p");
    tee.endDocument();

    List<String> events = List.of("locator 7", "startDocument", "startPrefixMapping p urn:p",
        "startElement urn:p Tag p:Tag 1", "characters Tts", "ignorableWhitespace 2", "processingInstruction target data",
        "skippedEntity entity", "endElement urn:p Tag p:Tag", "endPrefixMapping p", "endDocument");
    List<String> expected = new ArrayList<>();
    for (String event : events) {
      expected.add("first " + event);
      expected.add("second " + event);
    }
    assertEquals(expected, log);
  }
}
