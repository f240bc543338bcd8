package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConvertCommandTest {

  static List<Path> validFixtures() throws IOException {
    try (Stream<Path> files = Files.walk(Cli.EXAMPLES)) {
      return files.filter(Files::isRegularFile).filter(Cli::isPayload)
          .filter(p -> p.getFileName().toString().startsWith("valid-"))
          .filter(p -> !p.getParent().endsWith("moderation"))
          .sorted().toList();
    }
  }

  static List<Path> validModerationFixtures() throws IOException {
    try (Stream<Path> files = Files.list(Cli.EXAMPLES.resolve("json/moderation"))) {
      return files.filter(p -> p.getFileName().toString().matches("valid-.*\\.json")).sorted().toList();
    }
  }

  /**
   * A moderation callback converts to JSON as CI sends it and to the contract's XML reading of it, which the
   * moderation XSD accepts; convert says so on standard error, and validate, which reads moderation as JSON, refuses
   * the XML with one problem that says why.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("validModerationFixtures")
  void converts_a_moderation_callback_to_its_xml_reading_and_says_so(Path fixture) throws Exception {
    Cli json = Cli.run("convert", "--to", "json", fixture.toString());
    assertEquals(0, json.status(), json.err());
    assertEquals("", json.err());
    Cli again = Cli.run(new ByteArrayInputStream(json.out().getBytes(StandardCharsets.UTF_8)), "validate", "-");
    assertEquals(0, again.status(), again.out());

    Cli xml = Cli.run("convert", "--to", "xml", fixture.toString());
    assertEquals(0, xml.status(), xml.err());
    assertTrue(xml.err().contains("is a content-moderation callback") && xml.err().contains("JSON only"), xml.err());
    String form = fixture.getFileName().toString().contains("-simple-") ? "simple" : "detail";
    var validator = dev.cicallback.contract.SchemaFiles.newXsdSchema("moderation-" + form + ".xsd").newValidator();
    validator.setResourceResolver(dev.cicallback.contract.SchemaFiles.includeResolver());
    validator.validate(new javax.xml.transform.stream.StreamSource(
        new ByteArrayInputStream(xml.out().getBytes(StandardCharsets.UTF_8))));
    Cli check = Cli.run(new ByteArrayInputStream(xml.out().getBytes(StandardCharsets.UTF_8)),
        "validate", "--format", "xml", "-");
    assertEquals(1, check.status(), check.out());
    assertTrue(check.out().contains("content-moderation (auditing) callback in XML"), check.out());
  }

  @Tag("every-fixture")
  @ParameterizedTest(name = "{0}")
  @MethodSource("validFixtures")
  void converts_every_valid_fixture_to_the_other_format_validly(Path fixture) {
    String to = fixture.toString().endsWith(".xml") ? "json" : "xml";

    Cli converted = Cli.run("convert", "--to", to, fixture.toString());
    assertEquals(0, converted.status(), converted.out() + converted.err());
    assertEquals("", converted.err());

    Cli check = Cli.run(new ByteArrayInputStream(converted.out().getBytes(StandardCharsets.UTF_8)),
        "validate", "--format", to, "-");
    assertEquals(0, check.status(), check.out() + "\n" + converted.out());
  }

  @Test
  void json_output_looks_like_cis_own() {
    Cli cli = Cli.run("convert", "--to", "json", Cli.EXAMPLES.resolve("xml/valid-seed-workflow.xml").toString());

    assertTrue(cli.out().startsWith("{\n    \"EventName\": \"TaskFinish\",\n    \"JobsDetail\": [\n"), cli.out());
  }

  @Test
  void invalid_input_gets_the_validate_report_and_exit_status() {
    Path fixture = Cli.EXAMPLES.resolve("json/invalid-joblevel-3.json");

    Cli convert = Cli.run("convert", "--to", "xml", fixture.toString());
    Cli validate = Cli.run("validate", fixture.toString());

    assertEquals(1, convert.status());
    assertEquals(validate.out(), convert.out());
  }

  @Test
  void tolerant_mode_warns_on_standard_error_and_converts() throws IOException {
    byte[] payload = Files.readAllBytes(Cli.EXAMPLES.resolve("xml/invalid-unknown-element-in-jobsdetail.xml"));

    Cli cli = Cli.run(new ByteArrayInputStream(payload), "convert", "--to", "json", "--mode", "tolerant", "-");

    assertEquals(0, cli.status(), cli.out() + cli.err());
    assertTrue(cli.err().startsWith("-:51:9: warning: unknown node Priority in JobsDetail"), cli.err());
    assertTrue(cli.out().startsWith("{"), cli.out());
  }

  @Test
  void usage_errors_exit_2() {
    assertEquals(2, Cli.run("convert", Cli.EXAMPLES.resolve("xml/valid-minimal.xml").toString()).status());
    assertEquals(2, Cli.run("convert", "--to", "yaml", "x.xml").status());
    assertEquals(2, Cli.run("convert", "--to", "xml", "no/such.xml").status());
  }

  @Test
  void a_character_xml_cannot_carry_is_refused_with_exit_1(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    String minimal = Files.readString(Cli.EXAMPLES.resolve("json/valid-minimal.json"));
    Path payload = dir.resolve("control.json");
    Files.writeString(payload, minimal.replace("\"Input\": \"", "\"Input\": \"\\u0007"));

    Cli cli = Cli.run("convert", "--to", "xml", payload.toString());

    assertEquals(1, cli.status(), cli.out() + cli.err());
    assertEquals("", cli.out());
    assertEquals("ci-callback convert: cannot write " + payload + " as XML: Input holds U+0007, a character XML 1.0"
        + " cannot carry; only JSON can\n", cli.err());
  }
}
