package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.model.json.Callback;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The library gives every fixture the verdict its name says, and says where and what for the invalid ones. */
class FixtureValidationTest {

  private static final CallbackValidator STRICT = CallbackValidator.strict();
  private static final CallbackValidator TOLERANT = CallbackValidator.tolerant();
  private static final Pattern NODE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]+");

  static List<Path> fixtures() {
    return Fixtures.all();
  }

  static List<Path> invalidFixtures() {
    return Fixtures.all().stream().filter(p -> !Fixtures.expectsValid(p)).toList();
  }

  static List<Path> validFixtures() {
    return Fixtures.all().stream().filter(Fixtures::expectsValid).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void gets_the_verdict_its_name_says(Path fixture) throws IOException {
    ValidationResult result = STRICT.validate(fixture);
    assertEquals(Fixtures.expectsValid(fixture), result.isValid(), () -> fixture + ": " + result.problems());
    String extension = fixture.toString().endsWith(".xml") ? "xml" : "json";
    assertEquals(extension, result.format().map(PayloadFormat::label).orElse("none"));
  }

  /** One verdict: validating, reading and converting a fixture agree, in both modes. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void validate_read_and_convert_agree(Path fixture) throws IOException {
    for (ValidatorOptions.Mode mode : ValidatorOptions.Mode.values()) {
      ValidatorOptions options = ValidatorOptions.builder().mode(mode).build();
      ValidationResult validated = CallbackValidator.create(options).validate(fixture);
      ReadResult read = CallbackReader.create(options).read(fixture);
      assertEquals(validated.isValid(), read.isValid(), () -> mode + " " + fixture + ": " + read.problems());
      assertEquals(validated.problems(), read.problems(), () -> mode + " " + fixture);
      if (read.isValid()) {
        Callback callback = read.callback().orElseThrow();
        for (PayloadFormat format : PayloadFormat.values()) {
          ValidationResult converted = CallbackValidator.create(options).validate(CallbackWriter.write(callback, format));
          assertTrue(converted.isValid(), () -> mode + " " + fixture + " as " + format + ": " + converted.problems());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFixtures")
  void first_problem_names_the_node_at_fault_with_line_and_column(Path fixture) throws IOException {
    Problem first = STRICT.validate(fixture).errors().get(0);
    String summary = first.line() + ":" + first.column() + " " + first.message() + " (" + first.location() + ")";

    assertTrue(first.line() > 0 && first.column() > 0, "no line and column: " + summary);
    assertFalse(first.message().contains("cvc-"), "raw validator code: " + summary);
    assertTrue(namesNodeInFixtureName(fixture, first), () -> fixture.getFileName() + " but: " + summary);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFixtures")
  void valid_fixture_has_no_problem_in_either_mode(Path fixture) throws IOException {
    assertEquals(List.of(), STRICT.validate(fixture).problems());
    assertEquals(List.of(), TOLERANT.validate(fixture).problems());
  }

  /**
   * Fixture names say what breaks ("invalid-volume-above-10", "invalid-missing-jobid"): the first problem must name
   * that node in its message or location; a problem with the root itself may say "root" or "the callback".
   */
  private static boolean namesNodeInFixtureName(Path fixture, Problem problem) {
    String name = fixture.getFileName().toString().toLowerCase(Locale.ROOT).replace("-", "");
    Matcher nodes = NODE_NAME.matcher(problem.message() + " " + problem.location());
    while (nodes.find()) {
      if (name.contains(nodes.group().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return name.contains("root") && (problem.location().isEmpty() || problem.location().split("/").length == 2);
  }
}
