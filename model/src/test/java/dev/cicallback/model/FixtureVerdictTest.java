package dev.cicallback.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture gets the verdict its name says, from the XSD or the JSON Schema: the union entry, and for a job of
 * a Tag with its own entry ({@code invalid-tag-required-*}), that entry too.
 */
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
    assertVerdict(fixture, ContractSchemas.xmlProblemsWithTagEntries(Fixtures.read(fixture)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonFixtures")
  void json_fixture_gets_the_verdict_its_name_says(Path fixture) {
    assertVerdict(fixture, ContractSchemas.jsonProblemsWithTagEntries(Fixtures.read(fixture)));
  }

  @org.junit.jupiter.api.Test
  void a_tts_job_without_ttsconfig_is_valid_to_the_union_entry_and_refused_by_the_tts_one() {
    byte[] xml = Fixtures.read(Fixtures.ROOT.resolve("xml/invalid-tag-required-tts-lacks-ttsconfig.xml"));
    byte[] json = Fixtures.read(Fixtures.ROOT.resolve("json/invalid-tag-required-tts-lacks-ttsconfig.json"));

    assertEquals(List.of(), ContractSchemas.xmlProblems(xml));
    assertEquals(List.of(), ContractSchemas.jsonProblems(json));
    assertTrue(ContractSchemas.xmlProblemsWithTagEntries(xml).stream().anyMatch(p -> p.startsWith("tts-callback: ")));
    assertTrue(ContractSchemas.jsonProblemsWithTagEntries(json).stream().anyMatch(p -> p.contains("TtsConfig")));
  }

  private static void assertVerdict(Path fixture, List<String> problems) {
    if (Fixtures.expectsValid(fixture)) {
      assertEquals(List.of(), problems, fixture + " should be valid");
    } else {
      assertTrue(!problems.isEmpty(), fixture + " should be invalid");
    }
  }
}
