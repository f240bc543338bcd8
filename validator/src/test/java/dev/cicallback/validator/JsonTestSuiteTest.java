package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSONTestSuite parsing corpus (MIT, nst/JSONTestSuite), vendored under src/test/resources/JSONTestSuite: n_ files are
 * refused by the parser, y_ files pass the parser and are then judged by the schema, i_ files get an answer either
 * way; never an exception or a hang.
 */
class JsonTestSuiteTest {

  private static final Path CORPUS =
      Path.of("src/test/resources/JSONTestSuite/test_parsing");

  /** y_ files the parser refuses on purpose, each with its reason. They must keep being refused. */
  private static final Map<String, String> REFUSED_ON_PURPOSE = Map.of(
      "y_object_duplicated_key.json", "duplicate names are refused: which value counts is undefined",
      "y_object_duplicated_key_and_value.json", "duplicate names are refused: which value counts is undefined");

  /** These files are JSON by definition: read them as JSON whatever their first byte (n_structure_angle_bracket_.). */
  private static final CallbackValidator VALIDATOR =
      CallbackValidator.create(ValidatorOptions.builder().format(PayloadFormat.JSON).build());

  static List<Path> corpus() throws IOException {
    assertTrue(Files.isDirectory(CORPUS), "JSONTestSuite corpus not found at " + CORPUS.toAbsolutePath());
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
      assertTrue(list.size() > 300, "corpus incomplete: " + list.size());
      return list;
    }
  }

  /** Refused before the schema: the first error is of a kind only the reader gives. */
  private static boolean parserRefused(ValidationResult result) {
    if (result.errors().isEmpty()) {
      return false;
    }
    ProblemCode code = result.errors().get(0).code();
    return code == ProblemCode.SYNTAX || code == ProblemCode.ENCODING || code == ProblemCode.LIMIT;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void gets_the_answer_its_prefix_asks_for(Path file) throws IOException {
    byte[] payload = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    ValidationResult result =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> VALIDATOR.validate(payload));

    assertNotNull(result);
    result.problems().forEach(BadInputTest::assertOneLinePlainMessage);
    assertFalse(result.isValid(), name + " is no callback, so it cannot be valid");
    if (name.startsWith("n_") || REFUSED_ON_PURPOSE.containsKey(name)) {
      assertTrue(parserRefused(result), () -> name + " passed the parser: " + result.problems());
    } else if (name.startsWith("y_")) {
      assertFalse(parserRefused(result), () -> name + " refused by the parser: " + result.problems());
    }
  }
}
