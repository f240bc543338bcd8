package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text report, line for line: for every fixture and mode, {@code validate} prints exactly the problems its
 * {@code <fixture>.problems} file lists ({@code mode line:column severity CODE location | message}), each as
 * {@code path:line:column: severity: message (location)}, then the summary.
 */
class TextReportTest {

  static Stream<Arguments> fixturesAndModes() {
    return ValidateCommandTest.fixtures().stream()
        .flatMap(fixture -> Stream.of("strict", "tolerant").map(mode -> Arguments.of(fixture, mode)));
  }

  /** The report lines a fixture's problems file gives for {@code mode}. */
  private static List<String> expectedLines(Path fixture, String mode) {
    Path problems = fixture.resolveSibling(fixture.getFileName() + ".problems");
    if (!Files.exists(problems)) {
      return List.of();
    }
    try {
      return Files.readAllLines(problems, StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith(mode + " "))
          .map(line -> reportLine(fixture.toString(), line.substring(mode.length() + 1)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code line:column severity CODE location | message} as the text report writes it. */
  private static String reportLine(String path, String problem) {
    int bar = problem.indexOf(" | ");
    String[] head = problem.substring(0, bar).split(" ");
    String message = problem.substring(bar + 3);
    String place = head[0].equals("0:0") ? "" : ":" + head[0];
    String location = head[3].equals("-") ? "" : " (" + head[3] + ")";
    return path + place + ": " + head[1] + ": " + message + location;
  }

  @Tag("every-fixture")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("fixturesAndModes")
  void prints_the_problems_of_the_fixture_file_one_per_line_then_the_summary(Path fixture, String mode) {
    List<String> expected = expectedLines(fixture, mode);
    boolean valid = expected.stream().noneMatch(line -> line.contains(": error: "));

    Cli cli = Cli.run("validate", "--mode", mode, fixture.toString());

    StringBuilder report = new StringBuilder();
    expected.forEach(line -> report.append(line).append('\n'));
    report.append(valid ? "1 valid, 0 invalid\n" : "0 valid, 1 invalid\n");
    assertEquals(report.toString(), cli.out());
    assertEquals(valid ? ExitStatus.VALID : ExitStatus.INVALID, cli.status());
    assertEquals("", cli.err());
  }

  @Test
  void a_problem_without_a_place_has_no_line_and_column() {
    Path fixture = Cli.EXAMPLES.resolve("xml/valid-minimal.xml");

    Cli cli = Cli.run("validate", "--max-bytes", "10", fixture.toString());

    assertEquals(fixture + ": error: the payload is larger than the limit of 10 bytes; refused unread\n"
        + "0 valid, 1 invalid\n", cli.out());
  }

  @Test
  void a_problem_on_line_1_column_1_keeps_its_place() {
    Cli cli = Cli.run(new ByteArrayInputStream(new byte[0]), "validate", "-");

    assertEquals("-:1:1: error: the payload is empty\n0 valid, 1 invalid\n", cli.out());
  }

  @Test
  void control_characters_in_a_message_or_location_are_escaped_so_a_problem_stays_one_line(@TempDir Path dir)
      throws IOException {
    // A member name with a line feed and a tab: the message and the JSON Pointer both quote it.
    String minimal = Files.readString(Cli.EXAMPLES.resolve("json/valid-minimal.json"));
    Path payload = Files.writeString(dir.resolve("control.json"), "{\"a\\nb\\tc\": 1," + minimal.substring(1));

    Cli cli = Cli.run("validate", "--mode", "tolerant", payload.toString());

    List<String> lines = cli.out().lines().toList();
    assertEquals(2, lines.size(), cli.out());
    String line = lines.get(0);
    // The validator's message quotes the name with escapes already; the location is the raw JSON Pointer.
    assertEquals(payload + ":1:2: warning: unknown node a\\nb\\tc in the root object",
        line.substring(0, line.indexOf(" (tolerated")));
    assertEquals(" (/a\\u000Ab\\u0009c)", line.substring(line.lastIndexOf(" (")));
    assertEquals("1 valid, 0 invalid", lines.get(1));
  }
}
