package dev.cicallback.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.model.moderation.json.ModerationDetail;
import dev.cicallback.model.moderation.json.ModerationSimple;
import dev.cicallback.model.testing.CanonicalJson;
import dev.cicallback.model.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The content-moderation bindings ({@code dev.cicallback.model.moderation.json}) read every valid moderation fixture
 * into the root type of its form and write it back with every value kept, numbers as JSON numbers and CosHeaders as
 * a map.
 */
class ModerationBindingTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<Path> valid() {
    List<Path> valid = Fixtures.moderation().stream().filter(Fixtures::expectsValid).toList();
    assertFalse(valid.isEmpty());
    return valid;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void each_form_binds_to_its_root_type_and_back(Path fixture) throws Exception {
    JsonNode input = MAPPER.readTree(Fixtures.read(fixture));
    Class<?> root = input.has("EventName") ? ModerationDetail.class : ModerationSimple.class;
    Object bound = MAPPER.treeToValue(input, root);
    JsonNode once = MAPPER.valueToTree(bound);
    JsonNode twice = MAPPER.valueToTree(MAPPER.treeToValue(once, root));
    assertEquals(CanonicalJson.of(input), CanonicalJson.of(once), "values lost or changed");
    assertEquals(once, twice, "a second trip is the first");
    assertEquals(input.findValues("Result").stream().map(JsonNode::isNumber).toList(),
        once.findValues("Result").stream().map(JsonNode::isNumber).toList(), "numbers stay numbers");
  }

  @Test
  void a_detail_callback_is_typed_to_its_leaves() throws Exception {
    ModerationDetail detail = MAPPER.readValue(Fixtures.read(Fixtures.ROOT.resolve(
        "json/moderation/valid-auditing-video-detail-intldocs-sample2.json")), ModerationDetail.class);
    assertEquals("ReviewVideo", detail.getEventName().value());
    assertEquals("Success", detail.getJobsDetail().getState().value());
    assertEquals(Integer.valueOf(0), detail.getJobsDetail().getResult());
    assertEquals(Integer.valueOf(41), detail.getJobsDetail().getSnapshot().get(0).getSnapshotTime());
    assertEquals(Integer.valueOf(30000), detail.getJobsDetail().getAudioSection().get(0).getDuration());
    assertEquals(Map.of("x-cos-meta-id", "xxxx"), detail.getJobsDetail().getCosHeaders());
    assertNotNull(detail.getJobsDetail().getPornInfo().getHitFlag());
  }

  @Test
  void a_simple_callback_is_typed_to_its_leaves() throws Exception {
    ModerationSimple simple = MAPPER.readValue(Fixtures.read(Fixtures.ROOT.resolve(
        "json/moderation/valid-auditing-image-simple-intldocs-sample1.json")), ModerationSimple.class);
    assertEquals(Integer.valueOf(0), simple.getCode());
    assertEquals("ReviewImage", simple.getData().getEvent().value());
    assertEquals(Integer.valueOf(9), simple.getData().getPornInfo().getScore());
    assertEquals(Map.of("x-cos-meta-id", "666666"), simple.getData().getCosHeaders());
  }
}
