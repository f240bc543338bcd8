package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.validator.ProblemCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The three report formats, over the whole fixture folder. */
class ReportFormatTest {

  private static final String FOLDER = Cli.EXAMPLES.toString();
  private static final Set<String> CODES =
      Arrays.stream(ProblemCode.values()).map(Enum::name).collect(Collectors.toSet());

  private static long count(String prefix) throws IOException {
    try (Stream<Path> files = Files.walk(Cli.EXAMPLES)) {
      return files.filter(Files::isRegularFile).filter(Cli::isPayload)
          .filter(p -> p.getFileName().toString().startsWith(prefix)).count();
    }
  }

  @Test
  void text_report_has_one_line_per_problem_then_the_summary() throws IOException {
    Cli cli = Cli.run("validate", FOLDER);
    String[] lines = cli.out().split("\n");

    for (int i = 0; i < lines.length - 1; i++) {
      assertTrue(
          lines[i].matches(".+\\.(xml|json)(:\\d+:\\d+)?: (error|warning): .+( \\(/.*\\))?"),
          "not a problem line: " + lines[i]);
    }
    assertEquals(count("valid-") + " valid, " + count("invalid-") + " invalid", lines[lines.length - 1]);
  }

  @Test
  void json_report_has_one_object_per_payload_with_its_problems() throws IOException {
    Cli cli = Cli.run("validate", "--report", "json", FOLDER);
    JsonNode report = new ObjectMapper().readTree(cli.out());

    assertEquals(1, cli.status());
    assertEquals(count("valid-"), report.get("validCount").asLong());
    assertEquals(count("invalid-"), report.get("invalidCount").asLong());
    assertFalse(report.has("valid") || report.has("invalid"), "counts named like the payloads' booleans");
    assertEquals(count("valid-") + count("invalid-"), report.get("payloads").size());
    for (JsonNode payload : report.get("payloads")) {
      String name = Path.of(payload.get("path").asText()).getFileName().toString();
      assertEquals(name.startsWith("valid-"), payload.get("valid").asBoolean(), name);
      assertEquals(name.endsWith(".xml") ? "xml" : "json", payload.get("format").asText(), name);
      assertEquals(name.startsWith("valid-"), payload.get("problems").isEmpty(), name);
      for (JsonNode problem : payload.get("problems")) {
        assertTrue(problem.get("line").asInt() > 0, problem::toString);
        assertTrue(problem.get("message").asText().length() > 10, problem::toString);
        assertTrue(problem.has("location") && problem.has("column") && problem.has("severity"));
        assertTrue(CODES.contains(problem.path("code").asText()), () -> name + ": no problem code in " + problem);
      }
    }
  }

  @Test
  void junit_report_matches_the_junit_xml_structure() throws Exception {
    Cli cli = Cli.run("validate", "--report", "junit", FOLDER);
    byte[] xml = cli.out().getBytes(StandardCharsets.UTF_8);

    SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    schemas
        .newSchema(new StreamSource(getClass().getResourceAsStream("/junit-report.xsd")))
        .newValidator()
        .validate(new StreamSource(new ByteArrayInputStream(xml)));

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    var xpath = XPathFactory.newInstance().newXPath();
    long total = count("valid-") + count("invalid-");

    assertEquals(String.valueOf(total), xpath.evaluate("/testsuites/testsuite/@tests", document));
    assertEquals(String.valueOf(count("invalid-")), xpath.evaluate("/testsuites/testsuite/@failures", document));
    assertEquals(total, ((NodeList) xpath.evaluate("//testcase", document, XPathConstants.NODESET)).getLength());
    assertEquals(
        count("invalid-"), ((NodeList) xpath.evaluate("//testcase[failure]", document, XPathConstants.NODESET)).getLength());
    assertEquals(
        0,
        ((NodeList) xpath.evaluate("//testcase[starts-with(@name, '" + FOLDER + "/xml/valid-') and failure]",
            document, XPathConstants.NODESET)).getLength());
    String failure = xpath.evaluate("//testcase[contains(@name, 'invalid-joblevel-3.xml')]/failure/@message", document);
    assertTrue(failure.startsWith("JobLevel: \"3\" is not allowed"), failure);
    assertEquals("VALUE", xpath.evaluate("//testcase[contains(@name, 'invalid-joblevel-3.xml')]/failure/@type", document));
    assertEquals("MISSING",
        xpath.evaluate("//testcase[contains(@name, 'xml/invalid-missing-jobid.xml')]/failure/@type", document));
    NodeList types = (NodeList) xpath.evaluate("//failure/@type", document, XPathConstants.NODESET);
    for (int i = 0; i < types.getLength(); i++) {
      String type = types.item(i).getNodeValue();
      assertTrue(CODES.contains(type), () -> "a failure type that is no problem code: " + type);
    }
  }

  @Test
  void junit_report_times_the_suite_and_each_case_in_seconds_with_a_dot_whatever_the_locale() throws Exception {
    java.util.Locale before = java.util.Locale.getDefault();
    Cli cli;
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      cli = Cli.run("validate", "--report", "junit", FOLDER);
    } finally {
      java.util.Locale.setDefault(before);
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document =
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(cli.out().getBytes(StandardCharsets.UTF_8)));
    var xpath = XPathFactory.newInstance().newXPath();

    String suite = xpath.evaluate("/testsuites/testsuite/@time", document);
    assertTrue(suite.matches("\\d+\\.\\d{3}"), "testsuite time " + suite);
    NodeList cases = (NodeList) xpath.evaluate("//testcase", document, XPathConstants.NODESET);
    double sum = 0;
    for (int i = 0; i < cases.getLength(); i++) {
      String time = ((org.w3c.dom.Element) cases.item(i)).getAttribute("time");
      assertTrue(time.matches("\\d+\\.\\d{3}"), "testcase time " + time);
      sum += Double.parseDouble(time);
    }
    assertTrue(sum > 0, "every test case took no time at all");
  }
}
