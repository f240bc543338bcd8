package dev.cicallback.cli.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.validator.CallbackReader;
import dev.cicallback.validator.CallbackValidator;
import dev.cicallback.validator.CallbackWriter;
import dev.cicallback.validator.PayloadFormat;
import dev.cicallback.validator.ReadResult;
import dev.cicallback.validator.ValidationResult;
import dev.cicallback.validator.ValidatorOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event's body, in both formats: valid, fresh ids, timestamps moved to now, the forms CI writes. */
class BodyMakerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** 2031-05-06 07:08:09 UTC, plus a fraction the timestamps drop. */
  private static final Instant NOW = Instant.parse("2031-05-06T07:08:09.750Z");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d[+-]\\d{4}");
  private static final Pattern ID = Pattern.compile("[a-z][0-9a-f]{32}");

  /** The job and workflow events: both wire forms, CI's ids and timestamps. */
  static Stream<Event> events() {
    return EventCatalogue.all().stream().filter(e -> !e.moderation());
  }

  static Stream<Event> moderationEvents() {
    return EventCatalogue.all().stream().filter(Event::moderation);
  }

  @Test
  void a_received_moderation_body_is_named_after_its_kind_state_and_id() throws Exception {
    for (String name : List.of("moderation-image-detail", "moderation-text-simple", "moderation-live-detail")) {
      Body body = counting().make(EventCatalogue.find(name).orElseThrow(), PayloadFormat.JSON, List.of(), false);
      dev.cicallback.validator.ReadResult read = dev.cicallback.validator.CallbackReader.strict().read(body.bytes());
      String stem = Received.of(body.bytes(), read).stem();
      assertTrue(stem.matches(switch (name) {
        case "moderation-image-detail" -> "valid-auditing-image-success-xxxx";
        case "moderation-text-simple" -> "valid-auditing-text-test-trace-id";
        default -> "valid-auditing-video-auditing-[a-z][0-9a-f]{32}";
      }), stem);
    }
  }

  /**
   * A content-moderation event is JSON whatever format is asked for, carries the form CI names in its header, and
   * reads, with that header, as a moderation callback of that form.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("moderationEvents")
  void a_moderation_body_is_json_with_its_form_header_and_reads_as_that_form(Event event) throws Exception {
    for (PayloadFormat asked : PayloadFormat.values()) {
      Body body = counting().make(event, asked, List.of(), false);
      assertEquals(java.util.Optional.of(PayloadFormat.JSON), body.format());
      assertEquals("application/json", body.contentType());
      assertEquals(event.contentVersion(), body.contentVersion());
      dev.cicallback.validator.ReadResult read =
          dev.cicallback.validator.CallbackReader.strict().read(body.bytes(), body.contentVersion().orElseThrow());
      assertTrue(read.isValid(), read.problems()::toString);
      assertEquals(event.contentVersion().orElseThrow().toUpperCase(java.util.Locale.ROOT),
          read.moderation().orElseThrow().form().name());
    }
  }

  /** Ids 000...1, 000...2, ... so that a test can tell them. */
  private static BodyMaker counting() {
    AtomicInteger next = new AtomicInteger();
    return new BodyMaker(ValidatorOptions.defaults(),
        new FreshValues(() -> NOW, () -> String.format("%032x", next.incrementAndGet())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void both_forms_are_valid_and_bind_to_the_same_callback(Event event) throws Exception {
    BodyMaker maker = counting();
    Body xml = maker.make(event, PayloadFormat.XML, List.of(), false);
    maker = counting(); // the same ids again
    Body json = maker.make(event, PayloadFormat.JSON, List.of(), false);

    ValidationResult xmlVerdict = CallbackValidator.strict().validate(xml.bytes());
    ValidationResult jsonVerdict = CallbackValidator.strict().validate(json.bytes());
    assertTrue(xmlVerdict.isValid(), xmlVerdict + "\n" + new String(xml.bytes(), StandardCharsets.UTF_8));
    assertTrue(jsonVerdict.isValid(), jsonVerdict + "\n" + new String(json.bytes(), StandardCharsets.UTF_8));
    assertEquals(PayloadFormat.XML, xmlVerdict.format().orElseThrow());
    assertEquals(PayloadFormat.JSON, jsonVerdict.format().orElseThrow());
    assertEquals(Body.Expect.ACCEPTED, xml.expect());
    assertEquals(xml.id(), json.id());
    assertEquals(asJson(xml.bytes()), asJson(json.bytes()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void the_wire_forms_are_those_callback_writer_writes(Event event) throws Exception {
    ObjectNode tree = counting().tree(event);
    ReadResult read = CallbackReader.strict().read(WireForms.json(tree));
    assertTrue(read.isValid(), read.problems().toString());

    assertEquals(new String(CallbackWriter.toJson(read.callback().get()), StandardCharsets.UTF_8),
        new String(WireForms.json(tree), StandardCharsets.UTF_8));
    assertEquals(new String(CallbackWriter.toXml(read.callback().get()), StandardCharsets.UTF_8),
        new String(WireForms.xml(tree), StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void ids_are_fresh_in_cis_form_and_the_latest_timestamp_is_now_with_every_interval_kept(Event event)
      throws Exception {
    ObjectNode fixture = counting().tree(event);
    Body body = counting().make(event, PayloadFormat.JSON, List.of(), false);
    ObjectNode fresh = (ObjectNode) JSON.readTree(body.bytes());

    String before = BodyMaker.id(fixture);
    assertTrue(ID.matcher(body.id()).matches(), body.id());
    assertNotEquals(before, body.id());
    assertEquals(before.charAt(0), body.id().charAt(0), "the id keeps its letter: " + before + " " + body.id());
    assertEquals(before.charAt(0) + String.format("%032x", 1), body.id());
    assertTrue(!fresh.toString().contains(before), "the old id is gone everywhere: " + before);

    List<OffsetDateTime> was = timestamps(fixture);
    List<OffsetDateTime> now = timestamps(fresh);
    assertEquals(was.size(), now.size());
    assertTrue(!now.isEmpty(), "every event has timestamps: " + event.name());
    OffsetDateTime latest = now.stream().max(OffsetDateTime::compareTo).orElseThrow();
    assertEquals(NOW.minusMillis(750), latest.toInstant());
    Duration shift = Duration.between(was.get(0), now.get(0));
    for (int i = 0; i < was.size(); i++) {
      assertEquals(was.get(i).plus(shift).toInstant(), now.get(i).toInstant(), "every time moves alike");
      assertEquals(was.get(i).getOffset(), now.get(i).getOffset(), "each keeps its offset");
    }
  }

  @Test
  void timestamps_keep_their_format_the_job_one_with_t_the_workflow_one_with_a_space() throws Exception {
    Body run = counting().make(EventCatalogue.find("workflow-finish").orElseThrow(), PayloadFormat.XML, List.of(),
        false);
    String xml = new String(run.bytes(), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<CreateTime>2031-05-06 15:08:09+0800</CreateTime>")
        || xml.matches("(?s).*<EndTime>2031-05-06 15:08:09\\+0800</EndTime>.*"), xml);

    Body job = counting().make(EventCatalogue.find("tts-success").orElseThrow(), PayloadFormat.XML, List.of(), false);
    assertTrue(new String(job.bytes(), StandardCharsets.UTF_8)
        .contains("<EndTime>2031-05-06T15:08:09+0800</EndTime>"), new String(job.bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void each_body_of_the_default_maker_has_its_own_ids() throws Exception {
    BodyMaker maker = BodyMaker.create(ValidatorOptions.defaults());
    Event event = EventCatalogue.find("tts-workflow").orElseThrow();
    Body one = maker.make(event, PayloadFormat.JSON, List.of(), false);
    Body two = maker.make(event, PayloadFormat.JSON, List.of(), false);

    assertNotEquals(one.id(), two.id());
    JsonNode first = JSON.readTree(one.bytes());
    JsonNode second = JSON.readTree(two.bytes());
    String run = first.at("/JobsDetail/0/Workflow").findValue("RunId").asText();
    assertTrue(ID.matcher(run).matches(), run);
    assertNotEquals(run, second.at("/JobsDetail/0/Workflow").findValue("RunId").asText());
    Instant latest = timestamps(first).stream().map(OffsetDateTime::toInstant).max(Instant::compareTo).orElseThrow();
    assertTrue(Duration.between(latest, Instant.now()).abs().toMinutes() < 5, "now, not " + latest);
  }

  private static JsonNode asJson(byte[] body) {
    ReadResult read = CallbackReader.strict().read(body);
    assertTrue(read.isValid(), read.problems().toString());
    try {
      return JSON.readTree(CallbackWriter.toJson(read.callback().get()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<OffsetDateTime> timestamps(JsonNode tree) {
    List<OffsetDateTime> times = new ArrayList<>();
    Matcher m = TIMESTAMP.matcher(tree.toString());
    while (m.find()) {
      String text = m.group();
      times.add(OffsetDateTime.parse(text, DateTimeFormatter.ofPattern(
          text.charAt(10) == 'T' ? "uuuu-MM-dd'T'HH:mm:ssxx" : "uuuu-MM-dd HH:mm:ssxx")));
    }
    return times;
  }
}
