package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strict mode holds a job of a Tag with its own entry to what that entry requires beyond the union entry (a TTS job:
 * State, Operation/TtsConfig, Operation/Output), whatever way the payload spells the Tag, job by job; tolerant mode
 * does not ask it.
 */
class TagRequirementsTest {

  private static final String XML_LACKING = "xml/invalid-tag-required-tts-lacks-ttsconfig.xml";
  private static final String JSON_LACKING = "json/invalid-tag-required-tts-lacks-ttsconfig.json";

  private static String fixture(String name) throws Exception {
    return Files.readString(Fixtures.ROOT.resolve(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The one error strict mode finds, as {@code line:column code location | message}. */
  private static String onlyError(byte[] payload) {
    List<Problem> errors = CallbackValidator.strict().validate(payload).errors();
    assertEquals(1, errors.size(), errors::toString);
    Problem p = errors.get(0);
    return p.line() + ":" + p.column() + " " + p.code() + " " + p.location() + " | " + p.message();
  }

  @Test
  void a_tts_job_without_ttsconfig_is_invalid_in_strict_mode_and_read_in_tolerant_mode() throws Exception {
    for (String name : List.of(XML_LACKING, JSON_LACKING)) {
      byte[] payload = bytes(fixture(name));

      ReadResult strict = CallbackReader.strict().read(payload);
      ReadResult tolerant = CallbackReader.tolerant().read(payload);

      assertFalse(strict.isValid(), name);
      assertTrue(strict.callback().isEmpty(), "nothing read in strict mode");
      Problem problem = strict.problems().get(0);
      assertEquals(ProblemCode.MISSING, problem.code());
      assertTrue(problem.message().startsWith("Operation lacks the required node TtsConfig, which every job of Tag Tts"),
          problem::message);
      assertTrue(tolerant.isValid(), name);
      assertEquals(List.of(), tolerant.problems(), "tolerant mode does not ask what a Tag requires");
      assertEquals(List.of("Tts"), tolerant.tags());
    }
  }

  @Test
  void the_tag_counts_however_the_payload_spells_it() throws Exception {
    String xml = fixture(XML_LACKING);
    for (String tag : List.of("T&#116;s", "<![CDATA[Tts]]>", "T<!-- a comment -->ts", "Tt<?note?>s")) {
      assertEquals("9:9 MISSING /Response/JobsDetail[1]/Operation | Operation lacks the required node TtsConfig,"
          + " which every job of Tag Tts carries (required in strict mode, as tts-callback.xsd says)",
          onlyError(bytes(xml.replace("<Tag>Tts</Tag>", "<Tag>" + tag + "</Tag>"))), tag);
    }
    String json = fixture(JSON_LACKING);
    assertEquals("8:9 MISSING /JobsDetail/Operation | Operation lacks the required node TtsConfig, which every job of"
        + " Tag Tts carries (required in strict mode, as tts-callback.schema.json says)",
        onlyError(bytes(json.replace("\"Tag\": \"Tts\"", "\"Tag\": \"\\u0054ts\""))));
  }

  @Test
  void a_job_of_a_tag_without_its_own_entry_is_held_to_the_union_alone() throws Exception {
    String xml = fixture(XML_LACKING).replace("<Tag>Tts</Tag>", "<Tag>Transcode</Tag>");
    String json = fixture(JSON_LACKING).replace("\"Tag\": \"Tts\"", "\"Tag\": \"Transcode\"");

    assertEquals(List.of(), CallbackValidator.strict().validate(bytes(xml)).problems());
    assertEquals(List.of(), CallbackValidator.strict().validate(bytes(json)).problems());
    assertTrue(CallbackReader.strict().read(bytes(json)).isValid());
  }

  @Test
  void each_job_is_held_to_its_own_tag() throws Exception {
    String xml = fixture(XML_LACKING);
    String job = xml.substring(xml.indexOf("    <JobsDetail>"), xml.indexOf("</Response>"));
    String transcode = job.replace("<Tag>Tts</Tag>", "<Tag>Transcode</Tag>");
    String several = xml.replace(job, transcode + job);

    String error = onlyError(bytes(several));

    assertTrue(error.startsWith("54:9 MISSING /Response/JobsDetail[2]/Operation | Operation lacks the required node"
        + " TtsConfig"), error);

    String json = fixture(JSON_LACKING);
    String jobJson = json.substring(json.indexOf('{', json.indexOf("\"JobsDetail\"")), json.lastIndexOf('}'));
    String array = json.replace(jobJson, "[" + jobJson.replace("\"Tag\": \"Tts\"", "\"Tag\": \"Transcode\"") + ", "
        + jobJson + "]");

    String jsonError = onlyError(bytes(array));

    assertTrue(jsonError.contains(" MISSING /JobsDetail/1/Operation | Operation lacks the required node TtsConfig"),
        jsonError);
  }

  @Test
  void a_job_lacking_several_has_a_problem_for_each_at_its_parent() throws Exception {
    // Taken out in place: the lines stay where they were.
    List<String> payloads = List.of(fixture(XML_LACKING).replace("<State>Success</State>", ""),
        fixture(JSON_LACKING).replace("\"State\": \"Success\",", ""));
    List<List<Integer>> lines = List.of(List.of(3, 9), List.of(3, 8));

    for (int i = 0; i < payloads.size(); i++) {
      List<Problem> errors = CallbackValidator.strict().validate(bytes(payloads.get(i))).errors();
      assertEquals(List.of("State", "TtsConfig"),
          errors.stream().map(p -> p.message().split(" ")[5].replace(",", "")).toList(), errors::toString);
      assertEquals(lines.get(i), errors.stream().map(Problem::line).toList(), errors::toString);
    }
  }

  @Test
  void convert_in_strict_mode_refuses_what_read_refuses() throws Exception {
    ReadResult read = CallbackReader.strict().read(bytes(fixture(JSON_LACKING)));
    ReadResult tolerant = CallbackReader.tolerant().read(bytes(fixture(JSON_LACKING)));

    assertTrue(read.callback().isEmpty());
    byte[] xml = CallbackWriter.toXml(tolerant.callback().orElseThrow());
    assertEquals(List.of("/Response/JobsDetail[1]/Operation"),
        CallbackValidator.strict().validate(xml).errors().stream().map(Problem::location).toList(),
        "written back as XML, the job still lacks TtsConfig");
  }
}
