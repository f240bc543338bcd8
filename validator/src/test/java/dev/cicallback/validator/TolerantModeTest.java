package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tolerant mode turns unknown nodes into warnings and nothing else. */
class TolerantModeTest {

  private static final CallbackValidator STRICT = CallbackValidator.strict();
  private static final CallbackValidator TOLERANT = CallbackValidator.tolerant();

  private static String fixture(String name) throws Exception {
    return Files.readString(Fixtures.ROOT.resolve(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void unknown_xml_element_is_an_error_in_strict_mode_and_a_warning_in_tolerant_mode() throws Exception {
    byte[] payload = bytes(fixture("xml/invalid-unknown-element-in-jobsdetail.xml"));

    ValidationResult strict = STRICT.validate(payload);
    ValidationResult tolerant = TOLERANT.validate(payload);

    assertFalse(strict.isValid());
    assertEquals("/Response/JobsDetail[1]/Priority", strict.errors().get(0).location());
    assertTrue(tolerant.isValid(), tolerant.problems()::toString);
    assertEquals(1, tolerant.warnings().size());
    Problem warning = tolerant.warnings().get(0);
    assertEquals("/Response/JobsDetail[1]/Priority", warning.location());
    assertEquals(51, warning.line());
    assertTrue(warning.message().contains("unknown node Priority in JobsDetail"), warning::message);
  }

  @Test
  void unknown_json_member_is_an_error_in_strict_mode_and_a_warning_in_tolerant_mode() throws Exception {
    byte[] payload = bytes(fixture("json/invalid-unknown-property-in-operation.json"));

    assertFalse(STRICT.validate(payload).isValid());
    ValidationResult tolerant = TOLERANT.validate(payload);
    assertTrue(tolerant.isValid(), tolerant.problems()::toString);
    assertEquals(List.of("/JobsDetail/Operation/Colorize"),
        tolerant.warnings().stream().map(Problem::location).toList());
  }

  @Test
  void unknown_subtree_is_skipped_whole_and_known_nodes_are_still_judged() throws Exception {
    String xml =
        fixture("xml/valid-seed-case1-task-api.xml")
            .replace("<Tag>Tts</Tag>", "<Tag>Tts</Tag><Extra><JobId>x</JobId><Deeper/></Extra>")
            .replace("<JobLevel>0</JobLevel>", "<JobLevel>7</JobLevel>");

    ValidationResult tolerant = TOLERANT.validate(bytes(xml));

    assertEquals(1, tolerant.warnings().size(), tolerant.problems()::toString);
    assertEquals(1, tolerant.errors().size(), tolerant.problems()::toString);
    assertTrue(tolerant.errors().get(0).message().startsWith("JobLevel: \"7\" is not allowed"));
    assertFalse(tolerant.isValid());
  }

  @Test
  void every_other_error_stays_an_error_in_tolerant_mode() throws Exception {
    for (Path fixture : Fixtures.all()) {
      if (Fixtures.expectsValidWhenTolerant(fixture)) {
        assertTrue(TOLERANT.validate(fixture).isValid(), fixture + " is tolerated in tolerant mode");
      } else {
        assertFalse(TOLERANT.validate(fixture).isValid(), fixture + " must stay invalid in tolerant mode");
      }
    }
  }

  @Test
  void unknown_attributes_are_unknown_nodes() throws Exception {
    String xml =
        fixture("xml/valid-seed-case1-task-api.xml")
            .replace("<Response>", "<Response xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:noNamespaceSchemaLocation=\"http://127.0.0.1:1/x.xsd\">");

    ValidationResult strict = STRICT.validate(bytes(xml));
    ValidationResult tolerant = TOLERANT.validate(bytes(xml));

    assertEquals(List.of("/Response/@xsi:noNamespaceSchemaLocation"),
        strict.errors().stream().map(Problem::location).toList());
    assertTrue(tolerant.isValid(), tolerant.problems()::toString);
  }

  @Test
  void an_empty_container_written_across_lines_reads_as_empty_beside_an_unknown_node() throws Exception {
    // With an unknown node the payload takes the full pass, whose tree once kept the line break as Video's value.
    String xml =
        fixture("xml/valid-seed-case1-task-api.xml")
            .replace("<Audio>", "<Video>\n    </Video><Priority>1</Priority><Audio>");

    ReadResult read = CallbackReader.create(ValidatorOptions.builder().mode(ValidatorOptions.Mode.TOLERANT).build())
        .read(bytes(xml));

    assertTrue(read.isValid(), read.problems()::toString);
    assertEquals(1, read.validation().warnings().size(), read.problems()::toString);
    var stream = read.callback().orElseThrow().getJobsDetail().get(0).getOperation().getMediaInfo().getStream();
    assertTrue(stream.getVideo() == null || stream.getVideo().isEmpty(), () -> "Video: " + stream.getVideo());
    assertEquals(1, stream.getAudio().size());
  }
}
