package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.SchemaFiles;

import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.ConversionTest;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.PayloadCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The quick XML passes (the verdict read from the bytes, then the parser with the XSD inside) are never more lenient
 * than the full one, and give the same tree: on every fixture, every
 * hostile input, and thousands of payloads made by damaging the valid fixtures one element at a time. The pass with
 * the XSD inside the parser is also asked on its own, at its edges: each limit reached exactly and exceeded, what the
 * schema lets through but the contract does not (attributes of the schema instance, names that are not qualified,
 * instruction targets with a colon), and the events it passes on.
 */
class XmlQuickPassTest {

  private static final XmlPayloadValidator XML = new XmlPayloadValidator(ValidatorOptions.defaults(), true);

  static Stream<Path> inputs() throws IOException {
    Path badInput = Path.of("src/test/resources/bad-input/xml");
    Path fuzzInputs = Path.of("src/test/resources/dev/cicallback/validator/ReaderFuzzTestInputs/fuzz_xml");
    List<Path> files = new ArrayList<>(Fixtures.all("xml"));
    for (Path folder : List.of(badInput, fuzzInputs)) {
      try (Stream<Path> listed = Files.list(folder)) {
        files.addAll(listed.sorted().toList());
      }
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void agrees_with_the_full_pass(Path input) throws IOException {
    byte[] bytes = Files.readAllBytes(input);

    Verdicts verdicts = verdicts(bytes);

    verdicts.assertConsistent(input.toString());
    if (input.getFileName().toString().startsWith("valid-")) {
      assertTrue(verdicts.quick, input + ": a valid fixture should pass quickly");
    }
  }

  @Test
  @Tag("exhaustive") // thousands of payloads or patterns: left out of mutation runs (bin/mutation)
  void is_never_more_lenient_than_the_full_pass_on_damaged_payloads() throws Exception {
    Map<String, Integer> deferred = new TreeMap<>();
    int compared = 0;
    for (Path fixture : Fixtures.valid("xml")) {
      Document original = parse(Files.readAllBytes(fixture));
      NodeList elements = original.getElementsByTagName("*");
      for (int i = 0; i < elements.getLength(); i++) {
        for (Map.Entry<String, Consumer<Element>> damage : damages().entrySet()) {
          Document copy = (Document) original.cloneNode(true);
          damage.getValue().accept((Element) copy.getElementsByTagName("*").item(i));
          Verdicts verdicts = verdicts(serialize(copy));
          verdicts.assertConsistent(fixture + ", " + damage.getKey() + " on element " + i);
          if (verdicts.full && !verdicts.quick) {
            deferred.merge(damage.getKey(), 1, Integer::sum);
          }
          compared++;
        }
      }
    }
    assertTrue(compared > 5_000, "only " + compared + " payloads compared");
    // Every valid damaged payload is judged by the quick pass itself: none is left to the full one.
    assertEquals(Map.of(), deferred);
  }

  private record Verdicts(boolean quick, boolean full, XmlTreeBuilder quickTree, PayloadCheck fullCheck) {
    void assertConsistent(String what) {
      if (quick && !full) {
        throw new AssertionError(what + ": the quick pass accepts, the full pass finds " + fullCheck.problems());
      }
      if (quick) {
        assertEquals(fullCheck.tree(), quickTree.tree(), what + ": trees differ");
      }
    }
  }

  private static Verdicts verdicts(byte[] bytes) {
    XmlTreeBuilder quickTree = new XmlTreeBuilder(ContractTree.xml());
    boolean quick = XML.passesQuickly(bytes, 0, bytes.length, quickTree);
    PayloadCheck fullCheck = XML.checkFully(bytes, 0, bytes.length);
    return new Verdicts(quick, fullCheck.problems().isEmpty(), quickTree, fullCheck);
  }

  /** Ways to damage one element (shared with {@link XsdVerdictTest}). */
  static Map<String, Consumer<Element>> damages() {
    Map<String, Consumer<Element>> damages = new TreeMap<>();
    for (String text : List.of("", "x", "-", "5", "-11", "1000", "2.5", "5.0", " 5 ", "2022-06-30T19:33:18+0800")) {
      damages.put("text \"" + text + "\"", e -> e.setTextContent(text));
    }
    damages.put("line break appended", e -> e.appendChild(e.getOwnerDocument().createTextNode("\n")));
    damages.put("removed", e -> {
      if (e.getParentNode() instanceof Element parent) {
        parent.removeChild(e);
      }
    });
    damages.put("repeated", e -> {
      if (e.getParentNode() instanceof Element parent) {
        parent.insertBefore(e.cloneNode(true), e);
      }
    });
    damages.put("unknown child", e -> e.appendChild(e.getOwnerDocument().createElement("Zz")));
    damages.put("attribute", e -> e.setAttribute("id", "1"));
    damages.put("xsi:nil", e -> e.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:nil", "true"));
    damages.put("namespaced child", e -> e.appendChild(e.getOwnerDocument().createElementNS("urn:x", "x:Zz")));
    damages.put("comment and processing instruction", e -> {
      e.appendChild(e.getOwnerDocument().createComment("c"));
      e.appendChild(e.getOwnerDocument().createProcessingInstruction("pi", "data"));
    });
    damages.put("text split by a comment, a CDATA section and a processing instruction", e -> {
      if (!ConversionTest.hasElements(e)) {
        String text = e.getTextContent();
        int half = text.length() / 2;
        Document document = e.getOwnerDocument();
        e.setTextContent(text.substring(0, half));
        e.appendChild(document.createComment("c"));
        e.appendChild(document.createCDATASection(text.substring(half)));
        e.appendChild(document.createProcessingInstruction("pi", "data"));
      }
    });
    damages.put("CDATA of markup", e -> {
      if (!ConversionTest.hasElements(e)) {
        String text = e.getTextContent();
        e.setTextContent("");
        e.appendChild(e.getOwnerDocument().createCDATASection("&amp;<" + text));
      }
    });
    damages.put("white space CDATA and a comment before the first child", e -> {
      if (ConversionTest.hasElements(e)) {
        e.insertBefore(e.getOwnerDocument().createCDATASection("\n "), e.getFirstChild());
        e.insertBefore(e.getOwnerDocument().createComment("c"), e.getFirstChild());
      }
    });
    damages.put("CDATA text", e -> {
      if (!ConversionTest.hasElements(e)) {
        String text = e.getTextContent();
        e.setTextContent("");
        e.appendChild(e.getOwnerDocument().createCDATASection(text));
      }
    });
    return damages;
  }

  static Document parse(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(bytes));
  }

  static byte[] serialize(Document document) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
    return out.toByteArray();
  }

  private static final Schema SCHEMA = SchemaFiles.newXsdSchema(SchemaFiles.CALLBACK_XSD);

  /** A TTS callback of 14 elements whose longest text is the TTS input, {@code input} as written. */
  static byte[] tts(String input) {
    return tts("<EventName>TaskFinish</EventName>", input);
  }

  static byte[] tts(String eventName, String input) {
    return ("<Response>" + eventName + "<JobsDetail><JobId>j1</JobId><State>Success</State><Tag>Tts</Tag>"
        + "<Operation><TtsConfig><InputType>Text</InputType><Input>" + input + "</Input></TtsConfig><Output>"
        + "<Region>ap-chongqing</Region><Bucket>test-123456789</Bucket><Object>o.mp3</Object></Output></Operation>"
        + "</JobsDetail></Response>").getBytes(StandardCharsets.UTF_8);
  }

  private static boolean quickly(ValidatorOptions options, byte[] bytes) {
    return new XmlQuickPass(SCHEMA, options).passes(bytes, 0, bytes.length, null);
  }

  @Test
  void the_pass_alone_says_yes_to_a_valid_payload_and_no_to_an_invalid_one() {
    XmlQuickPass pass = new XmlQuickPass(SCHEMA, ValidatorOptions.defaults());
    byte[] valid = tts("hi");
    byte[] invalid = tts("<EventName>Task'Finish'</EventName>", "hi");
    byte[] malformed = "<Response><EventName>TaskFinish</Response>".getBytes(StandardCharsets.UTF_8);

    assertTrue(XML.checkFully(valid, 0, valid.length).problems().isEmpty());
    assertTrue(pass.passes(valid, 0, valid.length, null));
    assertFalse(pass.passes(invalid, 0, invalid.length, null));
    assertFalse(pass.passes(malformed, 0, malformed.length, null));
    // The parser is kept for the next payload on this thread, whatever the last one was.
    assertTrue(pass.passes(valid, 0, valid.length, null));
    byte[] framed = ("xx" + new String(valid, StandardCharsets.UTF_8) + "yy").getBytes(StandardCharsets.UTF_8);
    assertTrue(pass.passes(framed, 2, valid.length, null));
    assertFalse(pass.passes(framed, 0, framed.length, null));
  }

  @Test
  void the_pass_alone_gives_the_full_pass_tree() {
    byte[] bytes = tts("a &amp; <![CDATA[<b>]]><!-- c --> \u00E9");
    XmlTreeBuilder tree = new XmlTreeBuilder(ContractTree.xml());

    assertTrue(new XmlQuickPass(SCHEMA, ValidatorOptions.defaults()).passes(bytes, 0, bytes.length, tree));
    assertEquals(XML.checkFully(bytes, 0, bytes.length).tree(), tree.tree());
    assertEquals("a & <b> \u00E9", tree.tree().at("/JobsDetail/0/Operation/TtsConfig/Input").asText());
  }

  @Test
  void the_pass_alone_passes_each_event_on() {
    List<String> events = new ArrayList<>();
    DefaultHandler recording = new DefaultHandler() {
      @Override
      public void startElement(String uri, String localName, String qName, Attributes attributes) {
        events.add("<" + qName);
      }

      @Override
      public void endElement(String uri, String localName, String qName) {
        events.add(qName + ">");
      }

      @Override
      public void characters(char[] ch, int start, int length) {
        events.add("'" + new String(ch, start, length) + "'");
      }

      @Override
      public void ignorableWhitespace(char[] ch, int start, int length) {
        events.add("~" + length);
      }
    };
    byte[] bytes = ("<Response>\n  <EventName>TaskFinish</EventName>\n  <WorkflowExecution><RunId>r</RunId>"
        + "</WorkflowExecution></Response>").getBytes(StandardCharsets.UTF_8);

    assertTrue(new XmlQuickPass(SCHEMA, ValidatorOptions.defaults()).passes(bytes, 0, bytes.length, recording));
    assertEquals(List.of("<Response", "~3", "<EventName", "'TaskFinish'", "EventName>", "~3", "<WorkflowExecution",
        "<RunId", "'r'", "RunId>", "WorkflowExecution>", "Response>"), events);
  }

  @Test
  void the_element_limit_reached_exactly_and_exceeded() {
    byte[] bytes = tts("hi");

    assertTrue(quickly(ValidatorOptions.builder().maxNodes(14).build(), bytes));
    assertFalse(quickly(ValidatorOptions.builder().maxNodes(13).build(), bytes));
  }

  @Test
  void the_text_limit_reached_exactly_and_exceeded_counts_each_text_in_pieces() {
    ValidatorOptions options = ValidatorOptions.builder().maxStringLength(20).build();

    assertTrue(quickly(options, tts("x".repeat(20))));
    assertFalse(quickly(options, tts("x".repeat(21))));
    // References, CDATA and comments cut the text into pieces; the limit holds for their sum.
    assertTrue(quickly(options, tts("&amp;".repeat(20))));
    assertFalse(quickly(options, tts("&amp;".repeat(21))));
    assertTrue(quickly(options, tts("x".repeat(10) + "<!-- c -->" + "<![CDATA[" + "y".repeat(10) + "]]>")));
    assertFalse(quickly(options, tts("x".repeat(10) + "<!-- c -->" + "<![CDATA[" + "y".repeat(11) + "]]>")));
  }

  @Test
  void what_the_schema_lets_through_and_the_contract_does_not() {
    ValidatorOptions options = ValidatorOptions.defaults();

    // The schema validator takes the schema instance's attributes on any element; the contract has no attribute.
    assertFalse(quickly(options, tts("<EventName xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:noNamespaceSchemaLocation=\"c.xsd\">TaskFinish</EventName>", "hi")));
    // A name with an empty prefix, which the parser lets through.
    assertFalse(quickly(options, tts("<:EventName>TaskFinish</:EventName>", "hi")));
    // Instructions: a target with a colon is no target of Namespaces in XML.
    assertTrue(quickly(options, tts("<?pi data?><EventName>TaskFinish</EventName>", "hi")));
    assertFalse(quickly(options, tts("<?p:i data?><EventName>TaskFinish</EventName>", "hi")));
  }
}
