package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.contract.SchemaFiles;
import dev.cicallback.model.moderation.json.ModerationDetail;
import dev.cicallback.model.testing.CanonicalJson;
import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.validator.internal.json.JsonPayloadValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/**
 * Content-moderation callbacks are read by content, either form, into their kind, form and generated root type; the
 * quick verdict of each form agrees with the full evaluator; an invalid one is refused naming the node its file name
 * says; written back as JSON every value is kept, and as the contract's XML reading the moderation XSD accepts it.
 */
class ModerationReadTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final CallbackReader STRICT = CallbackReader.strict();
  private static final CallbackReader TOLERANT = CallbackReader.tolerant();

  static List<Path> valid() {
    List<Path> valid = Fixtures.moderation().stream().filter(Fixtures::expectsValid).toList();
    assertTrue(valid.size() >= 10, valid::toString);
    return valid;
  }

  static List<Path> invalid() {
    return Fixtures.moderation().stream().filter(f -> !Fixtures.expectsValid(f)).toList();
  }

  static List<Path> all() {
    return Fixtures.moderation();
  }

  /** {@code valid-auditing-live-detail-...}: the kind and form its name states. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void each_valid_fixture_is_read_as_the_kind_and_form_its_name_says(Path fixture) {
    String[] words = fixture.getFileName().toString().split("-");
    ModerationKind kind = switch (words[2]) {
      case "live" -> ModerationKind.LIVE_STREAM;
      case "webpage" -> ModerationKind.WEB_PAGE;
      default -> ModerationKind.valueOf(words[2].toUpperCase(Locale.ROOT));
    };
    ModerationForm form = ModerationForm.valueOf(words[3].toUpperCase(Locale.ROOT));
    for (CallbackReader reader : List.of(STRICT, TOLERANT)) {
      ReadResult read = reader.read(Fixtures.read(fixture));
      assertTrue(read.isValid(), read.problems()::toString);
      assertEquals(List.of(), read.problems());
      assertEquals(CallbackKind.MODERATION, read.kind().orElseThrow());
      assertTrue(read.callback().isEmpty());
      ModerationCallback moderation = read.moderation().orElseThrow();
      // The published live sample has no Type: it reads as a video's callback, as its body says.
      assertEquals(fixture.toString().contains("live-detail-intldocs") ? ModerationKind.VIDEO : kind,
          moderation.kind());
      assertEquals(form, moderation.form());
      assertEquals(form == ModerationForm.DETAIL, moderation.detail().isPresent());
      assertEquals(form == ModerationForm.SIMPLE, moderation.simple().isPresent());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void the_quick_verdict_agrees_with_the_full_evaluator(Path fixture) {
    byte[] payload = Fixtures.read(fixture);
    for (ValidatorOptions options : List.of(ValidatorOptions.defaults(),
        ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).build())) {
      JsonPayloadValidator json = new JsonPayloadValidator(options, false);
      boolean quick = json.check(payload, 0, payload.length).problems().isEmpty();
      boolean full = json.checkFully(payload, 0, payload.length).problems().isEmpty();
      assertEquals(full, quick, options.mode() + ": the quick pass and the full pass disagree");
      assertEquals(Fixtures.expectsValid(fixture) && options.mode() == ValidatorOptions.Mode.STRICT, quick
          && options.mode() == ValidatorOptions.Mode.STRICT);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void each_invalid_fixture_is_refused_naming_the_node_its_name_says(Path fixture) {
    ReadResult read = STRICT.read(Fixtures.read(fixture));
    assertFalse(read.isValid());
    assertTrue(read.moderation().isEmpty() && read.callback().isEmpty());
    Problem first = read.problems().get(0);
    String name = fixture.getFileName().toString().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    String said = (first.message() + " " + first.location()).toLowerCase(Locale.ROOT).replace("_", "");
    boolean named = false;
    for (String word : said.split("[^a-z0-9]+")) {
      named |= word.length() > 3 && name.contains(word) && !List.of("auditing", "json", "detail").contains(word);
    }
    assertTrue(named, fixture.getFileName() + ": " + first);
    assertTrue(first.line() > 0, first::toString);
  }

  @Test
  void an_unknown_node_is_kept_in_tolerant_mode() {
    byte[] payload = Fixtures.read(Fixtures.ROOT.resolve(
        "json/moderation/invalid-unknown-property-auditing-image-in-porninfo.json"));
    assertEquals(ProblemCode.UNKNOWN_NODE, STRICT.read(payload).problems().get(0).code());
    ReadResult read = TOLERANT.read(payload);
    assertTrue(read.isValid(), read.problems()::toString);
    assertEquals(1, read.unknownNodes().size());
    assertEquals("/JobsDetail/PornInfo/Reason", read.unknownNodes().get(0).location());
    ModerationDetail detail = read.moderation().orElseThrow().detail().orElseThrow();
    assertEquals(Map.of("Reason", "new field"), detail.getJobsDetail().getPornInfo().getAdditionalProperties());
    assertTrue(new String(CallbackWriter.toJson(read.moderation().get()), StandardCharsets.UTF_8)
        .contains("\"Reason\": \"new field\""));
  }

  @Test
  void the_header_names_the_form_of_a_body_whose_content_does_not_tell() {
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    List<String> simple = STRICT.read(empty, "Simple").problems().stream().map(Problem::message).toList();
    assertTrue(simple.stream().anyMatch(m -> m.contains("data")), simple::toString);
    List<String> detail = STRICT.read(empty, "Detail").problems().stream().map(Problem::message).toList();
    assertTrue(detail.stream().anyMatch(m -> m.contains("JobsDetail")), detail::toString);
    // The content decides when it tells: a Detail body is Detail whatever the header says.
    byte[] body = Fixtures.read(Fixtures.ROOT.resolve(
        "json/moderation/valid-auditing-image-detail-intldocs-sample1.json"));
    assertEquals(ModerationForm.DETAIL, STRICT.read(body, "Simple").moderation().orElseThrow().form());
    // And a job callback stays one.
    byte[] job = Fixtures.read(Fixtures.ROOT.resolve("json/valid-seed-workflow.json"));
    assertEquals(CallbackKind.JOB, STRICT.read(job, "Detail").kind().orElseThrow());
  }

  @Test
  void a_live_stream_sends_auditing_callbacks_typed_as_one() {
    ReadResult read = STRICT.read(Fixtures.read(Fixtures.ROOT.resolve(
        "json/moderation/valid-auditing-live-detail-running-auditing.json")));
    ModerationCallback moderation = read.moderation().orElseThrow();
    assertEquals(ModerationKind.LIVE_STREAM, moderation.kind());
    ModerationDetail detail = ((ModerationCallback.Detail) moderation).body();
    assertEquals("Auditing", detail.getJobsDetail().getState().value());
    assertEquals(Integer.valueOf(1), detail.getJobsDetail().getSnapshotCount());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void written_back_as_json_every_value_is_kept(Path fixture) throws Exception {
    byte[] payload = Fixtures.read(fixture);
    ModerationCallback moderation = STRICT.read(payload).moderation().orElseThrow();
    byte[] json = CallbackWriter.toJson(moderation);
    JsonNode in = MAPPER.readTree(payload);
    JsonNode out = MAPPER.readTree(json);
    assertEquals(CanonicalJson.of(in), CanonicalJson.of(out));
    assertEquals(in.findValues("Result").toString(), out.findValues("Result").toString(), "numbers stay numbers");
    assertEquals(moderation, STRICT.read(json).moderation().orElseThrow(), "read again, the same callback");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void written_as_xml_it_is_the_moderation_xsds_reading(Path fixture) throws Exception {
    ModerationCallback moderation = STRICT.read(Fixtures.read(fixture)).moderation().orElseThrow();
    byte[] xml = CallbackWriter.toXml(moderation);
    String xsd = moderation.form() == ModerationForm.DETAIL ? SchemaFiles.MODERATION_DETAIL_XSD
        : SchemaFiles.MODERATION_SIMPLE_XSD;
    try {
      var validator = SchemaFiles.newXsdSchema(xsd).newValidator();
      validator.setResourceResolver(SchemaFiles.includeResolver());
      validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      throw new AssertionError(e.getMessage() + "\n" + new String(xml, StandardCharsets.UTF_8), e);
    }
    String text = new String(xml, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("<Response>"), text);
    if (text.contains("<CosHeaders>") || text.contains("<cos_headers>")) {
      assertTrue(text.matches("(?s).*<(CosHeaders|cos_headers)>\\s*<x-cos-meta-[a-z]+>[^<]*</x-cos-meta-.*"), text);
    }
    // The validator reads moderation callbacks as JSON: the XML reading gets one problem that says so.
    List<Problem> problems = CallbackValidator.strict().validate(xml).problems();
    assertEquals(1, problems.size(), problems::toString);
    assertEquals(ProblemCode.NOT_COVERED, problems.get(0).code());
  }
}
