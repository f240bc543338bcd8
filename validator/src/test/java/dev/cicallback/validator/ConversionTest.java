package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.testing.CanonicalJson;
import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.model.json.Callback;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.ElementSelectors;

/** One model for both wire formats: reading, writing, and converting keep every value. */
public class ConversionTest {

  private static final CallbackReader READER = CallbackReader.strict();
  private static final CallbackValidator VALIDATOR = CallbackValidator.strict();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<Path> validXml() {
    return Fixtures.all().stream().filter(Fixtures::expectsValid).filter(p -> p.toString().endsWith(".xml")).toList();
  }

  static List<Path> validJson() {
    return Fixtures.all().stream().filter(Fixtures::expectsValid).filter(p -> p.toString().endsWith(".json")).toList();
  }

  private static Callback read(byte[] payload) {
    ReadResult result = READER.read(payload);
    assertTrue(result.isValid(), result.problems()::toString);
    return result.callback().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validXml")
  void xml_to_model_to_json_to_model_to_xml_keeps_every_value(Path fixture) throws Exception {
    byte[] input = Fixtures.read(fixture);
    byte[] json = CallbackWriter.toJson(read(input));
    byte[] xml = CallbackWriter.toXml(read(json));

    assertValid(json);
    assertValid(xml);
    assertSameValues(input, xml);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validJson")
  void json_to_model_to_xml_to_model_to_json_keeps_every_value(Path fixture) throws Exception {
    byte[] input = Fixtures.read(fixture);
    byte[] xml = CallbackWriter.toXml(read(input));
    byte[] json = CallbackWriter.toJson(read(xml));

    assertValid(xml);
    assertValid(json);
    assertEquals(CanonicalJson.of(MAPPER.readTree(input)), CanonicalJson.of(MAPPER.readTree(json)));
  }

  /** The XML {@code written} holds every value of {@code input} (empty elements aside), in any order. */
  private static void assertSameValues(byte[] input, byte[] written) throws Exception {
    Diff diff =
        DiffBuilder.compare(withoutEmptyElements(input))
            .withTest(written)
            .ignoreComments()
            .ignoreElementContentWhitespace()
            .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byNameAndText, ElementSelectors.byName))
            .checkForSimilar()
            .build();
    assertFalse(diff.hasDifferences(), () -> diff + "\n" + new String(written, StandardCharsets.UTF_8));
  }

  /** Fixtures tolerant mode reads with warnings: unknown nodes, unknown Tags, bodies without EventName. */
  static List<Path> toleratedXml() {
    return tolerated(".xml");
  }

  static List<Path> toleratedJson() {
    return tolerated(".json");
  }

  private static List<Path> tolerated(String extension) {
    return Fixtures.all().stream()
        .filter(Fixtures::expectsWarningWhenTolerant)
        .filter(p -> p.toString().endsWith(extension))
        .toList();
  }

  private static Callback readTolerantly(byte[] payload) {
    ReadResult result = CallbackReader.tolerant().read(payload);
    assertTrue(result.isValid(), result.problems()::toString);
    assertFalse(result.problems().isEmpty(), "tolerated, so warned about");
    return result.callback().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toleratedXml")
  void tolerant_xml_to_model_to_json_to_model_to_xml_keeps_every_value_the_contract_does_not_know(Path fixture)
      throws Exception {
    byte[] input = Fixtures.read(fixture);
    byte[] xml = CallbackWriter.toXml(readTolerantly(CallbackWriter.toJson(readTolerantly(input))));

    assertSameValues(input, xml);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toleratedJson")
  void tolerant_json_to_model_to_xml_to_model_to_json_keeps_every_value_the_contract_does_not_know(Path fixture)
      throws Exception {
    byte[] input = Fixtures.read(fixture);
    byte[] json = CallbackWriter.toJson(readTolerantly(CallbackWriter.toXml(readTolerantly(input))));

    assertEquals(CanonicalJson.of(MAPPER.readTree(input)), CanonicalJson.of(MAPPER.readTree(json)));
  }

  @Test
  void a_job_of_a_tag_the_contract_does_not_know_is_read_with_its_operation_in_tolerant_mode() {
    byte[] payload = Fixtures.read(Fixtures.ROOT.resolve("xml/invalid-unknown-tag-transcodepro-with-its-operation.xml"));

    ReadResult strict = READER.read(payload);
    ReadResult tolerant = CallbackReader.tolerant().read(payload);

    assertEquals(ProblemCode.UNKNOWN_TAG, strict.problems().get(0).code(), strict.problems()::toString);
    assertTrue(tolerant.isValid(), tolerant.problems()::toString);
    assertEquals(List.of("TranscodePro"), tolerant.tags());
    assertEquals(Optional.of("TaskFinish"), tolerant.event());
    var operation = tolerant.callback().orElseThrow().getJobsDetail().get(0).getOperation();
    assertEquals("test-123456789", operation.getOutput().getBucket());
    assertTrue(operation.getAdditionalProperties().containsKey("TransConfig"), operation::toString);
  }

  @Test
  void a_body_without_event_name_is_refused_strictly_and_read_tolerantly_as_what_it_holds() {
    byte[] workflow = Fixtures.read(Fixtures.ROOT.resolve("xml/invalid-legacy-workflow-callback-no-eventname.xml"));

    assertEquals(ProblemCode.MISSING_EVENT_NAME, READER.read(workflow).problems().get(0).code());
    ReadResult tolerant = CallbackReader.tolerant().read(workflow);
    assertTrue(tolerant.isValid(), tolerant.problems()::toString);
    assertEquals(Optional.of("WorkflowFinish"), tolerant.event());
    assertEquals(2, tolerant.callback().orElseThrow().getWorkflowExecution().getTasks().size());
  }

  @Test
  void a_job_api_response_is_read_by_the_strict_reader_as_a_job_response() {
    byte[] response =
        Fixtures.read(Fixtures.ROOT.resolve("xml/invalid-missing-eventname-job-api-tts-submit-response.xml"));

    ReadResult read = READER.readJobResponse(response);

    assertTrue(read.isValid(), read.problems()::toString);
    assertEquals(List.of(), read.problems());
    assertEquals(List.of("Tts"), read.tags());
    assertEquals("Submitted", read.callback().orElseThrow().getJobsDetail().get(0).getState().value());
  }

  @Test
  void seed_case_2_and_corrected_case_3_convert_to_the_same_data() throws Exception {
    byte[] case2 = Fixtures.read(Fixtures.ROOT.resolve("xml/valid-seed-workflow.xml"));
    byte[] case3 = Fixtures.read(Fixtures.ROOT.resolve("json/valid-seed-workflow.json"));

    JsonNode fromXml = MAPPER.readTree(CallbackWriter.toJson(read(case2)));
    JsonNode fromJson = MAPPER.readTree(CallbackWriter.toJson(read(case3)));
    assertEquals(CanonicalJson.of(fromXml), CanonicalJson.of(fromJson));
    assertEquals(CanonicalJson.of(MAPPER.readTree(case3)), CanonicalJson.of(fromXml));

    Diff diff =
        DiffBuilder.compare(CallbackWriter.toXml(read(case3)))
            .withTest(withoutEmptyElements(case2))
            .ignoreElementContentWhitespace()
            .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byNameAndText, ElementSelectors.byName))
            .checkForSimilar()
            .build();
    assertFalse(diff.hasDifferences(), diff::toString);
  }

  @Test
  void json_output_uses_arrays_for_repeatable_nodes_and_drops_empty_ones() throws Exception {
    byte[] case1 = Fixtures.read(Fixtures.ROOT.resolve("xml/valid-seed-case1-task-api.xml"));

    JsonNode json = MAPPER.readTree(CallbackWriter.toJson(read(case1)));

    assertTrue(json.get("JobsDetail").isArray());
    JsonNode outputFile = json.at("/JobsDetail/0/Operation/MediaResult/OutputFile");
    assertTrue(outputFile.get("ObjectName").isArray());
    assertTrue(outputFile.get("Md5Info").isArray());
    assertFalse(outputFile.has("ObjectPrefix"), "empty <ObjectPrefix/> is dropped");
    assertFalse(json.at("/JobsDetail/0").has("Message"), "empty <Message/> is dropped");
    assertFalse(json.at("/JobsDetail/0/Operation/MediaInfo").has("Format"), "empty <Format/> is dropped");
    assertEquals("0", json.at("/JobsDetail/0/Operation/JobLevel").asText());
  }

  @Test
  void xml_output_is_what_ci_sends() throws Exception {
    byte[] case3 = Fixtures.read(Fixtures.ROOT.resolve("json/valid-seed-workflow.json"));

    String xml = new String(CallbackWriter.toXml(read(case3)), StandardCharsets.UTF_8);

    assertTrue(xml.startsWith("<Response>\n    <EventName>TaskFinish</EventName>"), xml);
    assertTrue(xml.contains("<CosHeaders>\n                    <Key>Content-Type</Key>"), xml);
    assertEquals(4, xml.split("<CosHeaders>", -1).length - 1);
  }

  @Test
  void reading_a_timestamp_gives_offset_date_time_and_writes_it_back_unchanged() {
    byte[] case1 = Fixtures.read(Fixtures.ROOT.resolve("xml/valid-seed-case1-task-api.xml"));

    Callback callback = read(case1);

    assertEquals(
        java.time.OffsetDateTime.parse("2022-06-30T19:33:18+08:00"),
        callback.getJobsDetail().get(0).getCreationTime().toOffsetDateTime().orElseThrow());
    assertTrue(new String(CallbackWriter.toXml(callback), StandardCharsets.UTF_8)
        .contains("<CreationTime>2022-06-30T19:33:18+0800</CreationTime>"));
  }

  @Test
  void tolerant_reading_reports_unknown_nodes_and_keeps_them() {
    byte[] payload = Fixtures.read(Fixtures.ROOT.resolve("xml/invalid-unknown-element-in-jobsdetail.xml"));

    ReadResult strict = READER.read(payload);
    ReadResult tolerant = CallbackReader.tolerant().read(payload);

    assertFalse(strict.isValid());
    assertTrue(strict.callback().isEmpty());
    assertTrue(tolerant.isValid(), tolerant.problems()::toString);
    assertEquals(List.of("/Response/JobsDetail[1]/Priority"),
        tolerant.unknownNodes().stream().map(Problem::location).toList());
    Callback callback = tolerant.callback().orElseThrow();
    assertEquals("high", callback.getJobsDetail().get(0).getAdditionalProperties().get("Priority"));
    assertTrue(new String(CallbackWriter.toXml(callback), StandardCharsets.UTF_8).contains("<Priority>high</Priority>"));
    assertTrue(new String(CallbackWriter.toJson(callback), StandardCharsets.UTF_8).matches("(?s).*\"Priority\" ?: ?\"high\".*"));
  }

  @Test
  void a_date_the_schema_admits_but_the_calendar_does_not_is_an_error_not_an_exception() {
    String json = new String(Fixtures.read(Fixtures.ROOT.resolve("json/valid-minimal.json")), StandardCharsets.UTF_8)
        .replace("\"JobId\"", "\"CreationTime\": \"2022-02-30T10:00:00+0800\", \"JobId\"");

    ReadResult result = READER.read(json.getBytes(StandardCharsets.UTF_8));

    assertFalse(result.isValid());
    assertTrue(result.problems().get(result.problems().size() - 1).location().endsWith("/CreationTime"),
        result.problems()::toString);
  }

  @Test
  void markup_characters_and_carriage_returns_survive_json_to_xml_and_back() throws Exception {
    String text = "a & <b> \"c\" 'd'\r\ne\tf \uD83D\uDE00";
    Callback callback = read(withInput(text));

    byte[] xml = CallbackWriter.toXml(callback);

    assertValid(xml);
    assertEquals(text, read(xml).getJobsDetail().get(0).getOperation().getTtsConfig().getInput());
  }

  @Test
  void a_character_xml_cannot_carry_is_refused_with_the_node_that_holds_it() throws Exception {
    Callback callback = read(withInput("a\u0001b"));

    CallbackWriter.UnwritableAsXml refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            CallbackWriter.UnwritableAsXml.class, () -> CallbackWriter.toXml(callback));

    assertEquals("Input holds U+0001, a character XML 1.0 cannot carry; only JSON can", refused.getMessage());
    assertTrue(new String(CallbackWriter.toJson(callback), StandardCharsets.UTF_8).contains("a\\u0001b"));
  }

  /** The minimal JSON fixture with {@code TtsConfig/Input} set to {@code text}. */
  private static byte[] withInput(String text) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            MAPPER.readTree(Fixtures.read(Fixtures.ROOT.resolve("json/valid-minimal.json")));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/JobsDetail/Operation/TtsConfig")).put("Input", text);
    return MAPPER.writeValueAsBytes(tree);
  }

  private static void assertValid(byte[] payload) {
    ValidationResult result = VALIDATOR.validate(payload);
    assertTrue(result.isValid(), () -> result.problems() + "\n" + new String(payload, StandardCharsets.UTF_8));
  }

  /** The XML with every element that has no text and no children removed, as CI's JSON drops them. */
  static Document withoutEmptyElements(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    while (removeEmpty(document.getDocumentElement())) {
      // Removing a child may leave its parent empty.
    }
    return document;
  }

  private static boolean removeEmpty(Element element) {
    boolean removed = false;
    Node child = element.getFirstChild();
    while (child != null) {
      Node next = child.getNextSibling();
      if (child instanceof Element e) {
        if (e.getChildNodes().getLength() == 0 || e.getTextContent().isBlank() && !hasElements(e)) {
          element.removeChild(e);
          removed = true;
        } else {
          removed |= removeEmpty(e);
        }
      }
      child = next;
    }
    return removed;
  }

  /** Whether {@code element} has child elements. */
  public static boolean hasElements(Element element) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        return true;
      }
    }
    return false;
  }

}
