package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidateCommandTest {

  static List<Path> fixtures() {
    try (Stream<Path> files = Files.walk(Cli.EXAMPLES)) {
      return files.filter(Files::isRegularFile).filter(Cli::isPayload).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Tag("every-fixture")
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void exit_status_and_output_follow_the_fixture_name(Path fixture) {
    Cli cli = Cli.run("validate", fixture.toString());
    boolean valid = fixture.getFileName().toString().startsWith("valid-");

    assertEquals(valid ? 0 : 1, cli.status(), cli.out() + cli.err());
    assertTrue(cli.out().endsWith(valid ? "1 valid, 0 invalid\n" : "0 valid, 1 invalid\n"), cli.out());
    if (!valid) {
      String first = cli.out().lines().findFirst().orElseThrow();
      assertTrue(first.matches(java.util.regex.Pattern.quote(fixture.toString()) + ":\\d+:\\d+: error: .+"), first);
      assertFalse(cli.out().contains("Exception"), cli.out());
    }
    assertEquals("", cli.err());
  }

  @Test
  void a_folder_is_walked_for_xml_and_json_and_summarised() throws IOException {
    Cli cli = Cli.run("validate", Cli.EXAMPLES.toString());
    long valid = fixtures().stream().filter(p -> p.getFileName().toString().startsWith("valid-")).count();

    assertEquals(1, cli.status());
    assertTrue(cli.out().endsWith(valid + " valid, " + (fixtures().size() - valid) + " invalid\n"), cli.out());
  }

  @Test
  void a_batch_larger_than_the_window_read_ahead_is_reported_in_order_with_every_count(@TempDir Path dir)
      throws IOException {
    byte[] valid = Files.readAllBytes(Cli.EXAMPLES.resolve("xml/valid-minimal.xml"));
    byte[] invalid = Files.readAllBytes(Cli.EXAMPLES.resolve("json/invalid-endtime-month-13.json"));
    int files = 1_000;
    for (int i = 0; i < files; i++) {
      boolean bad = i % 97 == 5;
      Files.write(dir.resolve(String.format("p-%04d.%s", i, bad ? "json" : "xml")), bad ? invalid : valid);
    }

    Cli text = Cli.run("validate", dir.toString());
    Cli json = Cli.run("validate", "--report", "json", dir.toString());

    List<String> reported = text.out().lines().filter(l -> l.contains(": error: ")).map(l -> l.substring(0,
        l.indexOf(':'))).distinct().toList();
    List<String> expected = java.util.stream.IntStream.range(0, files).filter(i -> i % 97 == 5)
        .mapToObj(i -> dir.resolve(String.format("p-%04d.json", i)).toString()).toList();
    assertEquals(expected, reported);
    assertTrue(text.out().endsWith((files - expected.size()) + " valid, " + expected.size() + " invalid\n"));
    assertEquals(1, text.status());
    assertEquals(files, json.out().split("\"path\"").length - 1, "the JSON report lists every payload");
    assertTrue(json.out().contains("\"validCount\" : " + (files - expected.size())), json.out());
  }

  @Test
  void seed_case_3_as_published_is_reported_at_its_line_and_column_inside_the_audio_array() {
    Path verbatim = Cli.EXAMPLES.resolve("json/invalid-seed-case3-verbatim-audio-array-not-closed.json");

    Cli cli = Cli.run("validate", verbatim.toString());

    String first = cli.out().lines().findFirst().orElseThrow();
    assertTrue(first.startsWith(verbatim + ":34:17: error: not valid JSON: "), first);
    assertTrue(first.contains("array Audio opened at line 30"), first);
    assertTrue(first.endsWith("(/JobsDetail/0/Operation/MediaInfo/Stream/Audio)"), first);
  }

  @Test
  void tolerant_mode_reports_unknown_nodes_as_warnings_and_exits_0() {
    Path fixture = Cli.EXAMPLES.resolve("xml/invalid-unknown-element-in-jobsdetail.xml");

    Cli strict = Cli.run("validate", fixture.toString());
    Cli tolerant = Cli.run("validate", "--mode", "tolerant", fixture.toString());

    assertEquals(1, strict.status());
    assertEquals(0, tolerant.status(), tolerant.out());
    assertTrue(tolerant.out().contains(":51:9: warning: unknown node Priority in JobsDetail"), tolerant.out());
    assertTrue(tolerant.out().endsWith("1 valid, 0 invalid\n"));
  }

  @Test
  void reads_standard_input_for_a_dash() throws IOException {
    byte[] payload = Files.readAllBytes(Cli.EXAMPLES.resolve("json/valid-seed-workflow.json"));

    Cli cli = Cli.run(new java.io.ByteArrayInputStream(payload), "validate", "-");

    assertEquals(0, cli.status(), cli.out());
    assertEquals("1 valid, 0 invalid\n", cli.out());
  }

  @Test
  void a_gibibyte_on_standard_input_is_refused_by_the_size_limit_without_reading_it_all() {
    Endless stdin = new Endless(1L << 30);

    Cli cli = Cli.run(stdin, "validate", "-");

    assertEquals(1, cli.status());
    assertTrue(cli.out().startsWith("-: error: the payload is larger than the limit of 8388608 bytes"), cli.out());
    assertTrue(stdin.served <= 8L * 1024 * 1024 + 64 * 1024, "read " + stdin.served + " bytes");
  }

  @Test
  void max_bytes_sets_the_limit() throws IOException {
    Path fixture = Cli.EXAMPLES.resolve("xml/valid-seed-case1-task-api.xml");

    Cli cli = Cli.run("validate", "--max-bytes", "100", fixture.toString());

    assertEquals(1, cli.status());
    assertTrue(cli.out().contains("larger than the limit of 100 bytes"), cli.out());
  }

  @Test
  void format_option_overrides_detection() {
    Path json = Cli.EXAMPLES.resolve("json/valid-minimal.json");

    Cli cli = Cli.run("validate", "--format", "xml", json.toString());

    assertEquals(1, cli.status());
    assertTrue(cli.out().contains("not well-formed XML"), cli.out());
  }

  @Test
  void a_path_that_cannot_be_read_exits_2() {
    Cli cli = Cli.run("validate", "no/such/payload.xml");

    assertEquals(2, cli.status());
    assertTrue(cli.err().contains("no such file or folder: no/such/payload.xml"), cli.err());
  }

  @Test
  void usage_errors_exit_2() {
    assertEquals(2, Cli.run("validate").status());
    assertEquals(2, Cli.run("validate", "--mode", "lenient", "x.xml").status());
    assertEquals(2, Cli.run("validate", "--max-bytes", "0", Cli.EXAMPLES.toString()).status());
    assertEquals(2, Cli.run("frobnicate").status());
    assertEquals(2, Cli.run().status());
  }

  @Test
  void output_writes_the_report_to_a_file(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report.txt");

    Cli cli = Cli.run("validate", "--output", report.toString(), Cli.EXAMPLES.resolve("xml").toString());

    assertEquals("", cli.out());
    assertTrue(Files.readString(report).endsWith(" invalid\n"));
  }

  @Test
  void help() {
    Cli help = Cli.run("validate", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().contains("--mode=strict|tolerant"));
    assertTrue(help.out().contains("Exit status: 0 when every payload is valid"));

    assertEquals(0, Cli.run("--help").status());
    assertTrue(Cli.run("--help").out().contains("validate"));
  }

  @Test
  void json_syntax_errors_on_an_xml_file_read_as_json_are_one_clean_sentence() {
    Path xml = Cli.EXAMPLES.resolve("xml/valid-minimal.xml");

    Cli cli = Cli.run("validate", "--format=json", xml.toString());

    assertEquals(1, cli.status());
    assertEquals(xml + ":1:1: error: not valid JSON: unexpected character '<'; expected a valid value (JSON String,"
        + " Number, Array, Object or token 'null', 'true' or 'false')\n0 valid, 1 invalid\n", cli.out());
  }

  @Test
  void symbolic_links_inside_a_folder_are_followed_to_files_and_folders(@TempDir Path dir) throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.copy(Cli.EXAMPLES.resolve("xml/invalid-joblevel-3.xml"), elsewhere.resolve("joblevel.xml"));
    Files.copy(Cli.EXAMPLES.resolve("json/valid-minimal.json"), elsewhere.resolve("minimal.json"));
    Path folder = Files.createDirectories(dir.resolve("payloads"));
    Files.createSymbolicLink(folder.resolve("linked.xml"), elsewhere.resolve("joblevel.xml"));
    Files.createSymbolicLink(folder.resolve("linked-folder"), elsewhere);

    Cli cli = Cli.run("validate", folder.toString());

    assertEquals(1, cli.status(), cli.out() + cli.err());
    assertEquals("", cli.err());
    List<String> lines = cli.out().lines().toList();
    assertTrue(lines.get(0).startsWith(folder.resolve("linked-folder/joblevel.xml") + ":"), cli.out());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith(folder.resolve("linked.xml") + ":")), cli.out());
    assertEquals("1 valid, 2 invalid", lines.get(lines.size() - 1));
  }

  @Test
  void a_symbolic_link_loop_inside_a_folder_is_named_without_a_stack_trace(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("payloads/inner"));
    Files.copy(Cli.EXAMPLES.resolve("json/valid-minimal.json"), folder.resolve("minimal.json"));
    Files.createSymbolicLink(folder.resolve("back-up"), dir.resolve("payloads"));

    Cli cli = Cli.run("validate", dir.resolve("payloads").toString());

    assertEquals(2, cli.status(), cli.out() + cli.err());
    assertEquals("", cli.out());
    assertEquals("ci-callback validate: cannot read folder " + dir.resolve("payloads") + ": the symbolic link "
        + folder.resolve("back-up") + " leads back into a folder above it (a loop)\n", cli.err());
  }

  @Test
  void a_broken_symbolic_link_inside_a_folder_is_named(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("payloads"));
    Files.copy(Cli.EXAMPLES.resolve("json/valid-minimal.json"), folder.resolve("minimal.json"));
    Files.createSymbolicLink(folder.resolve("gone.xml"), dir.resolve("nowhere.xml"));

    Cli cli = Cli.run("validate", folder.toString());

    assertEquals(2, cli.status(), cli.out() + cli.err());
    assertEquals("ci-callback validate: cannot read folder " + folder + ": the symbolic link "
        + folder.resolve("gone.xml") + " points to " + dir.resolve("nowhere.xml") + ", which does not exist\n",
        cli.err());
  }

  @Test
  void progress_shows_on_a_terminal_once_a_batch_has_taken_long_enough_and_is_cleared() {
    String folder = Cli.EXAMPLES.resolve("xml").toString();
    long payloads = fixtures().stream().filter(p -> p.toString().endsWith(".xml")).count();

    Cli terminal = Cli.runOnTerminal(java.time.Duration.ZERO, "validate", folder);
    Cli plain = Cli.run("validate", folder);

    assertEquals(plain.out(), terminal.out());
    String last = "ci-callback validate: checked " + payloads + " of " + payloads + " payloads";
    assertTrue(terminal.err().contains("\r" + last), terminal.err());
    assertTrue(terminal.err().endsWith("\r" + " ".repeat(last.length()) + "\r"), terminal.err());
    assertFalse(terminal.err().contains("\n"), terminal.err());
  }

  @Test
  void no_progress_when_standard_error_is_piped_or_the_batch_is_quick() {
    String folder = Cli.EXAMPLES.resolve("xml").toString();

    assertEquals("", Cli.runPiped("validate", folder).err());
    assertEquals("", Cli.runOnTerminal(java.time.Duration.ofHours(1), "validate", folder).err());
  }

  /** {@code size} bytes of '<', generated as they are read. */
  static final class Endless extends InputStream {
    private final long size;
    long served;

    Endless(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return served++ < size ? '<' : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (served >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - served);
      Arrays.fill(buffer, offset, offset + n, (byte) '<');
      served += n;
      return n;
    }
  }

}
