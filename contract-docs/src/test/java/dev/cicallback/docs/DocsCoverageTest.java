package dev.cicallback.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.contract.testing.ContractFolders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every node of both schemas is in the pages with both languages' descriptions, every link of every page resolves, no
 * page is over the size limit, and generation is repeatable.
 */
class DocsCoverageTest {

  private static final Path SCHEMA = Path.of(System.getProperty("schema.dir", "../schema"));
  private static final Path DOCS = Path.of(System.getProperty("docs.dir", "../generated-docs"));
  /** What the build passes the generator besides the folders (contract-docs/pom.xml). */
  private static final String DATE = System.getProperty("contract.date", "2026-12-01");
  private static final String PROJECT_VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");

  /** No generated page (the screenshot aside) may be larger than this. */
  private static final long MAX_PAGE_BYTES = 400_000;

  /** The generated files of {@code dir} with that ending, by name. */
  private static List<Path> files(Path dir, String ending) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(ending)).sorted().toList();
    }
  }

  /** Every HTML page, one after the other. */
  private static String html() throws Exception {
    StringBuilder all = new StringBuilder();
    for (Path page : files(DOCS, ".html")) {
      all.append(Files.readString(page, StandardCharsets.UTF_8));
    }
    return all.toString();
  }

  /** Every Markdown page, one after the other. */
  private static String markdown() throws Exception {
    StringBuilder all = new StringBuilder();
    for (Path page : files(DOCS, ".md")) {
      all.append(Files.readString(page, StandardCharsets.UTF_8));
    }
    return all.toString();
  }

  private static String index() throws Exception {
    return Files.readString(DOCS.resolve("index.html"), StandardCharsets.UTF_8);
  }

  /**
   * Whether the pages give the node its anchor, or give one of its ancestors a row that links the one place its type
   * is described (a container of a type shown once).
   */
  private static boolean anchored(String html, String markdown, String anchor) {
    boolean inHtml = html.contains("id=\"" + anchor + "\"") || html.contains("id=\"row-" + anchor + "\"");
    boolean inMarkdown = markdown.contains("id=\"" + anchor + "\"") || markdown.contains("#" + anchor + ")");
    if (inHtml && inMarkdown) {
      return true;
    }
    for (int dot = anchor.lastIndexOf('.'); dot > 0; dot = anchor.lastIndexOf('.', dot - 1)) {
      String ancestor = anchor.substring(0, dot);
      if (html.contains("<tr id=\"row-" + ancestor + "\" class=\"same-type\">")) {
        return markdown.contains("<a id=\"" + ancestor + "\"></a>[");
      }
    }
    return false;
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
      assertTrue(anchored(html, markdown, anchor), "the pages have no anchor " + anchor);
    }
  }

  @Test
  void every_moderation_json_schema_property_has_both_descriptions_and_an_anchor_in_the_docs() throws Exception {
    String html = html();
    String markdown = markdown();
    for (String entry : List.of("moderation-detail", "moderation-simple")) {
      List<List<String>> paths = new ArrayList<>();
      String file = entry + ".schema.json";
      walk(SCHEMA.resolve("json"), file, read(SCHEMA.resolve("json").resolve(file)), new ArrayList<>(), paths);

      assertTrue(paths.size() > 20, entry + ": walked only " + paths.size() + " properties");
      for (List<String> path : paths) {
        String anchor = entry + ".Response." + String.join(".", path);
        assertTrue(anchored(html, markdown, anchor), "the pages have no anchor " + anchor);
      }
    }
  }

  @Test
  void each_moderation_kind_has_an_index_entry_linking_its_page_and_the_parts_its_own_file_declares() throws Exception {
    String html = html();
    String index = index();
    String markdown = Files.readString(DOCS.resolve("README.md"), StandardCharsets.UTF_8);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    List<String> kinds = List.of("image", "text", "video", "audio", "live", "document", "webpage");
    for (String kind : kinds) {
      Matcher row = Pattern.compile("<tr><td id=\"moderation-kind-" + kind + "\">(.*?)</tr>").matcher(index);
      assertTrue(row.find(), "index.html has no index entry for moderation kind " + kind);
      List<String> named;
      try (Stream<Path> files = Files.list(SCHEMA.resolve("examples/json/moderation"))) {
        named = files.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".json") && n.contains("-auditing-" + kind + "-")).toList();
      }
      long valid = named.stream().filter(n -> n.startsWith("valid-")).count();
      assertTrue(valid > 0, kind + " has no valid fixture");
      assertTrue(row.group(1).endsWith("<td>" + named.size() + " (" + valid + " valid)</td>"),
          kind + ": the fixtures counted are not " + named + ": " + row.group(1));
      // The kind's own parts: the elements its group declares directly (xs:group/xs:choice/xs:element).
      Element schema = factory.newDocumentBuilder()
          .parse(SCHEMA.resolve("xml/moderation-" + kind + ".xsd").toFile()).getDocumentElement();
      NodeList groups = schema.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "group");
      assertEquals(1, groups.getLength(), kind + " declares one group");
      List<String> parts = new ArrayList<>();
      NodeList elements = groups.item(0).getChildNodes();
      for (int i = 0; i < elements.getLength(); i++) {
        if (elements.item(i) instanceof Element choice && choice.getLocalName().equals("choice")) {
          for (org.w3c.dom.Node n = choice.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element && element.getLocalName().equals("element")) {
              parts.add(element.getAttribute("name"));
            }
          }
        }
      }
      assertFalse(parts.isEmpty(), kind + " declares no parts");
      assertTrue(row.group(1).startsWith("<a href=\"moderation-" + kind + ".html\">"),
          kind + ": the index entry does not link the kind's page: " + row.group(1));
      for (String part : parts) {
        String anchor = "moderation-detail.Response.JobsDetail." + part;
        assertTrue(Pattern.compile("<a href=\"[\\w.-]*#(row-)?" + Pattern.quote(anchor) + "\">" + part + "</a>")
            .matcher(row.group(1)).find(), kind + ": the index entry does not link " + part + ": " + row.group(1));
        assertTrue(html.contains("id=\"" + anchor + "\"") || html.contains("id=\"row-" + anchor + "\""),
            "no page has an anchor " + anchor);
        assertTrue(Pattern.compile("\\[" + part + "\\]\\([\\w.-]*#" + Pattern.quote(anchor) + "\\)").matcher(markdown)
            .find(), "README.md does not link " + anchor);
      }
      assertEquals(parts.size() + 1, row.group(1).split("<a href=", -1).length - 1,
          kind + ": the entry links the kind's page and only the kind's own parts: " + row.group(1));
    }
  }

  @Test
  void every_moderation_fixture_is_an_example() throws Exception {
    String html = html();
    String markdown = markdown();
    List<Path> fixtures;
    try (Stream<Path> files = Files.list(SCHEMA.resolve("examples/json/moderation"))) {
      fixtures = files.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertTrue(fixtures.size() > 10, "only " + fixtures.size() + " moderation fixtures");
    for (Path fixture : fixtures) {
      String name = fixture.getFileName().toString();
      boolean valid = name.startsWith("valid-");
      assertTrue(html.contains("<h3 id=\"example-json-moderation-" + name + "\">json/moderation/" + name
          + "</h3>\n<p class=\"" + (valid ? "valid" : "invalid") + "\">"), "index.html does not list " + name);
      assertTrue(markdown.contains("### json/moderation/" + name + "\n"), "README.md does not list " + name);
    }
  }

  @Test
  void every_page_is_self_contained_and_only_the_index_has_a_script_its_own() throws Exception {
    List<Path> pages = files(DOCS, ".html");
    assertTrue(pages.size() > 50, "only " + pages.size() + " HTML pages");
    for (Path page : pages) {
      String html = Files.readString(page, StandardCharsets.UTF_8);
      String name = page.getFileName().toString();
      assertFalse(html.contains("<script src") || html.contains("<link") || html.contains("url(")
          || html.contains("@import"), name + ": no external assets");
      assertEquals(name.equals("index.html"), html.contains("<script"), name + ": a script on the index alone");
      Matcher external = Pattern.compile("<(\\w+)[^>]*\\s(\\w+)=\"(?:https?:)?//").matcher(html);
      List<String> loaded = new ArrayList<>();
      while (external.find()) {
        if (!(external.group(1).equals("a") && external.group(2).equals("href"))) {
          loaded.add(external.group());
        }
      }
      assertEquals(List.of(), loaded, name + ": no external assets, only links may point off the page");
      assertTrue(html.contains("<nav aria-label=\"Payload tree\">"), name);
    }
    String index = index();
    assertTrue(index.split("href=\"https://", -1).length - 1 >= 4,
        "the index links Tencent's docs in its header and differences section");
    assertTrue(index.contains("<input id=\"search-box\" type=\"search\""), "the index has a search box");
  }

  @Test
  void every_link_of_every_page_reaches_a_page_and_an_anchor_on_it() throws Exception {
    Pattern htmlLink = Pattern.compile("<a href=\"([^\"]*)\"");
    Pattern markdownLink = Pattern.compile("\\]\\(([^)\\s]*)\\)");
    Map<String, String> texts = new java.util.HashMap<>();
    List<Path> pages = new ArrayList<>(files(DOCS, ".html"));
    pages.addAll(files(DOCS, ".md"));
    for (Path page : pages) {
      texts.put(page.getFileName().toString(), Files.readString(page, StandardCharsets.UTF_8));
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      String name = page.getFileName().toString();
      String text = texts.get(name);
      if (name.endsWith(".md")) {
        // the examples' code and the values in code spans (patterns: "[0-9](...)") are not links
        text = text.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\\n]*`", "");
      }
      Matcher link = (name.endsWith(".html") ? htmlLink : markdownLink).matcher(text);
      while (link.find()) {
        String target = link.group(1).replace("&amp;", "&");
        if (target.startsWith("https://")) {
          continue;
        }
        checked++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String to = file.isEmpty() ? name : file;
        if (to.equals("index.png")) {
          continue;
        }
        String linked = texts.get(to);
        if (linked == null || file.contains("/")) {
          broken.add(name + ": " + target + " (no such page)");
        } else if (hash >= 0 && !linked.contains("id=\"" + target.substring(hash + 1) + "\"")) {
          broken.add(name + ": " + target + " (no such anchor)");
        }
      }
    }
    assertTrue(checked > 4_000, "checked only " + checked + " links");
    assertEquals(List.of(), broken.subList(0, Math.min(broken.size(), 20)), broken.size() + " broken links");
  }

  @Test
  void no_page_is_larger_than_the_limit_and_each_event_tag_and_moderation_kind_has_its_own() throws Exception {
    try (Stream<Path> files = Files.list(DOCS)) {
      for (Path file : files.filter(f -> !f.toString().endsWith(".png")).toList()) {
        assertTrue(Files.size(file) <= MAX_PAGE_BYTES, file.getFileName() + " is " + Files.size(file) + " bytes");
      }
    }
    Contract contract = Contract.read(SCHEMA);
    List<String> expected = new ArrayList<>(List.of("taskfinish", "workflowfinish", "shared", "moderation-detail",
        "moderation-simple"));
    contract.tags.keySet().forEach(tag -> expected.add("tag-" + tag.toLowerCase(java.util.Locale.ROOT)));
    contract.moderationKinds.keySet().forEach(kind -> expected.add("moderation-" + kind.kind()));
    for (String page : expected) {
      assertTrue(Files.exists(DOCS.resolve(page + ".html")) && Files.exists(DOCS.resolve(page + ".md")), page);
      assertTrue(index().contains("href=\"" + page + ".html\""), "the index does not link " + page);
    }
    assertEquals(expected.size() + 1, files(DOCS, ".html").size(), "pages beyond the index and these");
  }

  @Test
  void the_header_says_what_the_page_is_in_both_languages_with_the_contract_version_and_date() throws Exception {
    String html = index();
    Matcher header = Pattern.compile("<header>(.*?)</header>", Pattern.DOTALL).matcher(html);
    assertTrue(header.find(), "no header");
    String version = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
        .parse(SCHEMA.resolve("xml/callback.xsd").toFile()).getDocumentElement().getAttribute("version");

    assertFalse(version.isBlank(), "callback.xsd states no version");
    assertTrue(header.group(1).contains("Contract version " + version + ", updated " + DATE), header.group(1));
    assertTrue(header.group(1).contains("契约版本 " + version), header.group(1));
    assertTrue(header.group(1).contains("href=\"https://cloud.tencent.com/document/product/460\""));
    assertTrue(header.group(1).contains("href=\"https://www.tencentcloud.com/document/product/1045\""));
    assertTrue(header.group(1).contains("lang=\"zh\">数据万象"), "no Chinese introduction");
    assertFalse(header.group(1).contains("`"), "no Markdown left in the header");
  }

  @Test
  void node_tables_name_the_parent_once_and_fold_long_patterns() throws Exception {
    String html = html();
    String envelope = Files.readString(DOCS.resolve("taskfinish.html"), StandardCharsets.UTF_8);
    Matcher table = Pattern.compile("<h3 id=\"Response\\.JobsDetail\\.Operation\">(.*?)</table>", Pattern.DOTALL)
        .matcher(envelope);
    assertTrue(table.find(), "no table of Response/JobsDetail/Operation");

    assertTrue(table.group(1).contains("Response/<wbr>JobsDetail/<wbr></span>Operation</h3>"), "the parent is the heading");
    assertFalse(table.group(1).contains("<td>Response/JobsDetail/Operation</td>"), "no parent column");
    assertFalse(html.contains("<th>Parent</th>"));
    Matcher folded = Pattern.compile("<details class=\"pattern\"><summary>pattern \\((\\d+) characters\\)</summary>")
        .matcher(html);
    int count = 0;
    while (folded.find()) {
      assertTrue(Integer.parseInt(folded.group(1)) > 40, folded.group());
      count++;
    }
    assertTrue(count > 5, "the timestamp patterns are folded: " + count);
    assertFalse(html.contains("pattern `"), "patterns are code, not Markdown");
  }

  @Test
  void the_differences_section_is_in_both_languages_and_shows_a_note_s_chinese_where_the_schema_has_it(
      @TempDir Path dir) throws Exception {
    String html = index();
    assertTrue(html.contains("<h2 id=\"differences\">Differences from Tencent's published docs <span lang=\"zh\">"
        + Overview.DIFFERENCES_TITLE_ZH + "</span></h2>"));
    assertTrue(html.contains("<p class=\"zh\" lang=\"zh\">" + Overview.DIFFERENCES[1]));

    // A copy of schema/ whose note on Md5 has a Chinese twin: the generated page shows it under the English.
    Path schema = ContractFolders.copyWithExamples(SCHEMA, dir.resolve("schema"));
    String note = "Tencent's table types Md5 as Container; it is a 32-hex-digit string.</xs:appinfo>";
    ContractFolders.edit(schema.resolve("xml/common.xsd"), note, note
        + "<xs:appinfo source=\"differs-from-tencent-docs\" xml:lang=\"zh\">腾讯云表格将 Md5 标为 Container。</xs:appinfo>");
    DocsGenerator.main(new String[] {schema.toString(), dir.resolve("out").toString(), DATE, PROJECT_VERSION});
    String translated = Files.readString(dir.resolve("out/index.html"), StandardCharsets.UTF_8);

    assertTrue(translated.matches("(?s).*<li id=\"difference-\\d+\"><span class=\"diff\">≠\\d+</span> Tencent's table"
        + " types Md5 as Container; it is a"
        + " 32-hex-digit string\\.<span class=\"sub zh\" lang=\"zh\">腾讯云表格将 Md5 标为 Container。</span>.*"));
    assertFalse(html.contains("腾讯云表格将 Md5"));
  }

  @Test
  void generation_is_repeatable_and_matches_the_build_output(@TempDir Path dir) throws Exception {
    DocsGenerator.main(new String[] {SCHEMA.toString(), dir.resolve("a").toString(), DATE, PROJECT_VERSION});
    DocsGenerator.main(new String[] {SCHEMA.toString(), dir.resolve("b").toString(), DATE, PROJECT_VERSION});

    List<String> names = new ArrayList<>();
    for (Path file : files(dir.resolve("a"), "")) {
      names.add(file.getFileName().toString());
    }
    List<String> committed = new ArrayList<>();
    for (Path file : files(DOCS, "")) {
      if (!file.getFileName().toString().equals("index.png")) {
        committed.add(file.getFileName().toString());
      }
    }
    assertEquals(committed, names, "the pages written are not those of " + DOCS);
    for (String file : names) {
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
      while (target.has("$ref") || target.has("items")) {
        if (target.has("items")) {
          target = target.get("items");
          continue;
        }
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
