package dev.cicallback.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one list of constructs the contract may not use: schema/ uses none, each construct is found with its file and
 * line in a schema that uses it (one fixture per construct under {@code refused/}, named after it), and
 * {@code schema/README.md} prints the list as the code has it.
 */
class RefusedConstructTest {

  private static final Path FIXTURES = Path.of("src/test/resources/refused");
  private static final Path README = FormsAgreeTest.SCHEMA.resolve("README.md");

  @Test
  void schema_uses_no_refused_construct() throws Exception {
    List<Refusal> refusals = Contract.of(FormsAgreeTest.SCHEMA).refusals();
    assertEquals(List.of(), refusals.stream().map(Refusal::toString).toList());
  }

  @TestFactory
  Stream<DynamicTest> each_fixture_is_refused_with_its_construct_file_and_line(@TempDir Path temp) throws IOException {
    return fixtures().stream().map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> {
      String name = fixture.getFileName().toString();
      boolean xsd = name.endsWith(".xsd");
      String file = xsd ? "xml/" + SchemaFiles.CALLBACK_XSD : "json/" + SchemaFiles.CALLBACK_JSON_SCHEMA;
      Path folder = temp.resolve(name);
      Files.createDirectories(folder.resolve(file).getParent());
      Files.copy(fixture, folder.resolve(file));
      List<Refusal> refusals = Contract.of(folder).refusals();
      Location expected = new Location(file, markedLine(fixture, xsd ? "<!-- here -->" : "\"Refused\":"));
      assertEquals(List.of(construct(name) + " at " + expected),
          refusals.stream().map(r -> r.construct() + " at " + r.at()).toList(), refusals.toString());
      String message = refusals.get(0).toString();
      assertTrue(message.startsWith(expected + ": ") && message.contains(construct(name).what()), message);
    }));
  }

  @Test
  void a_map_of_text_values_is_the_one_open_node_allowed(@TempDir Path temp) throws Exception {
    String map = "<xs:any namespace=\"##local\" processContents=\"skip\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>";
    assertEquals(List.of(), xsdRefusals(temp.resolve("map"), "<xs:sequence>" + map + "</xs:sequence>"));
    assertEquals(List.of(RefusedConstruct.WILDCARD), xsdRefusals(temp.resolve("lax"),
        "<xs:sequence>" + map.replace("skip", "lax") + "</xs:sequence>"));
    assertEquals(List.of(RefusedConstruct.WILDCARD), xsdRefusals(temp.resolve("beside"),
        "<xs:sequence><xs:element name=\"A\" type=\"xs:string\"/>" + map + "</xs:sequence>"));
    assertEquals(List.of(RefusedConstruct.WILDCARD), xsdRefusals(temp.resolve("once"),
        "<xs:sequence>" + map.replace("unbounded", "1") + "</xs:sequence>"));
    assertEquals(List.of(), jsonRefusals(temp.resolve("json-map"),
        "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}"));
    assertEquals(List.of(RefusedConstruct.JSON_OPEN_OBJECT), jsonRefusals(temp.resolve("json-numbers"),
        "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"integer\"}}"));
    assertEquals(List.of(RefusedConstruct.JSON_OPEN_OBJECT), jsonRefusals(temp.resolve("json-beside"),
        "{\"type\": \"object\", \"properties\": {\"A\": {\"type\": \"string\"}},"
            + " \"additionalProperties\": {\"type\": \"string\"}}"));
  }

  private static List<RefusedConstruct> xsdRefusals(Path folder, String content) throws Exception {
    Files.createDirectories(folder.resolve("xml"));
    Files.writeString(folder.resolve("xml/" + SchemaFiles.CALLBACK_XSD), "<xs:schema"
        + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" version=\"1.0\"><xs:element name=\"Response\""
        + " type=\"Response\"/><xs:complexType name=\"Response\">" + content + "</xs:complexType></xs:schema>");
    return Contract.of(folder).refusals().stream().map(Refusal::construct).toList();
  }

  private static List<RefusedConstruct> jsonRefusals(Path folder, String headers) throws Exception {
    Files.createDirectories(folder.resolve("json"));
    Files.writeString(folder.resolve("json/" + SchemaFiles.CALLBACK_JSON_SCHEMA), "{\"x-contract-version\": \"1.0\","
        + " \"type\": \"object\", \"additionalProperties\": false, \"properties\": {\"CosHeaders\": " + headers
        + "}}");
    return Contract.of(folder).refusals().stream().map(Refusal::construct).toList();
  }

  @Test
  void every_construct_has_a_fixture() throws IOException {
    Set<RefusedConstruct> covered = new TreeSet<>();
    for (Path fixture : fixtures()) {
      covered.add(construct(fixture.getFileName().toString()));
    }
    assertEquals(new TreeSet<>(Arrays.asList(RefusedConstruct.values())), covered);
  }

  @Test
  void schema_readme_prints_the_list() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String start = "<!-- refused-constructs: generated from RefusedConstruct; RefusedConstructTest checks it -->\n";
    String end = "<!-- end of refused-constructs -->";
    int from = readme.indexOf(start);
    int to = readme.indexOf(end);
    assertTrue(from >= 0 && to > from, README + " has no section between \"" + start.strip() + "\" and \"" + end
        + "\"");
    String expected = table();
    assertEquals(expected, readme.substring(from + start.length(), to),
        README + ": the list of refused constructs is not the code's; replace it with:\n" + expected);
  }

  /** The list as schema/README.md prints it. */
  static String table() {
    StringBuilder out = new StringBuilder("| construct | what a schema may not use | why |\n|---|---|---|\n");
    for (RefusedConstruct construct : RefusedConstruct.values()) {
      out.append("| `").append(construct.name()).append("` | ").append(construct.what().replace("|", "\\|"))
          .append(" | ").append(construct.why().replace("|", "\\|")).append(" |\n");
    }
    return out.toString();
  }

  private static List<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files.filter(f -> f.getFileName().toString().startsWith("refused-")).sorted().toList();
    }
  }

  /** {@code refused-json-open-object.schema.json} is {@link RefusedConstruct#JSON_OPEN_OBJECT}. */
  private static RefusedConstruct construct(String fileName) {
    String stem = fileName.substring("refused-".length(), fileName.indexOf('.'));
    String name = stem.toUpperCase(Locale.ROOT).replace('-', '_');
    return name.equals("NAMESPACE_TARGET") ? RefusedConstruct.NAMESPACE : RefusedConstruct.valueOf(name);
  }

  private static int markedLine(Path fixture, String marker) throws IOException {
    List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i + 1;
      }
    }
    throw new IllegalStateException(fixture + " marks no line with " + marker);
  }
}
