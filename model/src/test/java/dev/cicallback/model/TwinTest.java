package dev.cicallback.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.model.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An XML fixture and its JSON twin (same name) bind to the same values. */
class TwinTest {

  static List<Path> xmlWithJsonTwin() {
    return Fixtures.valid("xml").stream().filter(p -> Fixtures.twin(p, "json").isPresent()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("xmlWithJsonTwin")
  void xml_and_json_twins_bind_to_the_same_values(Path xml) {
    Path json = Fixtures.twin(xml, "json").orElseThrow();
    Object fromXml = Bindings.flatten(Bindings.readXml(Fixtures.read(xml)));
    Object fromJson = Bindings.flatten(Bindings.readJson(Fixtures.read(json)));
    assertEquals(fromXml, fromJson);
  }

  @Test
  void flattening_keeps_every_value_and_notices_a_change() {
    Path xml = Fixtures.ROOT.resolve("xml/valid-seed-workflow.xml");
    Path json = Fixtures.twin(xml, "json").orElseThrow();
    dev.cicallback.model.json.Callback fromJson = Bindings.readJson(Fixtures.read(json));
    Object flat = Bindings.flatten(fromJson);

    assertTrue(flat.toString().contains("getCosHeaders=[{getKey=Content-Type"), flat::toString);
    assertTrue(flat.toString().contains("getCreationTime=2022-06-30T19:33:18+0800"), flat::toString);
    assertTrue(flat.toString().contains("getState=Success"), flat::toString);

    fromJson.getJobsDetail().get(0).getOperation().getTtsConfig().setInput("changed");
    assertNotEquals(Bindings.flatten(Bindings.readXml(Fixtures.read(xml))), Bindings.flatten(fromJson));
  }

  @Test
  void seed_case_2_and_corrected_case_3_are_twins() {
    // The seed document publishes the same workflow callback as XML (case 2) and as JSON (case 3).
    assertTrue(xmlWithJsonTwin().stream().anyMatch(p -> p.endsWith("valid-seed-workflow.xml")));
  }

  /** Each Tag (and WorkflowFinish) with a valid XML fixture has a valid JSON one too: both forms are exercised. */
  @Test
  void every_kind_of_callback_has_valid_fixtures_in_both_formats() {
    java.util.Set<String> xml = new java.util.TreeSet<>();
    for (java.nio.file.Path fixture : Fixtures.valid("xml")) {
      dev.cicallback.model.xml.Response callback = Bindings.readXml(Fixtures.read(fixture));
      callback.getJobsDetail().forEach(job -> xml.add(job.getTag()));
      xml.addAll(callback.getWorkflowExecution() == null ? List.of() : List.of("WorkflowFinish"));
    }
    java.util.Set<String> json = new java.util.TreeSet<>();
    for (java.nio.file.Path fixture : Fixtures.valid("json")) {
      dev.cicallback.model.json.Callback callback = Bindings.readJson(Fixtures.read(fixture));
      callback.getJobsDetail().forEach(job -> json.add(job.getTag()));
      json.addAll(callback.getWorkflowExecution() == null ? List.of() : List.of("WorkflowFinish"));
    }
    assertTrue(xml.size() >= 24, "kinds with valid XML fixtures: " + xml);
    java.util.Set<String> missing = new java.util.TreeSet<>(xml);
    missing.removeAll(json);
    assertTrue(missing.isEmpty(), "no valid JSON fixture for " + missing);
  }
}
