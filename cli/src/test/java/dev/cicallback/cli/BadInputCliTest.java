package dev.cicallback.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ci-callback validate} on each file of the validator's bad-input corpus: exit 1, a reason per line. */
class BadInputCliTest {

  private static final Path CORPUS = Path.of("../validator/src/test/resources/bad-input");

  static List<Path> badInputs() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      List<Path> list = files.filter(Files::isRegularFile).sorted().toList();
      assertTrue(list.size() > 40, "bad-input corpus missing at " + CORPUS.toAbsolutePath());
      return list;
    }
  }

  @Tag("every-fixture")
  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void exits_1_with_a_one_line_reason_and_no_stack_trace(Path file) {
    Cli cli = Cli.run("validate", file.toString());

    assertEquals(1, cli.status(), cli.out() + cli.err());
    assertEquals("", cli.err());
    String[] lines = cli.out().split("\n");
    assertTrue(lines[0].startsWith(file + ":") && lines[0].contains(": error: "), lines[0]);
    assertEquals("0 valid, 1 invalid", lines[lines.length - 1]);
    for (String line : lines) {
      assertFalse(line.startsWith("\tat ") || line.matches(".*\\b(java|javax|jdk)\\.[\\w.$]+(Exception|Error)\\b.*"),
          "stack trace text: " + line);
    }
  }
}
