package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cicallback.model.json.Callback;
import dev.cicallback.model.testing.CanonicalJson;
import dev.cicallback.model.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The empty-element rule over every fixture: CI writes its JSON form from its XML form and leaves an element out that
 * is empty there ({@code <MediaResult><OutputFile/></MediaResult>} is {@code "MediaResult": {}}), so the JSON twin of
 * each valid XML fixture, with its empty elements left out as CI does, is valid too, in both modes, holds the same
 * values, and converts back to valid XML.
 */
class EmptyElementsLeftOutTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static List<Path> validXml() {
    return Fixtures.valid("xml");
  }

  static List<Path> validXmlWithJsonTwin() {
    return Fixtures.valid("xml").stream().filter(p -> Fixtures.twin(p, "json").isPresent()).toList();
  }

  /**
   * The JSON CI writes for an XML callback: the root's children as members, an element with children as an object,
   * repeated names as an array, a text as a string, and an element that is empty in the XML left out (its parent
   * stays, as {@code {}} if nothing else is in it).
   */
  static ObjectNode asCiWritesIt(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    return object(root);
  }

  private static ObjectNode object(Element element) {
    ObjectNode object = NODES.objectNode();
    for (Element child : children(element)) {
      if (children(child).isEmpty() && child.getTextContent().isEmpty()) {
        continue; // empty in the XML: CI leaves it out
      }
      JsonNode value = children(child).isEmpty() ? NODES.textNode(child.getTextContent()) : object(child);
      String name = child.getTagName();
      JsonNode before = object.get(name);
      if (before == null) {
        object.set(name, value);
      } else if (before instanceof ArrayNode items) {
        items.add(value);
      } else {
        object.set(name, NODES.arrayNode().add(before).add(value));
      }
    }
    return object;
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child) {
        children.add(child);
      }
    }
    return children;
  }

  /** Removes the members of {@code object}, at any depth, that are empty as they stand: "", null, {} or []. */
  private static void removeEmptyMembers(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        JsonNode value = it.next().getValue();
        if (value.isNull() || value.isContainerNode() && value.isEmpty()
            || value.isTextual() && value.asText().isEmpty()) {
          it.remove();
        } else {
          removeEmptyMembers(value);
        }
      }
    } else if (node instanceof ArrayNode items) {
      items.forEach(EmptyElementsLeftOutTest::removeEmptyMembers);
    }
  }

  private static void assertValidInBothModes(byte[] json, Path fixture) {
    String what = fixture.getFileName() + " as CI's JSON:\n" + new String(json, StandardCharsets.UTF_8);
    assertEquals(List.of(), CallbackValidator.strict().validate(json).problems(), what);
    assertEquals(List.of(), CallbackValidator.tolerant().validate(json).problems(), what);
  }

  private static Callback read(byte[] payload) {
    ReadResult result = CallbackReader.strict().read(payload);
    assertTrue(result.isValid(), result.problems()::toString);
    return result.callback().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validXml")
  void the_json_ci_writes_without_the_empty_elements_is_valid_keeps_every_value_and_converts_back(Path fixture)
      throws Exception {
    byte[] xml = Fixtures.read(fixture);
    byte[] json = MAPPER.writeValueAsBytes(asCiWritesIt(xml));

    assertValidInBothModes(json, fixture);
    Callback fromJson = read(json);
    assertEquals(CanonicalJson.of(MAPPER.readTree(CallbackWriter.toJson(read(xml)))),
        CanonicalJson.of(MAPPER.readTree(CallbackWriter.toJson(fromJson))), "the values of both forms");
    byte[] back = CallbackWriter.toXml(fromJson);
    assertEquals(List.of(), CallbackValidator.strict().validate(back).problems(),
        () -> new String(back, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validXmlWithJsonTwin")
  void the_json_twin_with_its_empty_members_left_out_is_valid(Path fixture) throws Exception {
    JsonNode twin = MAPPER.readTree(Fixtures.read(Fixtures.twin(fixture, "json").orElseThrow()));
    removeEmptyMembers(twin);

    assertValidInBothModes(MAPPER.writeValueAsBytes(twin), fixture);
  }

  @Test
  void the_quality_estimate_sample_is_what_ci_writes_for_its_xml() throws Exception {
    Path xml = Fixtures.ROOT.resolve("xml/valid-qualityestimate-intldocs-sample1-jobapi.xml");
    Path json = Fixtures.ROOT.resolve("json/valid-qualityestimate-intldocs-sample1-mediaresult-empty-object.json");
    ObjectNode written = asCiWritesIt(Fixtures.read(xml));
    JsonNode fixture = MAPPER.readTree(Fixtures.read(json));

    assertEquals(NODES.objectNode(), written.at("/JobsDetail/Operation/MediaResult"), written::toString);
    assertEquals(NODES.objectNode(), fixture.at("/JobsDetail/0/Operation/MediaResult"));
    assertEquals(CanonicalJson.of(written), CanonicalJson.of(fixture));
    assertTrue(validXml().contains(xml), "the walk takes the sample");
  }

  @Test
  void a_required_node_left_out_of_json_is_written_back_to_xml_as_an_empty_element() throws Exception {
    byte[] json = Fixtures.read(
        Fixtures.ROOT.resolve("json/valid-qualityestimate-intldocs-sample1-mediaresult-empty-object.json"));
    ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
    ((ObjectNode) tree.at("/JobsDetail/0/Operation")).set("Output",
        MAPPER.readTree("{\"Object\": \"out/a.mp4\"}"));

    String xml = new String(CallbackWriter.toXml(read(MAPPER.writeValueAsBytes(tree))), StandardCharsets.UTF_8);

    assertTrue(xml.contains("<Region></Region>") && xml.contains("<Bucket></Bucket>"), xml);
    assertEquals(List.of(), CallbackValidator.strict().validate(xml.getBytes(StandardCharsets.UTF_8)).problems(),
        xml);
  }
}
