package dev.cicallback.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every node of both schemas is in the docs with both languages' descriptions, and generation is repeatable. */
class DocsCoverageTest {

  private static final Path SCHEMA = Path.of(System.getProperty("schema.dir", "../schema"));
  private static final Path DOCS = Path.of(System.getProperty("docs.dir", "../generated-docs"));

  private static String html() throws Exception {
    return Files.readString(DOCS.resolve("index.html"), StandardCharsets.UTF_8);
  }

  private static String markdown() throws Exception {
    return Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8);
  }

  @Test
  void every_xsd_element_has_english_and_chinese_documentation_and_is_in_the_docs() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    String html = html();
    String markdown = markdown();
    int checked = 0;
    try (Stream<Path> files = Files.list(SCHEMA.resolve("xml"))) {
      for (Path xsd : files.filter(p -> p.toString().endsWith(".xsd")).toList()) {
        NodeList elements = factory.newDocumentBuilder().parse(xsd.toFile())
            .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
        for (int i = 0; i < elements.getLength(); i++) {
          Element element = (Element) elements.item(i);
          String name = element.getAttribute("name");
          boolean documented = hasDocumentation(element, "en") && hasDocumentation(element, "zh");
          assertTrue(documented || isRepeatOfDocumentedDeclaration(element),
              xsd.getFileName() + ": element " + name + " lacks English or Chinese documentation");
          assertTrue(html.contains(">" + name + "</a>") || html.contains("<code>" + name + "</code>"),
              "index.html does not show element " + name);
          assertTrue(markdown.contains(name), "README.md does not show element " + name);
          checked++;
        }
      }
    }
    assertTrue(checked > 80, "walked only " + checked + " element declarations");
  }

  @Test
  void every_json_schema_property_has_both_descriptions_and_an_anchor_in_the_docs() throws Exception {
    String html = html();
    String markdown = markdown();
    List<List<String>> paths = new ArrayList<>();
    walk(SCHEMA.resolve("json"), "tts-callback.schema.json", read(SCHEMA.resolve("json/tts-callback.schema.json")),
        new ArrayList<>(), paths);

    assertTrue(paths.size() > 90, "walked only " + paths.size() + " properties");
    for (List<String> path : paths) {
      String anchor = "Response." + String.join(".", path);
      assertTrue(html.contains("id=\"" + anchor + "\"") || html.contains("id=\"row-" + anchor + "\""),
          "index.html has no anchor " + anchor);
      assertTrue(markdown.contains("id=\"" + anchor + "\"") || markdown.contains("(#" + anchor + ")"),
          "README.md has no anchor " + anchor);
    }
  }

  @Test
  void the_page_is_self_contained() throws Exception {
    String html = html();

    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "no external assets");
    assertTrue(html.contains("<nav aria-label=\"Payload tree\">"));
  }

  @Test
  void generation_is_repeatable_and_matches_the_build_output(@TempDir Path dir) throws Exception {
    DocsGenerator.main(new String[] {SCHEMA.toString(), dir.resolve("a").toString()});
    DocsGenerator.main(new String[] {SCHEMA.toString(), dir.resolve("b").toString()});

    for (String file : List.of("README.md", "index.html")) {
      byte[] first = Files.readAllBytes(dir.resolve("a").resolve(file));
      assertArrayEquals(first, Files.readAllBytes(dir.resolve("b").resolve(file)), file);
      assertArrayEquals(first, Files.readAllBytes(DOCS.resolve(file)), file + " differs from " + DOCS);
    }
  }

  private static boolean hasDocumentation(Element element, String lang) {
    NodeList docs = element.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "documentation");
    for (int i = 0; i < docs.getLength(); i++) {
      Element doc = (Element) docs.item(i);
      if (doc.getParentNode().getParentNode() == element
          && lang.equals(doc.getAttributeNS(XMLConstants.XML_NS_URI, "lang"))
          && !doc.getTextContent().isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** The second branch of Response's choice repeats EventName and JobsDetail, documented in the first. */
  private static boolean isRepeatOfDocumentedDeclaration(Element element) {
    String name = element.getAttribute("name");
    return name.equals("EventName") || name.equals("JobsDetail");
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode read(Path file) throws Exception {
    return MAPPER.readTree(file.toFile());
  }

  private static void walk(Path dir, String file, JsonNode schema, List<String> path, List<List<String>> into)
      throws Exception {
    JsonNode properties = schema.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      List<String> child = new ArrayList<>(path);
      child.add(property.getKey());
      JsonNode declared = property.getValue();
      assertTrue(declared.path("description").asText().length() > 3, "no description: " + child);
      assertTrue(declared.path("x-description-zh").asText().length() > 1, "no Chinese description: " + child);
      into.add(child);
      JsonNode target = declared.has("oneOf") ? declared.get("oneOf").get(0) : declared;
      String targetFile = file;
      while (target.has("$ref")) {
        String ref = target.get("$ref").asText();
        String refFile = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        targetFile = refFile.isEmpty() ? targetFile : refFile;
        JsonNode document = read(dir.resolve(targetFile));
        target = ref.contains("#") ? document.at(ref.substring(ref.indexOf('#') + 1)) : document;
      }
      walk(dir, targetFile, target, child, into);
    }
  }
}
