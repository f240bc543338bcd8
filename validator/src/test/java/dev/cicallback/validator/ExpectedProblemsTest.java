package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture's exact problems (mode, place, severity, code, location and message) live next to it in
 * {@code <fixture>.problems}, so a change to any verdict or wording shows up in review as a diff of that file. A
 * fixture with no problem in either mode has no such file. After a deliberate change, rewrite them with
 * {@code mvn -pl validator test -Dtest=ExpectedProblemsTest -Dproblems.update=true} and read the diff.
 */
class ExpectedProblemsTest {

  private static final String SUFFIX = ".problems";
  private static final boolean UPDATE = Boolean.getBoolean("problems.update");
  private static final CallbackValidator STRICT = CallbackValidator.strict();
  private static final CallbackValidator TOLERANT = CallbackValidator.tolerant();

  static List<Path> fixtures() {
    List<Path> all = new ArrayList<>(Fixtures.all());
    all.addAll(Fixtures.moderation());
    return all;
  }

  /** The problems of both modes, one line each: {@code mode line:column severity CODE location | message}. */
  static String render(byte[] payload) {
    StringBuilder out = new StringBuilder();
    for (CallbackValidator validator : List.of(STRICT, TOLERANT)) {
      String mode = validator.options().mode().name().toLowerCase(java.util.Locale.ROOT);
      for (Problem p : validator.validate(payload).problems()) {
        out.append(mode).append(' ').append(p.line()).append(':').append(p.column()).append(' ')
            .append(p.severity().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(p.code()).append(' ')
            .append(p.location().isEmpty() ? "-" : p.location()).append(" | ").append(p.message()).append('\n');
      }
    }
    return out.toString();
  }

  private static Path expectedFile(Path fixture) {
    return fixture.resolveSibling(fixture.getFileName() + SUFFIX);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void problems_are_the_ones_written_next_to_the_fixture(Path fixture) throws IOException {
    String actual = render(Fixtures.read(fixture));
    Path file = expectedFile(fixture);
    if (UPDATE) {
      if (actual.isEmpty()) {
        Files.deleteIfExists(file);
      } else {
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
    }
    String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertEquals(expected, actual, () -> fixture.getFileName() + ": the problems differ from " + file.getFileName()
        + " (after a deliberate change, rerun with -Dproblems.update=true and review the diff)");
  }

  @Test
  void valid_fixtures_have_no_error_and_invalid_ones_have_one_in_strict_mode() {
    for (Path fixture : fixtures()) {
      boolean strictErrors = STRICT.validate(Fixtures.read(fixture)).errors().size() > 0;
      assertEquals(!Fixtures.expectsValid(fixture), strictErrors, fixture::toString);
    }
  }

  @Test
  void every_problems_file_belongs_to_a_fixture() throws IOException {
    List<String> orphans = new ArrayList<>();
    for (String format : List.of("xml", "json", "json/moderation")) {
      try (Stream<Path> files = Files.list(Fixtures.ROOT.resolve(format))) {
        for (Path file : files.filter(p -> p.toString().endsWith(SUFFIX)).toList()) {
          String name = file.getFileName().toString();
          Path fixture = file.resolveSibling(name.substring(0, name.length() - SUFFIX.length()));
          if (!Files.exists(fixture)) {
            orphans.add(name);
          }
        }
      }
    }
    assertTrue(orphans.isEmpty(), () -> "problems files without a fixture: " + orphans);
  }
}
