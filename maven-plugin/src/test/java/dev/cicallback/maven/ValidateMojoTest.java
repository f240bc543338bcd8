package dev.cicallback.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal's verdicts in-process, over the contract's fixtures: the CLI's exit statuses become a passing build, a
 * build failure (invalid payloads) or a build error (a path or report that cannot be used). The real builds under
 * src/it check the same through Maven.
 */
class ValidateMojoTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("schema.dir", "../schema")).resolve("examples");
  private static final File VALID = EXAMPLES.resolve("xml/valid-seed-workflow.xml").toFile();
  private static final File INVALID = EXAMPLES.resolve("xml/invalid-volume-above-10.xml").toFile();
  /** Valid in tolerant mode only: an unknown node, a warning there. */
  private static final File UNKNOWN_NODE = EXAMPLES.resolve("json/invalid-unknown-property-in-operation.json").toFile();

  /** Invalid in strict mode only: a TTS job without the TtsConfig its Tag's entry requires. */
  private static final File TTS_WITHOUT_TTSCONFIG =
      EXAMPLES.resolve("xml/invalid-tag-required-tts-lacks-ttsconfig.xml").toFile();

  @TempDir Path temp;

  /** The log, by level. */
  private final List<String> lines = new ArrayList<>();

  @Test
  void valid_payloads_pass_and_the_text_report_goes_to_the_log() {
    ValidateMojo mojo = mojo(VALID);
    assertDoesNotThrow(mojo::execute);
    assertEquals(List.of("info 1 valid, 0 invalid"), lines);
  }

  @Test
  void an_invalid_payload_fails_the_build_and_its_problem_is_logged_as_an_error() {
    ValidateMojo mojo = mojo(VALID, INVALID);
    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(failure.getMessage().contains("invalid callback payloads"), failure.getMessage());
    assertTrue(lines.contains("error " + INVALID.getAbsolutePath() + ":43:17: error: Volume: \"11\" is not allowed;"
        + " expected an integer from -10 to 10. (/Response/JobsDetail[1]/Operation/TtsTpl/Volume)"), lines.toString());
    assertEquals("info 1 valid, 1 invalid", lines.get(lines.size() - 1));
  }

  @Test
  void with_failOnInvalid_false_an_invalid_payload_is_a_warning() {
    ValidateMojo mojo = mojo(INVALID);
    mojo.failOnInvalid = false;
    assertDoesNotThrow(mojo::execute);
    assertTrue(lines.get(lines.size() - 1).startsWith("warn ci-callback: invalid callback payloads"), lines.toString());
  }

  @Test
  void the_mode_is_passed_on() throws Exception {
    ValidateMojo strict = mojo(UNKNOWN_NODE);
    assertThrows(MojoFailureException.class, strict::execute);

    lines.clear();
    ValidateMojo tolerant = mojo(UNKNOWN_NODE);
    tolerant.mode = "tolerant";
    tolerant.execute();
    assertTrue(lines.get(0).startsWith("warn " + UNKNOWN_NODE.getAbsolutePath() + ":41:13: warning: unknown node"),
        lines.toString());
  }

  @Test
  void strict_mode_holds_a_tts_job_to_what_its_tag_requires_and_tolerant_mode_does_not() throws Exception {
    ValidateMojo strict = mojo(TTS_WITHOUT_TTSCONFIG);
    assertThrows(MojoFailureException.class, strict::execute);
    assertTrue(lines.contains("error " + TTS_WITHOUT_TTSCONFIG.getAbsolutePath() + ":9:9: error: Operation lacks the"
        + " required node TtsConfig, which every job of Tag Tts carries (required in strict mode, as tts-callback.xsd"
        + " says) (/Response/JobsDetail[1]/Operation)"), lines.toString());

    lines.clear();
    ValidateMojo tolerant = mojo(TTS_WITHOUT_TTSCONFIG);
    tolerant.mode = "tolerant";
    assertDoesNotThrow(tolerant::execute);
    assertEquals(List.of("info 1 valid, 0 invalid"), lines);
  }

  @Test
  void a_report_file_gets_the_report_asked_for_in_a_folder_it_creates_and_the_log_the_text_report()
      throws Exception {
    ValidateMojo mojo = mojo(VALID, INVALID);
    mojo.report = "junit";
    mojo.output = temp.resolve("target/reports/ci-callback.xml").toFile();
    assertThrows(MojoFailureException.class, mojo::execute);
    String junit = Files.readString(mojo.output.toPath());
    assertTrue(junit.contains("<testsuite ") && junit.contains("tests=\"2\"") && junit.contains("failures=\"1\""),
        junit);
    assertTrue(lines.contains("info 1 valid, 1 invalid"), lines.toString());
    assertTrue(lines.contains("info ci-callback: junit report written to " + mojo.output), lines.toString());
  }

  @Test
  void without_a_report_file_the_report_asked_for_goes_to_the_log() throws Exception {
    ValidateMojo mojo = mojo(VALID);
    mojo.report = "json";
    mojo.execute();
    String logged = String.join("\n", lines);
    assertTrue(logged.contains("\"validCount\" : 1"), logged);
  }

  @Test
  void the_size_limit_is_passed_on() {
    ValidateMojo mojo = mojo(VALID);
    mojo.maxBytes = 16L;
    assertThrows(MojoFailureException.class, mojo::execute);
  }

  @Test
  void a_missing_payload_folder_is_a_build_error() {
    ValidateMojo mojo = mojo(temp.resolve("no-such-folder").toFile());
    MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(error.getMessage().contains("could not be validated"), error.getMessage());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("error ") && line.contains("no-such-folder")),
        lines.toString());
  }

  @Test
  void a_folder_without_payloads_is_a_build_error() {
    ValidateMojo mojo = mojo(temp.toFile());
    assertThrows(MojoExecutionException.class, mojo::execute);
  }

  @Test
  void an_unknown_mode_is_a_build_error() {
    ValidateMojo mojo = mojo(VALID);
    mojo.mode = "lenient";
    assertThrows(MojoExecutionException.class, mojo::execute);
  }

  @Test
  void a_report_file_that_is_a_folder_is_a_build_error() throws IOException {
    ValidateMojo mojo = mojo(VALID);
    mojo.report = "json";
    mojo.output = Files.createDirectory(temp.resolve("report.json")).toFile();
    assertThrows(MojoExecutionException.class, mojo::execute);
  }

  @Test
  void skip_validates_nothing() {
    ValidateMojo mojo = mojo(temp.resolve("no-such-folder").toFile());
    mojo.skip = true;
    assertDoesNotThrow(mojo::execute);
    assertEquals(List.of("info ci-callback: skipped"), lines);
  }

  /** The goal as Maven configures it by default, over {@code payloads}, logging into {@link #lines}. */
  private ValidateMojo mojo(File... payloads) {
    ValidateMojo mojo = new ValidateMojo();
    mojo.payloads = List.of(payloads);
    mojo.mode = "strict";
    mojo.format = "auto";
    mojo.report = "text";
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        lines.add("info " + content);
      }

      @Override
      public void warn(CharSequence content) {
        lines.add("warn " + content);
      }

      @Override
      public void error(CharSequence content) {
        lines.add("error " + content);
      }
    });
    return mojo;
  }
}
