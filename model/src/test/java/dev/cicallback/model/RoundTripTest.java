package dev.cicallback.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cicallback.model.testing.CanonicalJson;
import dev.cicallback.model.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.ElementSelectors;

/** Every valid fixture survives a trip through its binding and back, value for value. */
class RoundTripTest {

  static List<Path> validXml() {
    return Fixtures.valid("xml");
  }

  static List<Path> validJson() {
    return Fixtures.valid("json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validXml")
  void xml_fixture_round_trips_through_jaxb(Path fixture) {
    byte[] input = Fixtures.read(fixture);
    byte[] output = Bindings.writeXml(Bindings.readXml(input));

    Diff diff =
        DiffBuilder.compare(input)
            .withTest(output)
            .ignoreComments()
            .ignoreElementContentWhitespace()
            .withNodeMatcher(
                new DefaultNodeMatcher(ElementSelectors.byNameAndText, ElementSelectors.byName))
            .checkForSimilar()
            .build();
    assertFalse(
        diff.hasDifferences(),
        () -> diff + "\n--- written:\n" + new String(output, StandardCharsets.UTF_8));
    assertEquals(List.of(), ContractSchemas.xmlProblems(output), "written XML must stay valid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validJson")
  void json_fixture_round_trips_through_jackson(Path fixture) throws IOException {
    byte[] input = Fixtures.read(fixture);
    byte[] once = Bindings.writeJson(Bindings.readJson(input));
    byte[] twice = Bindings.writeJson(Bindings.readJson(once));

    assertEquals(CanonicalJson.of(tree(input)), CanonicalJson.of(tree(once)), "values lost or changed");
    assertEquals(tree(once), tree(twice), "second trip must be identical to the first");
    assertEquals(List.of(), ContractSchemas.jsonProblems(once), "written JSON must stay valid");
  }

  @Test
  void canonical_form_still_tells_different_values_apart() throws IOException {
    JsonNode a = tree("{\"A\":[{\"B\":\"1\",\"C\":\"\"}],\"D\":2}".getBytes(StandardCharsets.UTF_8));
    JsonNode same = tree("{\"D\":\"2\",\"A\":{\"B\":\"1\"}}".getBytes(StandardCharsets.UTF_8));
    JsonNode other = tree("{\"D\":\"2\",\"A\":{\"B\":\"2\"}}".getBytes(StandardCharsets.UTF_8));

    assertEquals(CanonicalJson.of(a), CanonicalJson.of(same));
    assertNotEquals(CanonicalJson.of(a), CanonicalJson.of(other));
  }

  @Test
  void xml_comparison_notices_a_lost_element() {
    byte[] input = Fixtures.read(Fixtures.ROOT.resolve("xml/valid-seed-case1-task-api.xml"));
    dev.cicallback.model.xml.Response response = Bindings.readXml(input);
    response.getJobsDetail().get(0).getOperation().setUserData(null);

    Diff diff =
        DiffBuilder.compare(input)
            .withTest(Bindings.writeXml(response))
            .ignoreElementContentWhitespace()
            .withNodeMatcher(
                new DefaultNodeMatcher(ElementSelectors.byNameAndText, ElementSelectors.byName))
            .checkForSimilar()
            .build();
    assertTrue(diff.hasDifferences());
  }

  private static JsonNode tree(byte[] json) throws IOException {
    return ContractSchemas.MAPPER.readTree(json);
  }

}
