package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (src/test/resources/bad-input): each file is refused with a one-line message, never an
 * exception, a leak or a hang. Inputs that need a port, a planted file or megabytes are built by
 * {@link HostileInputTest}.
 */
class BadInputTest {

  private static final CallbackValidator STRICT = CallbackValidator.strict();
  private static final CallbackValidator TOLERANT = CallbackValidator.tolerant();

  static List<Path> badInputs() {
    try (Stream<Path> files = Files.walk(folder())) {
      List<Path> list = files.filter(Files::isRegularFile).sorted().toList();
      assertTrue(list.size() > 40, "bad-input corpus missing");
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path folder() {
    try {
      return Path.of(BadInputTest.class.getResource("/bad-input").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void is_refused_with_a_one_line_message(Path file) {
    byte[] payload = Fixtures.read(file);
    // A hang guard, not a measurement: BENCHMARKS.md has the figures.
    ValidationResult strict = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> STRICT.validate(payload));
    ValidationResult tolerant = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TOLERANT.validate(payload));

    assertFalse(strict.isValid(), () -> file.getFileName() + " was accepted");
    boolean onlyUnknownNodes = strict.errors().stream().allMatch(p -> p.message().startsWith("unknown "));
    assertEquals(onlyUnknownNodes, tolerant.isValid(), () -> "tolerant mode: " + tolerant.problems());
    for (Problem problem : strict.problems()) {
      assertOneLinePlainMessage(problem);
      assertFalse(problem.message().contains("root:x:0"), "leaked /etc/passwd: " + problem.message());
    }
    for (Problem problem : tolerant.problems()) {
      assertOneLinePlainMessage(problem);
    }
  }

  /** A Java class name in a message means a library's exception leaked through; payload words may be anything. */
  private static final java.util.regex.Pattern JAVA_THROWABLE =
      java.util.regex.Pattern.compile("\\b(java|javax|jdk|com|org)\\.[\\w.$]+(Exception|Error)\\b");

  static void assertOneLinePlainMessage(Problem problem) {
    String message = problem.message();
    assertFalse(message.contains("\n"), "message spans lines: " + message);
    assertFalse(JAVA_THROWABLE.matcher(message).find() || message.contains("\tat "), "stack trace text: " + message);
    assertTrue(message.length() < 400, "message too long: " + message.length());
  }
}
