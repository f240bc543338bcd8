package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever goes wrong around the payloads themselves gets one sentence on standard error and exit 2: standard input
 * that fails while it is read, a report that cannot be written, a limit that is no positive number; and the command
 * line's own questions (help, version) are answered on standard output with exit 0.
 */
class CommandFailureTest {

  private static final Path VALID = Cli.EXAMPLES.resolve("xml/valid-minimal.xml");

  /** Standard input that breaks after a few bytes, as a pipe whose writer died does. */
  private static final class BrokenInput extends InputStream {
    private int served;

    @Override
    public int read() throws IOException {
      if (served++ < 3) {
        return '{';
      }
      throw new IOException("Broken pipe");
    }
  }

  @Test
  void validate_names_a_failure_of_standard_input_and_exits_2() {
    Cli cli = Cli.run(new BrokenInput(), "validate", "-");

    assertEquals(ExitStatus.USAGE, cli.status());
    assertEquals("", cli.out());
    assertEquals("ci-callback validate: Broken pipe\n", cli.err());
  }

  @Test
  void validate_stops_at_a_failure_of_standard_input_among_files() {
    Cli cli = Cli.run(new BrokenInput(), "validate", VALID.toString(), "-", VALID.toString());

    assertEquals(ExitStatus.USAGE, cli.status());
    assertEquals("", cli.out());
    assertEquals("ci-callback validate: Broken pipe\n", cli.err());
  }

  @Test
  void convert_names_a_failure_of_standard_input_and_exits_2() {
    Cli cli = Cli.run(new BrokenInput(), "convert", "--to", "json", "-");

    assertEquals(ExitStatus.USAGE, cli.status());
    assertEquals("", cli.out());
    assertEquals("ci-callback convert: Broken pipe\n", cli.err());
  }

  @Test
  void io_failures_in_words() {
    assertEquals("no such file or folder: a.xml", IoFailure.describe(new NoSuchFileException("a.xml")));
    assertEquals("permission denied: b.xml", IoFailure.describe(new AccessDeniedException("b.xml")));
    assertEquals("Too many levels of symbolic links: c.xml",
        IoFailure.describe(new FileSystemException("c.xml", null, "Too many levels of symbolic links")));
    assertEquals("c.xml", IoFailure.describe(new FileSystemException("c.xml")));
    assertEquals("Stream closed", IoFailure.describe(new IOException("Stream closed")));
  }

  @Test
  void a_report_that_is_a_folder_is_refused_before_any_payload_is_read(@TempDir Path dir) {
    Cli cli = Cli.run("validate", "--output", dir.toString(), VALID.toString());

    assertEquals(ExitStatus.USAGE, cli.status());
    assertEquals("", cli.out());
    assertEquals("ci-callback validate: cannot write the report " + dir + ": " + dir + " is a folder\n", cli.err());
  }

  @Test
  void a_report_named_without_a_folder_is_written_in_the_working_directory() throws IOException {
    // A name with no parent folder at all; the working directory is the module's.
    Path report = Path.of("CommandFailureTest-" + ProcessHandle.current().pid() + ".txt");
    try {
      Cli cli = Cli.run("validate", "--output", report.toString(), VALID.toString());

      assertEquals(ExitStatus.VALID, cli.status(), cli.err());
      assertEquals("", cli.out() + cli.err());
      assertEquals("1 valid, 0 invalid\n", Files.readString(report));
    } finally {
      Files.deleteIfExists(report);
    }
  }

  @Test
  void a_report_in_a_file_is_the_same_as_on_standard_output(@TempDir Path dir) throws IOException {
    for (String format : new String[] {"text", "json", "junit"}) {
      Path report = dir.resolve("report." + format);
      String fixtures = Cli.EXAMPLES.resolve("json").toString();

      Cli file = Cli.run("validate", "--report", format, "--output", report.toString(), fixtures);
      Cli printed = Cli.run("validate", "--report", format, fixtures);

      assertEquals(ExitStatus.INVALID, file.status(), format);
      assertEquals("", file.out());
      String times = "time=\"\\d+\\.\\d{3}\"";
      assertEquals(printed.out().replaceAll(times, ""), Files.readString(report).replaceAll(times, ""), format);
    }
  }

  @Test
  void the_size_limit_is_a_positive_whole_number() {
    Cli one = Cli.run("validate", "--max-bytes", "1", VALID.toString());
    assertEquals(ExitStatus.INVALID, one.status());
    assertTrue(one.out().startsWith(VALID + ": error: the payload is larger than the limit of 1 bytes"), one.out());

    for (String bad : new String[] {"0", "-1", "1.5", "", "9223372036854775808", "0x10"}) {
      Cli cli = Cli.run("validate", "--max-bytes=" + bad, VALID.toString());
      assertEquals(ExitStatus.USAGE, cli.status(), bad);
      assertTrue(cli.err().startsWith(
          "ci-callback validate: --max-bytes must be a positive whole number, not \"" + bad + "\"\n"), cli.err());
    }
  }

  @Test
  void formats_and_modes_as_asked() throws IOException {
    Path json = Cli.EXAMPLES.resolve("json/valid-minimal.json");
    Path unknown = Cli.EXAMPLES.resolve("json/invalid-unknown-property-in-jobsdetail.json");

    assertEquals(ExitStatus.VALID, Cli.run("validate", "--format", "json", json.toString()).status());
    assertEquals(ExitStatus.VALID, Cli.run("validate", "--format", "auto", json.toString()).status());
    assertEquals(ExitStatus.INVALID, Cli.run("validate", "--format", "xml", json.toString()).status());
    assertEquals(ExitStatus.INVALID, Cli.run("validate", "--format", "json", VALID.toString()).status());
    assertEquals(ExitStatus.INVALID, Cli.run("validate", "--mode", "strict", unknown.toString()).status());
    assertEquals(ExitStatus.VALID, Cli.run("validate", "--mode", "tolerant", unknown.toString()).status());
    Cli converted = Cli.run(new ByteArrayInputStream(Files.readAllBytes(json)),
        "convert", "--format", "json", "--to", "xml", "-");
    assertEquals(ExitStatus.VALID, converted.status(), converted.err());
    assertTrue(converted.out().startsWith("<Response>"), converted.out());
  }

  @Test
  void help_and_version_are_answered_on_standard_output() {
    Cli help = Cli.run("help");
    assertEquals(ExitStatus.VALID, help.status());
    assertTrue(help.out().startsWith("Usage: ci-callback [-hV] COMMAND\n"), help.out());
    assertTrue(help.out().contains("\n  validate  Validates callback payloads (XML or JSON) against the contract.\n"));
    assertTrue(help.out().endsWith("\n  help      Shows the help of a command: ci-callback help validate\n"));
    assertEquals(help.out(), Cli.run("help", "help").out());
    assertEquals(help.out(), Cli.run("-h").out());
    assertEquals("", help.err());

    Cli convertHelp = Cli.run("help", "convert");
    assertEquals(ExitStatus.VALID, convertHelp.status());
    assertTrue(convertHelp.out().startsWith("Usage: ci-callback convert [-hV] --to=xml|json"), convertHelp.out());
    assertEquals(convertHelp.out(), Cli.run("convert", "--help").out());

    Cli version = Cli.run("convert", "-V");
    assertEquals(ExitStatus.VALID, version.status());
    assertEquals(Cli.run("--version").out(), version.out());
    assertTrue(version.out().startsWith("ci-callback "), version.out());
  }

  @Test
  void no_command_is_a_usage_error() {
    Cli cli = Cli.run();

    assertEquals(ExitStatus.USAGE, cli.status());
    assertEquals("", cli.out());
    assertEquals("ci-callback: a command is needed, e.g. validate\nTry 'ci-callback --help'.\n", cli.err());
  }

  @Test
  void a_usage_error_of_a_command_shows_its_synopsis() {
    Cli cli = Cli.run("convert", "--to", "xml");

    assertEquals(ExitStatus.USAGE, cli.status());
    assertEquals("ci-callback convert: one PATH is needed\n" + ConvertCommand.SPEC.usage() + "\n"
        + "Try 'ci-callback convert --help'.\n", cli.err());
  }

  // ---- progress and what follows it on the same terminal ----

  /** Runs with standard output and error on one writer, as on a terminal, progress showing from the start. */
  private static String onOneTerminal(String... args) {
    StringWriter terminal = new StringWriter();
    PrintWriter both = new PrintWriter(terminal);
    Main.run(args, both, both, new ByteArrayInputStream(new byte[0]), new Progress.Policy(true, Duration.ZERO));
    return terminal.toString();
  }

  @Test
  void the_progress_line_is_erased_before_the_report() {
    String terminal = onOneTerminal("validate", VALID.toString());

    String line = "ci-callback validate: checked 1 of 1 payloads";
    assertTrue(terminal.endsWith("\r" + line + "\r" + " ".repeat(line.length()) + "\r1 valid, 0 invalid\n"),
        terminal);
  }

  @Test
  void the_progress_line_is_erased_before_an_error(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("notes.txt"), new byte[0]);

    String empty = onOneTerminal("validate", dir.toString());
    String missing = onOneTerminal("validate", dir.resolve("gone.json").toString());

    String line = "ci-callback validate: checked 0 of 0 payloads";
    assertTrue(empty.endsWith("\r" + line + "\r" + " ".repeat(line.length()) + "\r"
        + "ci-callback validate: no *.xml or *.json payload found in [" + dir + "]\n"), empty);
    assertTrue(missing.endsWith("\r" + line + "\r" + " ".repeat(line.length()) + "\r"
        + "ci-callback validate: no such file or folder: " + dir.resolve("gone.json") + "\n"), missing);
    assertFalse(missing.contains("payloads\n"), missing);
  }

  @Test
  void the_progress_line_is_erased_before_a_failure_of_standard_input() {
    StringWriter terminal = new StringWriter();
    PrintWriter both = new PrintWriter(terminal);
    Main.run(new String[] {"validate", "-"}, both, both, new BrokenInput(), new Progress.Policy(true, Duration.ZERO));

    String line = "ci-callback validate: checked 0 of 1 payloads";
    assertTrue(terminal.toString().endsWith(
        "\r" + line + "\r" + " ".repeat(line.length()) + "\rci-callback validate: Broken pipe\n"), terminal.toString());
  }
}
