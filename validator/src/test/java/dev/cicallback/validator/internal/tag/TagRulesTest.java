package dev.cicallback.validator.internal.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cicallback.contract.TagRequirement;
import dev.cicallback.model.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bytes tell a payload that cannot hold a Tag with requirements (which then skips the watch), never one that can;
 * the watch keeps what a job lacks by its own Tag, each parent occurrence on its own.
 */
class TagRulesTest {

  private static boolean mayHold(TagRules rules, String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return rules.mayHold(bytes, 0, bytes.length);
  }

  @Test
  void the_packaged_rules_are_the_tts_entrys() {
    assertFalse(TagRules.xml().isEmpty());
    assertEquals(List.of("State"), TagRules.xml().under("").stream().map(TagRequirement::node).toList());
    assertEquals(List.of("Output", "TtsConfig"),
        TagRules.json().under("Operation").stream().map(TagRequirement::node).toList());
    assertTrue(TagRules.json().follows("Operation"));
    assertFalse(TagRules.json().follows("Operation/MediaInfo"));
  }

  @Test
  void callbacks_of_other_tags_are_told_apart_by_their_bytes() {
    for (String name : List.of("xml/valid-snapshot-intldocs-sample1-jobapi.xml",
        "json/valid-transcode-intldocs-sample3-workflow.json",
        "json/valid-speechrecognition-en+zh-sample3-workflow.json")) {
      byte[] bytes = Fixtures.read(Fixtures.ROOT.resolve(name));
      TagRules rules = name.endsWith(".xml") ? TagRules.xml() : TagRules.json();
      assertFalse(rules.mayHold(bytes, 0, bytes.length), name);
    }
    assertFalse(mayHold(TagRules.xml(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Tag>Transcode</Tag>"),
        "the XML declaration is no instruction that could spell a Tag");
    assertFalse(mayHold(TagRules.xml(), "\uFEFF<?xml version=\"1.0\"?><Response/>"));
  }

  @Test
  void anything_that_could_spell_a_tag_with_requirements_is_watched() {
    TagRules xml = TagRules.xml();
    TagRules json = TagRules.json();
    assertTrue(mayHold(xml, "<Response><Tag>Tts</Tag></Response>"));
    assertTrue(mayHold(xml, "<Response><Tag>T&#116;s</Tag></Response>"));
    assertTrue(mayHold(xml, "<Response><Tag><![CDATA[T]]>ts</Tag></Response>"));
    assertTrue(mayHold(xml, "<Response><Tag>T<!---->ts</Tag></Response>"));
    assertTrue(mayHold(xml, "<?xml version=\"1.0\"?><Response><Tag>T<?a?>ts</Tag></Response>"));
    assertTrue(mayHold(xml, "<Response><Tag >Tts</Tag></Response>"));
    assertFalse(mayHold(xml, "<Response><Tags>Tts</Tags><Tag/><Tag>Transcode</Tag></Response>"));
    assertFalse(mayHold(xml, "<?xml-stylesheet href=\"a\"?><Response><!-- Tts --><Tag>Snapshot</Tag></Response>"),
        "what is outside a Tag element spells no Tag");
    assertTrue(mayHold(json, "{\"JobsDetail\": {\"Tag\": \"Tts\"}}"));
    assertTrue(mayHold(json, "{\"JobsDetail\": {\"Tag\": \"\\u0054ts\"}}"));
    assertFalse(mayHold(json, "{\"JobsDetail\": {\"Tag\": \"Transcode\"}}"));
    assertFalse(mayHold(new TagRules(Map.of(), true), "<Response><Tag>Tts</Tag></Response>"), "no rules");
  }

  @Test
  void the_watch_checks_every_occurrence_of_a_parent_and_keeps_what_the_jobs_tag_requires() {
    TagRequirement state = new TagRequirement("A", "a-callback", List.of(), "State");
    TagRequirement bucket = new TagRequirement("A", "a-callback", List.of("Operation", "Output"), "Bucket");
    TagRequirement other = new TagRequirement("B", "b-callback", List.of(), "Code");
    TagRules rules = new TagRules(Map.of("A", List.of(state, bucket), "B", List.of(other)), false);
    List<String> places = new ArrayList<>();
    JobWatch<String> watch = new JobWatch<>(rules, () -> "#" + places.size());

    watch.start("");
    job(watch, places, "A", "Bucket", "");   // the first Output has its Bucket, the second not; no State
    job(watch, places, "B", "Bucket", "Bucket"); // Tag B asks Code alone, which its job lacks
    watch.start("Unrelated");
    watch.start("JobsDetail");
    watch.end();
    watch.end();
    watch.end();

    assertEquals(List.of("A Operation/Output/Bucket", "A State", "B Code"),
        watch.missing().stream().map(m -> m.requirement().tag() + " " + m.requirement().path()).toList());
    assertEquals(List.of("#1", "#1", "#2"), watch.missing().stream().map(JobWatch.Missing::place).toList(),
        "each where its parent started: the second Output, then the first job; the second job");
    watch.reset();
    assertTrue(watch.satisfied());
  }

  /** A job of {@code tag} with an Operation holding two Outputs, with these children (or none for ""). */
  private static void job(JobWatch<String> watch, List<String> places, String tag, String first, String second) {
    places.add("job");
    watch.start("JobsDetail");
    watch.start("Tag");
    assertTrue(watch.wantsText());
    watch.text(tag.substring(0, 1));
    watch.text(tag.substring(1));
    watch.end();
    assertFalse(watch.wantsText());
    watch.start("Operation");
    for (String child : List.of(first, second)) {
      watch.start("Output");
      if (!child.isEmpty()) {
        watch.start(child);
        watch.end();
      }
      watch.end();
    }
    watch.end();
    watch.end();
  }
}
