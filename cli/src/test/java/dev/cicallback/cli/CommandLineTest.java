package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command line: both option spellings, clear usage errors on standard error with exit 2, and help. */
class CommandLineTest {

  private static final String VALID = Cli.EXAMPLES.resolve("xml/valid-minimal.xml").toString();

  @Test
  void options_take_their_value_after_a_space_or_an_equals_sign() {
    Cli spaced = Cli.run("validate", "--report", "json", VALID);
    Cli joined = Cli.run("validate", "--report=json", VALID);

    assertEquals(0, spaced.status(), spaced.err());
    assertTrue(spaced.out().startsWith("{"), spaced.out());
    assertEquals(spaced.out(), joined.out());
  }

  @Test
  void a_double_dash_ends_the_options() {
    Cli cli = Cli.run("validate", "--", "--report");

    assertEquals(2, cli.status());
    assertTrue(cli.err().contains("no such file or folder: --report"), cli.err());
  }

  @Test
  void usage_errors_name_the_problem_and_show_the_synopsis_on_standard_error() {
    assertUsageError(Cli.run("validate", "--colour", "red", VALID), "ci-callback validate: unknown option --colour");
    assertUsageError(Cli.run("validate", VALID, "--report"), "ci-callback validate: option --report needs a value");
    assertUsageError(
        Cli.run("validate", "--mode=lenient", VALID),
        "ci-callback validate: option --mode takes strict, tolerant, not \"lenient\"");
    assertUsageError(
        Cli.run("validate", "--mode", "strict", "--mode", "tolerant", VALID),
        "ci-callback validate: option --mode is given twice");
    assertUsageError(
        Cli.run("validate", "--max-bytes", "ten", VALID),
        "ci-callback validate: --max-bytes must be a positive whole number, not \"ten\"");
    assertUsageError(Cli.run("validate"), "ci-callback validate: at least one PATH is needed");
    assertUsageError(Cli.run("convert", VALID), "ci-callback convert: option --to is required (xml|json)");
    assertUsageError(Cli.run("convert", "--to", "json", VALID, VALID), "ci-callback convert: one PATH only, got 2");
    assertUsageError(Cli.run("frobnicate"), "ci-callback: unknown command \"frobnicate\"");
  }

  private static void assertUsageError(Cli cli, String firstLine) {
    assertEquals(2, cli.status(), cli.out() + cli.err());
    assertEquals("", cli.out());
    assertTrue(cli.err().startsWith(firstLine), cli.err());
    assertTrue(cli.err().contains("--help"), cli.err());
  }

  @Test
  void help_describes_every_option_with_its_default() {
    Cli help = Cli.run("help", "validate");

    assertEquals(0, help.status());
    for (String option : new String[] {"--mode", "--format", "--max-bytes", "--report", "--output"}) {
      assertTrue(help.out().contains("  " + option + "="), option + " missing from\n" + help.out());
    }
    assertTrue(help.out().contains("(default: 8388608)"), help.out());
    assertTrue(help.out().lines().allMatch(line -> line.length() <= 120), help.out());
    assertEquals(help.out(), Cli.run("validate", "-h").out());
    assertTrue(Cli.run("--help").out().contains("  convert   Converts a callback payload"));
  }

  @Test
  void a_report_in_a_missing_folder_names_the_folder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path folder = dir.resolve("missing");
    String report = folder.resolve("report.xml").toString();

    Cli cli = Cli.run("validate", "--report", "junit", "--output", report, VALID);

    assertEquals(2, cli.status(), cli.out() + cli.err());
    assertEquals("ci-callback validate: cannot write the report " + report + ": the folder " + folder
        + " does not exist\n", cli.err());
  }

  @Test
  void a_report_under_a_file_says_it_is_not_a_folder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("plain.txt"), "");
    String report = file.resolve("report.txt").toString();

    Cli cli = Cli.run("validate", "--output", report, VALID);

    assertEquals(2, cli.status(), cli.out() + cli.err());
    assertEquals("ci-callback validate: cannot write the report " + report + ": " + file + " is not a folder\n",
        cli.err());
  }

  @Test
  void help_on_an_unknown_command_says_so_lists_the_commands_and_exits_2() {
    Cli cli = Cli.run("help", "nosuch");

    assertEquals(2, cli.status(), cli.out() + cli.err());
    assertEquals("", cli.out());
    assertEquals("ci-callback help: unknown command \"nosuch\"; the commands are validate, convert, diff, trigger,"
        + " listen and help\n"
        + "Try 'ci-callback --help'.\n", cli.err());
  }

  @Test
  void an_unknown_command_lists_the_commands() {
    Cli cli = Cli.run("frobnicate");

    assertEquals(2, cli.status());
    assertTrue(cli.err().startsWith(
        "ci-callback: unknown command \"frobnicate\"; the commands are validate, convert, diff, trigger, listen and"
        + " help\n"), cli.err());
  }

  @Test
  void standard_input_named_twice_is_a_usage_error() {
    Cli cli = Cli.run(
        new java.io.ByteArrayInputStream("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "validate", "-", VALID, "-");

    assertUsageError(cli, "ci-callback validate: standard input (-) can be named only once\n");
  }
}
