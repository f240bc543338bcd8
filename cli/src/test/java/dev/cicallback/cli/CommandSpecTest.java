package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The argument parser and help of one command, on specs of every shape: a parameter count of one, a range and
 * many; optional, defaulted and required options; synopses longer than a line.
 */
class CommandSpecTest {

  private static final CommandSpec.Option COLOUR =
      CommandSpec.Option.choice("--colour", "colour of the output", "never", "always");
  private static final CommandSpec.Option NAME = CommandSpec.Option.value("--name", "TEXT", "a name", null);
  private static final CommandSpec.Option TO = CommandSpec.Option.requiredChoice("--to", "target", "xml", "json");

  private static CommandSpec spec(int min, int max, CommandSpec.Option... options) {
    return new CommandSpec("try", List.of("Tries things.", "A second paragraph."), List.of(options), "FILE",
        "a file to try", min, max);
  }

  private static String[] args(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "try";
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }

  private static CommandSpec.Parsed parse(CommandSpec spec, String... args) throws CommandSpec.UsageError {
    return spec.parse(args(args), 1);
  }

  private static String usageError(CommandSpec spec, String... args) {
    return assertThrows(CommandSpec.UsageError.class, () -> parse(spec, args)).getMessage();
  }

  @Test
  void parameters_options_and_defaults() throws CommandSpec.UsageError {
    CommandSpec.Parsed parsed = parse(spec(1, 3, COLOUR, NAME), "a", "--name", "n", "-", "b");

    assertEquals(List.of("a", "-", "b"), parsed.parameters());
    assertEquals(Map.of("--colour", "never", "--name", "n"), parsed.values());
    assertEquals("n", parsed.value("--name"));
    assertFalse(parsed.help());
    assertFalse(parsed.version());
  }

  @Test
  void an_option_without_a_default_is_absent_when_not_given() throws CommandSpec.UsageError {
    CommandSpec.Parsed parsed = parse(spec(1, 1, COLOUR, NAME), "a");

    assertEquals(Map.of("--colour", "never"), parsed.values());
    assertEquals(null, parsed.value("--name"));
  }

  @Test
  void an_empty_value_after_an_equals_sign_is_a_value() throws CommandSpec.UsageError {
    assertEquals("", parse(spec(1, 1, NAME), "--name=", "a").value("--name"));
    assertEquals("x=y", parse(spec(1, 1, NAME), "--name=x=y", "a").value("--name"));
  }

  @Test
  void the_first_argument_parsed_is_the_one_at_from() throws CommandSpec.UsageError {
    CommandSpec.Parsed parsed = spec(1, 5).parse(new String[] {"validate", "x", "y"}, 2);

    assertEquals(List.of("y"), parsed.parameters());
  }

  @Test
  void after_a_double_dash_everything_is_a_parameter() throws CommandSpec.UsageError {
    CommandSpec.Parsed parsed = parse(spec(1, 5, NAME), "--", "--name", "-h", "--");

    assertEquals(List.of("--name", "-h", "--"), parsed.parameters());
    assertFalse(parsed.help());
  }

  @Test
  void help_and_version_win_over_what_else_is_wrong_and_what_follows() throws CommandSpec.UsageError {
    for (String help : List.of("-h", "--help")) {
      // Missing parameters and a missing required option would be usage errors.
      CommandSpec.Parsed parsed = parse(spec(2, 2, TO), help);
      assertTrue(parsed.help(), help);
      assertFalse(parsed.version(), help);
    }
    for (String version : List.of("-V", "--version")) {
      CommandSpec.Parsed parsed = parse(spec(2, 2, TO), "a", version, "--nosuch", "b", "c");
      assertTrue(parsed.version(), version);
      assertFalse(parsed.help(), version);
    }
  }

  @Test
  void parameter_counts() throws CommandSpec.UsageError {
    assertEquals("one FILE is needed", usageError(spec(1, 1)));
    assertEquals("at least one FILE is needed", usageError(spec(1, 4)));
    assertEquals("at least 2 FILE is needed", usageError(spec(2, 4), "a"));
    assertEquals("one FILE only, got 2: a b", usageError(spec(1, 1), "a", "b"));
    assertEquals("FILE are needed (2 parameters), got 3: a b c", usageError(spec(2, 2), "a", "b", "c"));
    assertEquals("FILE are needed (2 parameters), got 1: a", usageError(spec(2, 2), "a"));
    assertEquals("FILE are needed (2 parameters), got 0", usageError(spec(2, 2)));
    assertEquals(List.of("a", "b"), parse(spec(2, 2), "a", "b").parameters());
    assertEquals(List.of(), parse(spec(0, 0)).parameters());
  }

  @Test
  void option_errors() {
    assertEquals("unknown option --nosuch", usageError(spec(1, 1, NAME), "--nosuch", "a"));
    assertEquals("unknown option -x", usageError(spec(1, 1, NAME), "-x", "a"));
    assertEquals("option --name needs a value (TEXT)", usageError(spec(0, 1, NAME), "--name"));
    assertEquals("option --colour needs a value (never|always)", usageError(spec(0, 1, COLOUR), "--colour"));
    assertEquals("option --colour takes never, always, not \"red\"", usageError(spec(1, 1, COLOUR), "--colour=red"));
    assertEquals("option --name is given twice", usageError(spec(1, 1, NAME), "--name=a", "--name", "a", "f"));
    assertEquals("option --to is required (xml|json)", usageError(spec(1, 1, TO), "f"));
  }

  @Test
  void a_required_option_given_is_kept() throws CommandSpec.UsageError {
    assertEquals(Map.of("--to", "json"), parse(spec(1, 1, TO), "--to", "json", "f").values());
  }

  @Test
  void the_synopsis_marks_optional_options_and_repeatable_parameters() {
    assertEquals("ci-callback try [-hV] --to=xml|json [--name=TEXT] FILE", spec(1, 1, TO, NAME).synopsis());
    assertEquals("ci-callback try [-hV] FILE...", spec(1, 2).synopsis());
    assertEquals("Usage: ci-callback try [-hV] FILE...", spec(1, 2).usage());
  }

  @Test
  void a_long_usage_is_wrapped_at_spaces_to_100_columns_with_later_lines_indented() {
    CommandSpec.Option[] options = new CommandSpec.Option[12];
    for (int i = 0; i < options.length; i++) {
      options[i] = CommandSpec.Option.value("--option-" + i, "VALUE", "option " + i, null);
    }
    String usage = spec(1, 1, options).usage();

    List<String> lines = usage.lines().toList();
    assertTrue(lines.size() > 2, usage);
    assertTrue(lines.get(0).startsWith("Usage: ci-callback try [-hV] [--option-0=VALUE]"), usage);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      assertTrue(line.length() <= 100, line);
      assertFalse(line.endsWith(" "), "[" + line + "]");
      if (i > 0) {
        assertTrue(line.startsWith("       [") || line.startsWith("       FILE"), line);
        // Each line takes as much as fits: the first word of the next one would not.
        String previous = lines.get(i - 1);
        String firstWord = line.strip().split(" ")[0];
        assertTrue(previous.length() + 1 + firstWord.length() > 100, previous + " | " + firstWord);
      }
    }
    assertEquals(String.join(" ", usage.replace("\n       ", " ").split(" ")), usage.replace("\n       ", " "));
    assertTrue(usage.replace("\n       ", " ").endsWith("[--option-11=VALUE] FILE"), usage);
  }

  @Test
  void a_word_longer_than_a_line_is_left_whole() {
    CommandSpec.Option long1 = CommandSpec.Option.value("--" + "l".repeat(120), "V", "long", null);
    String usage = spec(1, 1, long1).usage();

    assertEquals("Usage: ci-callback try [-hV]\n       [--" + "l".repeat(120) + "=V] FILE", usage);
  }

  @Test
  void help_lists_the_parameter_each_option_with_its_default_and_help_and_version_aligned() {
    StringWriter text = new StringWriter();
    spec(1, 2, TO, COLOUR, NAME).printHelp(new PrintWriter(text, true));

    assertEquals(
        "Usage: ci-callback try [-hV] --to=xml|json [--colour=never|always] [--name=TEXT] FILE...\n"
            + "Tries things.\n"
            + "A second paragraph.\n"
            + "  FILE...                a file to try\n"
            + "  --to=xml|json          target\n"
            + "  --colour=never|always  colour of the output (default: never)\n"
            + "  --name=TEXT            a name\n"
            + "  -h, --help             show this help and exit\n"
            + "  -V, --version          print the version and exit\n",
        text.toString());
  }

  @Test
  void help_wraps_paragraphs_at_100_columns_and_options_at_120_under_their_description() {
    String description = ("a description that goes on " + "and on ").repeat(8).strip();
    String paragraph = "word ".repeat(30).strip();
    CommandSpec spec = new CommandSpec("try", List.of("Tries.", paragraph),
        List.of(CommandSpec.Option.value("--x", "X", description, null)), "FILE", "a file", 1, 1);
    StringWriter text = new StringWriter();
    spec.printHelp(new PrintWriter(text, true));

    List<String> lines = text.toString().lines().toList();
    assertEquals("Tries.", lines.get(1));
    assertEquals(paragraph.substring(0, 99), lines.get(2));
    assertEquals(paragraph.substring(100), lines.get(3));
    // The widest first column is "-V, --version": descriptions start two spaces after it.
    int column = "  -V, --version  ".length();
    assertEquals("  FILE" + " ".repeat(column - 6) + "a file", lines.get(4));
    List<String> option = lines.subList(5, lines.size() - 2);
    assertEquals(3, option.size(), text.toString());
    assertTrue(option.get(0).startsWith("  --x=X" + " ".repeat(column - 7) + "a description"), option.get(0));
    StringBuilder joined = new StringBuilder(option.get(0).substring(column));
    for (String line : option.subList(1, option.size())) {
      assertTrue(line.startsWith(" ".repeat(column)) && line.charAt(column) != ' ', line);
      joined.append(' ').append(line.substring(column));
    }
    for (String line : option) {
      assertTrue(line.length() <= 120, line);
    }
    assertTrue(option.get(0).length() + 1 + option.get(1).strip().split(" ")[0].length() > 120, option.get(0));
    assertEquals(description, joined.toString());
  }

  @Test
  void a_whole_number_of_at_least_min_or_a_sentence_naming_the_option() throws CommandSpec.UsageError {
    CommandSpec spec = spec(0, 0, NAME);

    assertEquals(3, parse(spec, "--name", "3").wholeNumber("--name", 1));
    assertEquals(0, parse(spec, "--name", "0").wholeNumber("--name", 0));
    for (String bad : List.of("0", "-1", "x", "1.5", "", "2147483648")) {
      CommandSpec.Parsed parsed = parse(spec, "--name", bad);
      assertEquals("--name takes a whole number of at least 1, not \"" + bad + "\"",
          assertThrows(CommandSpec.UsageError.class, () -> parsed.wholeNumber("--name", 1)).getMessage());
    }
  }

  @Test
  void an_http_or_https_url_with_a_host() throws CommandSpec.UsageError {
    assertEquals("http://127.0.0.1:8080/", CommandSpec.httpUrl("http://127.0.0.1:8080/").toString());
    assertEquals("https://example.com/cb?x=1", CommandSpec.httpUrl("https://example.com/cb?x=1").toString());
    assertEquals("option --to is required (URL)",
        assertThrows(CommandSpec.UsageError.class, () -> CommandSpec.httpUrl(null)).getMessage());
    for (String bad : List.of("localhost:8080", "ftp://example.com/", "http:///path", "http://a b/", "")) {
      assertEquals("--to takes an http or https URL such as http://127.0.0.1:8080/, not \"" + bad + "\"",
          assertThrows(CommandSpec.UsageError.class, () -> CommandSpec.httpUrl(bad)).getMessage());
    }
  }
}
