package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.model.testing.Fixtures;
import dev.cicallback.model.json.Callback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * CI leaves empty nodes out of its JSON, and the writer does too: an empty text read from JSON (where the model holds
 * it as an empty string, not as a missing node) is left out of both wire forms, while a text of white space and a
 * zero are values and kept.
 */
class WriterEmptyNodesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FIXTURE =
      new String(
          Fixtures.read(Fixtures.ROOT.resolve("json/valid-empty-message-kept.json")), StandardCharsets.UTF_8);

  private static Callback read(String json) {
    ReadResult result = CallbackReader.strict().read(json.getBytes(StandardCharsets.UTF_8));
    assertTrue(result.isValid(), result.problems()::toString);
    return result.callback().orElseThrow();
  }

  private static JsonNode job(Callback callback) throws IOException {
    JsonNode json = MAPPER.readTree(CallbackWriter.toJson(callback));
    return json.at("/JobsDetail/0");
  }

  private static String xml(Callback callback) {
    return new String(CallbackWriter.toXml(callback), StandardCharsets.UTF_8);
  }

  @Test
  void an_empty_text_is_left_out_of_json_and_xml() throws IOException {
    assertTrue(FIXTURE.contains("\"Message\": \"\""), "the fixture holds an empty Message");
    Callback callback = read(FIXTURE);

    JsonNode job = job(callback);
    assertFalse(job.isMissingNode(), "the job is written");
    assertFalse(job.has("Message"), job::toString);
    assertEquals("Success", job.get("State").asText(), "the texts around it are kept");
    assertFalse(xml(callback).contains("<Message"), xml(callback));
  }

  @Test
  void a_text_of_white_space_is_a_value_and_kept() throws IOException {
    Callback callback = read(FIXTURE.replace("\"Message\": \"\"", "\"Message\": \" \""));

    assertEquals(" ", job(callback).get("Message").asText());
    assertTrue(xml(callback).contains("<Message> </Message>"), xml(callback));
  }

  @Test
  void empty_nodes_the_contract_does_not_know_are_left_out_of_both_forms_at_any_depth() throws IOException {
    // Kept by a tolerant read: nulls, empty texts, objects and arrays, and those that are empty once their empty
    // members are out; the values among them are kept.
    String extra = "\"Extra\": {\"A\": \"\", \"B\": null, \"C\": {}, \"D\": [],"
        + " \"E\": [{}, \"\", null, {\"F\": \"\"}],"
        + " \"G\": {\"H\": {\"I\": \"\"}}, \"Kept\": [\"x\", \"\", {\"Deep\": \"y\", \"Gone\": null}]},"
        + " \"AllEmpty\": {\"J\": [[]]}, ";
    ReadResult result = CallbackReader.tolerant().read(FIXTURE.replaceFirst("\\{", "{" + extra)
        .getBytes(StandardCharsets.UTF_8));
    assertTrue(result.isValid(), result.problems()::toString);
    Callback callback = result.callback().orElseThrow();

    JsonNode json = MAPPER.readTree(CallbackWriter.toJson(callback));
    assertEquals(MAPPER.readTree("{\"Kept\": [\"x\", {\"Deep\": \"y\"}]}"), json.get("Extra"), json::toString);
    assertFalse(json.has("AllEmpty"), json::toString);
    assertFalse(job(callback).has("Message"), "the contract's own empty text is still left out");
    String xml = xml(callback);
    assertTrue(xml.contains("<Extra>\n        <Kept>x</Kept>\n        <Kept>\n            <Deep>y</Deep>\n        </Kept>"
        + "\n    </Extra>"), xml);
    for (String gone : new String[] {"<A>", "<B>", "<C>", "<D>", "<E>", "<F>", "<G>", "<H>", "<I>", "<J>", "<Gone>",
        "<AllEmpty>"}) {
      assertFalse(xml.contains(gone), gone + " in " + xml);
    }
  }

  @Test
  void a_zero_is_a_value_and_kept() throws IOException {
    assertTrue(FIXTURE.contains("\"JobLevel\": \"0\""), "the fixture holds JobLevel 0");
    Callback callback = read(FIXTURE);

    assertEquals("0", job(callback).at("/Operation/JobLevel").asText());
    assertTrue(xml(callback).contains("<JobLevel>0</JobLevel>"), xml(callback));
  }

  @Test
  void a_tree_is_written_as_it_is_with_its_empty_nodes() throws IOException {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(FIXTURE);
    ((ObjectNode) tree.get("JobsDetail")).putNull("Code");

    String xml = new String(CallbackWriter.toXml(tree), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<Message></Message>"), xml);
    assertTrue(xml.contains("<Code></Code>"), xml);
    JsonNode json = MAPPER.readTree(CallbackWriter.toJson(tree));
    assertEquals(tree, json);
    assertEquals("", json.at("/JobsDetail/Message").asText());
  }

  @Test
  void a_tree_that_xml_cannot_carry_is_refused_naming_the_member() throws IOException {
    ObjectNode tree = (ObjectNode) MAPPER.readTree(FIXTURE);
    tree.put("a b", "x");

    CallbackWriter.UnwritableAsXml refused = assertThrows(
        CallbackWriter.UnwritableAsXml.class, () -> CallbackWriter.toXml(tree));
    assertEquals("the member \"a b\" is not an XML element name; only JSON can carry it", refused.getMessage());
  }
}
