package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ProblemCode;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.LocatorImpl;

/**
 * The path tracker passes every event on to the schema validator as it came, but those inside a node the contract
 * does not know, which it reports and holds back whole: events given one by one, each one's passing checked.
 */
class XmlPathTrackerTest {

  /** Logs each event it is told, with its arguments. */
  private static final class Recording extends DefaultHandler {
    final List<String> log = new ArrayList<>();

    @Override
    public void setDocumentLocator(Locator locator) {
      log.add("locator " + locator.getLineNumber());
    }

    @Override
    public void startDocument() {
      log.add("startDocument");
    }

    @Override
    public void endDocument() {
      log.add("endDocument");
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
      log.add("startPrefixMapping " + prefix + "=" + uri);
    }

    @Override
    public void endPrefixMapping(String prefix) {
      log.add("endPrefixMapping " + prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      log.add("<" + qName + " " + attributes.getLength());
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      log.add(qName + ">");
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      log.add("'" + new String(ch, start, length) + "'");
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
      log.add("ignorable " + length);
    }

    @Override
    public void processingInstruction(String target, String data) {
      log.add("?" + target + " " + data);
    }

    @Override
    public void skippedEntity(String name) {
      log.add("&" + name);
    }
  }

  private final Recording next = new Recording();
  private final List<Problem> problems = new ArrayList<>();
  private final XmlPathTracker tracker =
      new XmlPathTracker(next, ContractTree.xml(), ValidatorOptions.defaults(), problems);

  private void start(String name) throws SAXException {
    tracker.startElement("", name, name, new AttributesImpl());
  }

  private void end(String name) throws SAXException {
    tracker.endElement("", name, name);
  }

  /** Every event but the elements' own, each with its arguments. */
  private void others(String tag) throws SAXException {
    tracker.startPrefixMapping("p" + tag, "urn:" + tag);
    tracker.characters(("t" + tag).toCharArray(), 0, 1 + tag.length());
    tracker.ignorableWhitespace(" \n".toCharArray(), 0, 2);
    tracker.processingInstruction("pi" + tag, "d");
    tracker.skippedEntity("e" + tag);
    tracker.endPrefixMapping("p" + tag);
  }

  @Test
  void events_outside_unknown_nodes_pass_on_and_those_inside_do_not() throws SAXException {
    LocatorImpl locator = new LocatorImpl();
    locator.setLineNumber(7);
    tracker.setDocumentLocator(locator);
    tracker.startDocument();
    start("Response");
    others("1");
    start("Zz");
    others("2");
    start("Yy");
    others("3");
    end("Yy");
    end("Zz");
    others("4");
    end("Response");
    tracker.endDocument();

    assertEquals(List.of("locator 7", "startDocument", "<Response 0",
        "startPrefixMapping p1=urn:1", "'t1'", "ignorable 2", "?pi1 d", "&e1", "endPrefixMapping p1",
        "startPrefixMapping p4=urn:4", "'t4'", "ignorable 2", "?pi4 d", "&e4", "endPrefixMapping p4",
        "Response>", "endDocument"), next.log);
    assertEquals(1, problems.size(), problems::toString);
    assertEquals(ProblemCode.UNKNOWN_NODE, problems.get(0).code());
    assertEquals("/Response/Zz", problems.get(0).location());
  }

  @Test
  void an_instruction_target_with_a_colon_is_refused_where_it_stands() throws SAXException {
    LocatorImpl locator = new LocatorImpl();
    locator.setLineNumber(2);
    locator.setColumnNumber(9);
    tracker.setDocumentLocator(locator);
    start("Response");

    assertThrows(XmlRefused.class, () -> tracker.processingInstruction("p:i", "d"));
    assertEquals(List.of(new Problem(dev.cicallback.validator.Severity.ERROR, ProblemCode.SYNTAX,
        "not well-formed XML: the processing instruction target \"p:i\" has a colon, which Namespaces in XML forbids",
        2, 9, "/Response")), problems);
  }
}
