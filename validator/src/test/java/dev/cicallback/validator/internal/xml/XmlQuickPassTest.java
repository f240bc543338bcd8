package dev.cicallback.validator.internal.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.ConversionTest;
import dev.cicallback.validator.ValidatorOptions;
import dev.cicallback.validator.internal.contract.ContractTree;
import dev.cicallback.validator.internal.core.PayloadCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The quick XML passes (the verdict read from the bytes, then the parser with the XSD inside) are never more lenient
 * than the full one, and give the same tree: on every fixture, every
 * hostile input, and thousands of payloads made by damaging the valid fixtures one element at a time.
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
}
