package dev.cicallback.cli.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cicallback.validator.ValidatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The events: one per job Tag the contract knows, and the TTS and workflow ones, each what its name says. */
class EventCatalogueTest {

  private static final BodyMaker MAKER = BodyMaker.create(ValidatorOptions.defaults());

  /** The Tags of the packaged JSON Schema (the contract the jar carries), not a list kept by hand. */
  static List<String> contractTags() throws IOException {
    try (InputStream in = EventCatalogueTest.class.getClassLoader()
        .getResourceAsStream("dev/cicallback/schema/json/callback.schema.json")) {
      assertNotNull(in, "the model jar's JSON Schema");
      JsonNode tags = new ObjectMapper().readTree(in).at("/$defs/Tag/enum");
      List<String> list = new ArrayList<>();
      tags.forEach(t -> list.add(t.asText()));
      assertTrue(list.size() >= 23, list.toString());
      return list;
    }
  }

  @Test
  void every_tag_the_contract_knows_has_a_success_event_whose_body_is_of_that_tag() throws IOException {
    for (String tag : contractTags()) {
      String name = tag.toLowerCase(Locale.ROOT) + "-success";
      Event event = EventCatalogue.find(name).orElseThrow(() -> new AssertionError("no event " + name));
      JsonNode job = MAKER.tree(event).at("/JobsDetail/0");
      assertEquals("TaskFinish", MAKER.tree(event).path("EventName").asText(), name);
      assertEquals(tag, job.path("Tag").asText(), name);
      assertEquals("Success", job.path("State").asText(), name);
    }
  }

  @Test
  void the_tts_and_workflow_events_are_what_their_names_say() {
    JsonNode failed = MAKER.tree(EventCatalogue.find("tts-failed").orElseThrow()).at("/JobsDetail/0");
    assertEquals("Tts", failed.path("Tag").asText());
    assertEquals("Failed", failed.path("State").asText());
    assertTrue(failed.path("Message").asText().length() > 0, failed.toString());

    JsonNode workflow = MAKER.tree(EventCatalogue.find("tts-workflow").orElseThrow()).at("/JobsDetail/0");
    assertEquals("Tts", workflow.path("Tag").asText());
    assertTrue(workflow.at("/Workflow/0/RunId").isTextual() || workflow.at("/Workflow/RunId").isTextual(),
        workflow.toString());
    assertTrue(workflow.toString().contains("\"CosHeaders\""), workflow.toString());

    JsonNode run = MAKER.tree(EventCatalogue.find("workflow-finish").orElseThrow());
    assertEquals("WorkflowFinish", run.path("EventName").asText());
    assertTrue(run.has("WorkflowExecution"), run.toString());
  }

  @Test
  void every_moderation_kind_has_an_event_and_each_form_with_a_published_sample_too() {
    Set<String> names = new HashSet<>();
    EventCatalogue.all().stream().filter(Event::moderation).forEach(e -> names.add(e.name()));
    assertEquals(Set.of("moderation-image-detail", "moderation-image-simple", "moderation-text-simple",
        "moderation-video-detail", "moderation-video-simple", "moderation-audio-detail", "moderation-audio-simple",
        "moderation-live-detail", "moderation-document-detail", "moderation-webpage-detail"), names);
    for (Event event : EventCatalogue.all()) {
      assertEquals(event.moderation(), event.fixture().startsWith("json/moderation/valid-auditing-"), event.name());
      assertEquals(event.moderation(), event.name().startsWith("moderation-"), event.name());
      event.contentVersion().ifPresent(form -> assertTrue(event.name().endsWith("-" + form.toLowerCase(
          java.util.Locale.ROOT)) && event.fixture().contains("-" + form.toLowerCase(java.util.Locale.ROOT) + "-")));
    }
  }

  @Test
  void names_are_unique_and_the_listing_has_one_line_per_event() {
    Set<String> names = new HashSet<>();
    EventCatalogue.all().forEach(e -> assertTrue(names.add(e.name()), "twice: " + e.name()));
    assertEquals(names.size(), EventCatalogue.listing().size());
    for (String line : EventCatalogue.listing()) {
      assertTrue(line.matches("[a-z-]+ {2,}(TaskFinish|WorkflowFinish|content moderation), .+ \\(valid-.+\\.(xml|json)\\)"),
          line);
    }
    assertTrue(EventCatalogue.unknown("nosuch").startsWith("unknown event \"nosuch\"; ci-callback trigger --list"));
  }
}
