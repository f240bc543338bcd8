package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.Problem;
import dev.cicallback.validator.ValidationResult;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON and JUnit reports as whole documents, over the verdicts on real fixtures with fixed times: a valid
 * payload, one error, errors and warnings together, and a payload refused before its format is known.
 */
class ReportDocumentTest {

  private static final Path VALID = Cli.EXAMPLES.resolve("xml/valid-minimal.xml");
  private static final Path ONE_ERROR = Cli.EXAMPLES.resolve("xml/invalid-joblevel-3.xml");
  private static final Path ERRORS_AND_WARNINGS =
      Cli.EXAMPLES.resolve("json/invalid-eventname-and-jobsdetail-wrapped-in-response.json");

  private static List<PayloadResult> results;

  @BeforeAll
  static void judge() throws IOException {
    CallbackValidator strict = CallbackValidator.strict();
    CallbackValidator tolerant = CallbackValidator.tolerant();
    CallbackValidator tiny = CallbackValidator.create(ValidatorOptions.builder().maxBytes(10).build());
    results = List.of(
        new PayloadResult("valid.xml", strict.validate(VALID), 42_000_000L),
        new PayloadResult("joblevel.xml", strict.validate(ONE_ERROR), 1_500_000_000L),
        new PayloadResult("wrapped.json", tolerant.validate(ERRORS_AND_WARNINGS), 999_499L),
        new PayloadResult("-", tiny.validate(VALID), 0L));
    assertEquals(List.of(0, 1, 1, 1), results.stream().map(r -> r.result().errors().size()).toList());
    assertEquals(List.of(0, 0, 2, 0), results.stream().map(r -> r.result().warnings().size()).toList());
  }

  private static String written(Report report) throws IOException {
    StringWriter text = new StringWriter();
    // As the command writes it: through a PrintWriter, which a report must not close.
    PrintWriter out = new PrintWriter(text);
    report.write(results, out);
    out.flush();
    return text.toString();
  }

  // ---- JSON ----

  private static ObjectNode expectedJson() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode report = nodes.objectNode();
    report.put("validCount", 1);
    report.put("invalidCount", 3);
    ArrayNode payloads = report.putArray("payloads");
    for (PayloadResult result : results) {
      ObjectNode payload = payloads.addObject();
      payload.put("path", result.path());
      ValidationResult verdict = result.result();
      if (verdict.format().isPresent()) {
        payload.put("format", verdict.format().get().label());
      } else {
        payload.putNull("format");
      }
      payload.put("valid", verdict.isValid());
      ArrayNode problems = payload.putArray("problems");
      for (Problem problem : verdict.problems()) {
        problems.addObject()
            .put("severity", problem.severity().label())
            .put("code", problem.code().name())
            .put("message", problem.message())
            .put("line", problem.line())
            .put("column", problem.column())
            .put("location", problem.location());
      }
    }
    return report;
  }

  @Test
  void json_report_holds_the_counts_and_every_payload_with_its_problems() throws IOException {
    String json = written(new JsonReport());

    JsonNode report = new ObjectMapper().readTree(json);
    assertEquals(expectedJson(), report);
    assertEquals("xml", report.at("/payloads/1/format").asText());
    assertTrue(report.at("/payloads/3/format").isNull(), "a payload refused unread has no format");
    assertEquals(0, report.at("/payloads/3/problems/0/line").asInt());
    assertEquals("VALUE", report.at("/payloads/1/problems/0/code").asText(), "JobLevel 3 is outside 0..2");
    assertEquals("LIMIT", report.at("/payloads/3/problems/0/code").asText(), "a payload over the size limit");
  }

  @Test
  void json_report_is_indented_and_ends_with_a_line_feed() throws IOException {
    String json = written(new JsonReport());

    assertTrue(json.startsWith("{\n  \"validCount\" : 1,\n  \"invalidCount\" : 3,\n"), json);
    assertTrue(json.endsWith("}\n"), json);
  }

  // ---- JUnit ----

  private static String attribute(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String content(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String lines(String path, List<Problem> problems) {
    return problems.stream().map(p -> content(TextReport.line(path, p))).collect(Collectors.joining("\n", "\n", "\n"));
  }

  @Test
  void junit_report_has_a_case_per_payload_failures_for_errors_and_system_out_for_warnings() throws IOException {
    String xml = written(new JunitReport(Duration.ofMillis(2_345)));

    ValidationResult joblevel = results.get(1).result();
    ValidationResult wrapped = results.get(2).result();
    ValidationResult refused = results.get(3).result();
    String expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<testsuites name=\"ci-callback validate\" tests=\"4\" failures=\"3\" errors=\"0\" time=\"2.345\">\n"
        + "  <testsuite name=\"ci-callback validate\" tests=\"4\" failures=\"3\" errors=\"0\" skipped=\"0\""
        + " time=\"2.345\">\n"
        + "    <testcase classname=\"ci-callback.xml\" name=\"valid.xml\" time=\"0.042\"></testcase>\n"
        + "    <testcase classname=\"ci-callback.xml\" name=\"joblevel.xml\" time=\"1.500\">\n"
        + "      <failure type=\"VALUE\" message=\""
        + attribute(joblevel.errors().get(0).message()) + "\">"
        + lines("joblevel.xml", joblevel.errors()) + "</failure>\n"
        + "    </testcase>\n"
        + "    <testcase classname=\"ci-callback.json\" name=\"wrapped.json\" time=\"0.001\">\n"
        + "      <failure type=\"" + wrapped.errors().get(0).code() + "\" message=\""
        + attribute(wrapped.errors().get(0).message()) + "\">"
        + lines("wrapped.json", wrapped.errors()) + "</failure>\n"
        + "      <system-out>" + lines("wrapped.json", wrapped.warnings()) + "</system-out>\n"
        + "    </testcase>\n"
        + "    <testcase classname=\"ci-callback.unknown\" name=\"-\" time=\"0.000\">\n"
        + "      <failure type=\"LIMIT\" message=\""
        + attribute(refused.errors().get(0).message()) + "\">"
        + lines("-", refused.errors()) + "</failure>\n"
        + "    </testcase>\n"
        + "  </testsuite>\n"
        + "</testsuites>\n";
    assertEquals(expected, xml);
  }

  @Test
  void junit_times_are_seconds_to_the_millisecond() {
    assertEquals("0.000", JunitReport.seconds(0));
    assertEquals("0.000", JunitReport.seconds(499_999));
    assertEquals("0.001", JunitReport.seconds(500_000));
    assertEquals("1.000", JunitReport.seconds(1_000_000_000));
    assertEquals("3600.250", JunitReport.seconds(3_600_250_000_000L));
  }

  @Test
  void the_summary_counts_valid_and_invalid_payloads() {
    assertEquals("1 valid, 3 invalid", Report.summary(results));
    assertEquals("1 valid, 0 invalid", Report.summary(results.subList(0, 1)));
    assertEquals("0 valid, 0 invalid", Report.summary(List.of()));
  }
}
