package dev.cicallback.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture gets the verdict its name says, from the XSD or the JSON Schema. */
class FixtureVerdictTest {

  static List<Path> xmlFixtures() {
    return Fixtures.all("xml");
  }

  static List<Path> jsonFixtures() {
    return Fixtures.all("json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("xmlFixtures")
  void xml_fixture_gets_the_verdict_its_name_says(Path fixture) {
    assertVerdict(fixture, ContractSchemas.xmlProblems(Fixtures.read(fixture)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonFixtures")
  void json_fixture_gets_the_verdict_its_name_says(Path fixture) {
    assertVerdict(fixture, ContractSchemas.jsonProblems(Fixtures.read(fixture)));
  }

  private static void assertVerdict(Path fixture, List<String> problems) {
    if (Fixtures.expectsValid(fixture)) {
      assertEquals(List.of(), problems, fixture + " should be valid");
    } else {
      assertTrue(!problems.isEmpty(), fixture + " should be invalid");
    }
  }
}
